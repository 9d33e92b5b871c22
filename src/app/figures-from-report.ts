/**
 * Figures read from a completion report (issue 13): the report is read, its achieved figures
 * matched to the plan's targets and returned as proposals — nothing is stored. Accepting
 * proposals records them as 已填报 through the revisioned write path, each with its source.
 */
import { readReport, type AchievedFigure } from '../../extractors/reports/read-report';
import {
  matchFigures,
  matchTarget,
  type Candidate,
  type MatchTarget,
} from '../../extractors/reports/match-figures';
import { readReportText } from '../documents/read-report-text';
import type {
  Actor,
  FigureSource,
  MeasurementRecord,
  Store,
  TargetRecord,
  TaskRecord,
  UserRecord,
} from '../db/store';
import { DomainError } from '../errors';
import { figureRefusal, planRefusal } from './figure-access';
import { guardFigureRows } from './figure-guard';
import { sha256Hex } from './import-plan-file';

export interface ReportFile {
  name: string;
  data: Buffer;
}

/** One figure of the report, with the target proposed for it (none for an unmatched figure). */
export interface FigureProposal {
  /** Position among the report's figures: names the proposal on the page. */
  index: number;
  targetId: number | null;
  member: string | null;
  /** The figure in the proposed target's unit (as written when no target is proposed). */
  value: number;
  unit: string;
  score: number | null;
  /** As the report writes it: `0.26万人次` resolved to 2600 人次, `136500万元` kept. */
  reportValue: number;
  reportUnit: string;
  subject: string;
  wording: string | null;
  note: string | null;
  /** Other targets the figure could be for, best first, value in each one's unit. */
  alternatives: { targetId: number; value: number; unit: string; score: number }[];
  sentence: string;
  sentenceStart: number;
  /** The figure's span in `sentence`. */
  figureStart: number;
  figureEnd: number;
  /** The current figure of the proposed target for this year and member, if any. */
  current: { value: number; revision: number; state: MeasurementRecord['state'] } | null;
  /** Whether the asking account may record it (its unit, its member). */
  mayRecord: boolean;
}

export interface ReportProposals {
  planId: number;
  year: number;
  fileName: string;
  sha256: string;
  proposals: FigureProposal[];
  unmatched: FigureProposal[];
  /** Targets of the plan no figure was proposed for. */
  withoutFigure: number[];
}

const seriesKey = (targetId: number, year: number, member: string | null) =>
  `${targetId}|${year}|${member ?? ''}`;

/**
 * Reads a report for a plan and a year and proposes a figure per target; stores nothing.
 * `user` limits `mayRecord` to what that account may write (none: every figure may be).
 */
export async function proposeFiguresFromReport(
  store: Store,
  planId: number,
  year: number,
  file: ReportFile,
  user: UserRecord | null,
): Promise<ReportProposals> {
  const plan = await store.getPlan(planId);
  if (user) {
    const outside = planRefusal(user, plan.id);
    if (outside) throw outside;
  }
  const text = await readReportText(file.name, file.data);
  const [tasks, targets, members, current] = await Promise.all([
    store.listTasks(plan.id),
    store.listTargets(plan.id),
    store.listMembers(plan.id),
    store.listMeasurements({ planId: plan.id }),
  ]);
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const matchTargets = targets.map((t) => toMatchTarget(t, taskById.get(t.taskId)));
  const reading = readReport(text, { year, members: members.map((m) => m.name) });
  const options = { year, horizonYear: plan.horizonYear, reportText: text };
  const figures = [...reading.figures, ...reading.stocks, ...reading.changes];
  const matching = matchFigures(figures, matchTargets, options);
  const currentBySeries = new Map(current.map((m) => [seriesKey(m.targetId, m.year, m.member), m]));
  const targetById = new Map(targets.map((t) => [t.id, t]));

  const proposal = (
    figure: AchievedFigure,
    chosen: Candidate<number> | null,
    others: Candidate<number>[],
  ) => {
    const target = chosen ? targetById.get(chosen.target)! : null;
    const now = target ? currentBySeries.get(seriesKey(target.id, year, figure.member)) : undefined;
    const task = target ? taskById.get(target.taskId) : undefined;
    const sentence = text.slice(figure.sentenceStart, figure.sentenceEnd);
    return {
      index: figures.indexOf(figure),
      targetId: target?.id ?? null,
      member: figure.member,
      value: chosen?.value ?? figure.value,
      unit: chosen?.unit ?? figure.unit,
      score: chosen?.score ?? null,
      reportValue: figure.value,
      reportUnit: figure.unit,
      subject: figure.subject,
      wording: figure.wording,
      note: figure.note,
      alternatives: others.map((c) => ({ targetId: c.target, value: c.value, unit: c.unit, score: c.score })),
      sentence,
      sentenceStart: figure.sentenceStart,
      figureStart: figure.start - figure.sentenceStart,
      figureEnd: figure.end - figure.sentenceStart,
      current: now ? { value: now.value, revision: now.revision, state: now.state } : null,
      mayRecord:
        !user ||
        !target ||
        figureRefusal(user, {
          planId: plan.id,
          taskUnits: task?.units.map((u) => u.name) ?? [],
          member: figure.member,
        }) === null,
    } satisfies FigureProposal;
  };

  const proposals = matching.proposals.map((p) => proposal(p.figure, p, p.alternatives));
  // An unmatched figure still lists the targets of its measure a reviewer may pick.
  const unmatched = matching.unmatched
    .filter((figure) => !figure.stock && !figure.change)
    .map((figure) => {
      const loose = matchFigures([figure], matchTargets, { ...options, minScore: 0 }).proposals[0];
      return proposal(figure, null, loose ? [loose, ...loose.alternatives] : []);
    });
  return {
    planId: plan.id,
    year,
    fileName: file.name,
    sha256: sha256Hex(file.data),
    proposals,
    unmatched,
    withoutFigure: matching.withoutFigure,
  };
}

