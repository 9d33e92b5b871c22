/**
 * The product on first start: both seed plans with their jurisdictions and 示例数据 for
 * 2023–2025 that produce every status. Safe to run on every start: a plan already stored is
 * found by its file's hash, and figures are only written for a plan that has none, so
 * neither a restart nor a user's later corrections are duplicated or overwritten.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { importPlanFile, type PlanFileResult } from '../app/import-plan-file';
import type { MeasurementRow, PlanRecord, Store, TargetRecord, TaskRecord } from '../db/store';
import { JILIN_FIGURES, SIPING_FIGURES, type ExampleFigures, type Year } from './example-figures';
import { JILIN, SIPING, type Jurisdiction } from './jurisdictions';

const ACTOR = 'demo';
/** The note every example figure carries, so nobody takes it for a real one. */
export const DEMO_NOTE = '示例数据';

interface SeedPlan {
  file: string;
  title: string;
  issuer: string;
  year: number | null;
  jurisdiction: Jurisdiction;
  /** Plan period where the document states none (editable in the product). */
  period?: { startYear: number; horizonYear: number };
  figures: ExampleFigures[];
}

/** The two seed plans with their issuers, years and jurisdictions. */
export const SEED_PLANS: SeedPlan[] = [
  {
    file: '000_3cb08648fdcd494e.txt',
    title: '吉林市推动现代职业教育高质量发展建设技能社会实施方案',
    issuer: '吉林市人民政府',
    year: 2023,
    jurisdiction: JILIN,
    figures: JILIN_FIGURES,
  },
  {
    file: '002_36169d261e098f31.txt',
    title: '四平市推动现代职业教育高质量发展重点工作任务分工',
    issuer: '四平市人民政府',
    // The document carries neither its year nor any deadline: a five-year period from 2023 is
    // the demo's setting, so that as of 2025 its targets are still under way.
    year: null,
    period: { startYear: 2023, horizonYear: 2027 },
    jurisdiction: SIPING,
    figures: SIPING_FIGURES,
  },
];

export interface SeededPlan extends PlanFileResult {
  /** Current figures written by this run (0 when the plan already had figures). */
  figures: number;
  /** Example figures whose target the extractor did not produce, as `序号 value unit`. */
  unmatched: string[];
}

/** Imports both seed plans and their example figures; returns what it found or wrote. */
export async function seedDemo(store: Store, plansDir = path.join(PROJECT_ROOT, 'data', 'plans')) {
  const seeded: SeededPlan[] = [];
  for (const seed of SEED_PLANS) {
    const data = await readFile(path.join(plansDir, seed.file));
    const imported = await importPlanFile(
      store,
      seed.file,
      data,
      {
        title: seed.title,
        issuer: seed.issuer,
        year: seed.year,
        jurisdiction: seed.jurisdiction,
        // The demo's plans are for everyone to see at once.
        state: 'published',
      },
      ACTOR,
    );
    let plan = imported.plan;
    if (imported.created && seed.period)
      plan = await store.updatePlan(plan.id, seed.period, plan.revision, ACTOR);
    const hasFigures = (await store.listMeasurements({ planId: plan.id })).length > 0;
    const written = hasFigures
      ? { figures: 0, unmatched: [] }
      : await writeFigures(store, plan, seed.figures);
    seeded.push({ ...imported, plan, ...written });
  }
  return seeded;
}

function findTarget(
  f: ExampleFigures,
  tasks: TaskRecord[],
  targets: TargetRecord[],
): TargetRecord | undefined {
  const taskIds = new Set(tasks.filter((t) => t.seq === f.seq).map((t) => t.id));
  return targets.find(
    (t) =>
      taskIds.has(t.taskId) &&
      t.value === f.value &&
      t.unit === f.unit &&
      (!f.subject || t.subject.includes(f.subject)),
  );
}

function rowsFor(f: ExampleFigures, target: TargetRecord): MeasurementRow[] {
  const note = DEMO_NOTE;
  const rows: MeasurementRow[] = [];
  const first = (year: Year, value: number) =>
    f.correctedFrom?.year === year ? f.correctedFrom.value : value;
  for (const [year, value] of Object.entries(f.years ?? {})) {
    rows.push({ targetId: target.id, year: Number(year), value: first(Number(year) as Year, value), note });
  }
  for (const [year, [numerator, denominator]] of Object.entries(f.ratios ?? {})) {
    rows.push({ targetId: target.id, year: Number(year), numerator, denominator, note });
  }
  for (const [member, years] of Object.entries(f.members ?? {})) {
    for (const [year, value] of Object.entries(years))
      rows.push({ targetId: target.id, year: Number(year), member, value, note });
  }
  if (f.returned) rows.push({ targetId: target.id, year: f.returned.year, value: f.returned.value, note });
  return rows;
}

/**
 * Writes the figures in one all-or-nothing batch, then the revisions a real year brings:
 * one correction, one figure returned (退回), and 2023–2024 figures verified (已核实) while
 * 2025's are still only reported (已填报).
 */
async function writeFigures(store: Store, plan: PlanRecord, figures: ExampleFigures[]) {
  const [tasks, targets] = await Promise.all([store.listTasks(plan.id), store.listTargets(plan.id)]);
  const unmatched: string[] = [];
  const rows: MeasurementRow[] = [];
  const stories: { f: ExampleFigures; target: TargetRecord }[] = [];
  for (const f of figures) {
    const target = findTarget(f, tasks, targets);
    if (!target) {
      unmatched.push(`${f.seq} ${f.value}${f.unit}${f.subject ? ` ${f.subject}` : ''}`);
      continue;
    }
    rows.push(...rowsFor(f, target));
    stories.push({ f, target });
  }
  if (rows.length === 0) return { figures: 0, unmatched };
  const written = await store.recordMeasurements(rows, ACTOR);

  for (const { f, target } of stories) {
    if (f.correctedFrom) {
      const value = f.years?.[f.correctedFrom.year];
      const note = `${DEMO_NOTE}（更正：原填 ${f.correctedFrom.value}）`;
      await store.recordMeasurement(target.id, { year: f.correctedFrom.year, value, note }, ACTOR, 1);
    }
    if (f.returned)
      await store.setMeasurementState(
        target.id,
        f.returned.year,
        null,
        'returned',
        1,
        ACTOR,
        '与统计年报不一致，请核对后重新报送',
      );
  }
  const corrected = new Set(
    stories.filter((s) => s.f.correctedFrom).map((s) => `${s.target.id}|${s.f.correctedFrom!.year}`),
  );
  for (const m of written) {
    if (m.year > 2024 || corrected.has(`${m.targetId}|${m.year}`)) continue;
    await store.setMeasurementState(m.targetId, m.year, m.member, 'verified', m.revision, ACTOR);
  }
  return { figures: written.length, unmatched };
}