function toMatchTarget(t: TargetRecord, task: TaskRecord | undefined): MatchTarget<number> {
  return matchTarget(t.id, t, { text: task?.text ?? '', units: task?.units.map((u) => u.name) ?? [] });
}

/** A proposal as accepted on the page: the target and value may have been changed. */
export interface AcceptedFigure {
  targetId: number;
  member: string | null;
  value: number;
  note?: string | null;
  /** The series' revision the reviewer saw (0: none yet); a later one makes the write stale. */
  revision?: number;
  sentence: string;
  sentenceStart: number;
  figureStart: number;
  figureEnd: number;
}

/**
 * Records accepted figures for one plan and year, all or none, each as 已填报 with its source;
 * 403 when any is not the account's to write, naming each.
 */
export async function acceptReportFigures(
  store: Store,
  user: UserRecord,
  planId: number,
  input: { year: number; fileName: string; sha256: string; figures: AcceptedFigure[] },
  actor: Actor,
): Promise<MeasurementRecord[]> {
  const plan = await store.getPlan(planId);
  const targets = await store.listTargets(plan.id);
  const byId = new Map(targets.map((t) => [t.id, t]));
  const foreign = input.figures.findIndex((f) => !byId.has(f.targetId));
  if (foreign >= 0) {
    throw new DomainError('unprocessable', undefined, [
      {
        path: ['figures', foreign, 'targetId'],
        message: `targetId：目标 ${input.figures[foreign]!.targetId} 不属于方案 ${plan.id} / not a target of this plan`,
      },
    ]);
  }
  await guardFigureRows(
    store,
    user,
    plan.id,
    targets,
    input.figures.map((f, i) => ({ targetId: f.targetId, member: f.member, line: i + 1 })),
  );
  return staleAsConflict(() =>
    store.recordReportFigures(
      input.figures.map((f) => {
        const source: FigureSource = {
          fileName: input.fileName,
          sha256: input.sha256,
          sentence: f.sentence,
          sentenceStart: f.sentenceStart,
          figureStart: f.figureStart,
          figureEnd: f.figureEnd,
        };
        return {
          targetId: f.targetId,
          year: input.year,
          member: f.member,
          value: f.value,
          note: f.note ?? null,
          ...(f.revision !== undefined ? { expectedRevision: f.revision } : {}),
          source,
        };
      }),
      actor,
    ),
  );
}

/**
 * A figure someone else recorded since the page read the report: the write path names the
 * stale rows among its checks; here it is a 409, as for any other stale revision.
 */
async function staleAsConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'validation_failed') throw e;
    const stale = e.issues.filter((i) => i.path[i.path.length - 1] === 'expectedRevision');
    if (stale.length === 0 || stale.length !== e.issues.length) throw e;
    throw new DomainError(
      'stale_revision',
      `${stale.length} 项数据已被他人修改，请重新读取报告后再确认 / ${stale.length} figure(s) changed meanwhile: read the report again`,
      stale.map((i) => ({ ...i, path: ['figures', ...i.path.slice(1)] })),
    );
  }
}
