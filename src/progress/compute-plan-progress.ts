import { attainmentOf } from './attainment';
import { computeTargetProgress } from './compute-target-progress';
import { DEFAULT_PROGRESS_SETTINGS } from './default-progress-settings';
import type {
  Observation,
  ProgressMeasurementRecord,
  PlanProgressInput,
  ProgressTargetRecord,
  ProgressTaskRecord,
} from './plan-progress-input';
import { COUNTED_STATES, type DataState } from '../shared/index.js';
import { resolvePlanPeriod } from './resolve-plan-period';
import { emptyStatusCounts, summariseByUnit } from './summarise-by-unit';
import type {
  FigureHandling,
  PlanProgressView,
  ProgressSettings,
  TargetProgressRow,
  TaskProgressRow,
} from './types';

/**
 * The progress view of one plan as of one year, assembled from plain records: a row per
 * task and per quantified target, status counts, summaries per responsible unit and the
 * overall completion. Pure; `loadPlanProgress` feeds it from the store.
 *
 * Which figures count depends on `dataState`: `verified` takes only 已核实 figures, `all`
 * (the default) 已填报 and 已核实; a 退回 figure never counts, as if it had not been entered.
 */
export function computePlanProgress(input: PlanProgressInput): PlanProgressView {
  const { plan, options } = input;
  const dataState = options.dataState ?? 'all';
  const unit = options.unit?.trim() || null;
  const { startYear, horizonYear } = resolvePlanPeriod(plan, input.targets, options.asOfYear);
  const settings: ProgressSettings = {
    startYear,
    horizonYear,
    asOfYear: options.asOfYear,
    approxTolerance: options.approxTolerance ?? DEFAULT_PROGRESS_SETTINGS.approxTolerance,
    onTrackRatio: options.onTrackRatio ?? DEFAULT_PROGRESS_SETTINGS.onTrackRatio,
    members: input.members,
  };

  const observations = observationsByTarget(input.measurements, dataState);
  const handlings = latestHandling(input.measurements, dataState);
  const tasks = input.tasks
    .map(taskRow)
    .filter((task) => unit === null || task.units.includes(unit))
    .map((task) => ({ ...task, targetIds: [] as number[] }));

  const targets: TargetProgressRow[] = [];
  // Rows follow the document: tasks in order, each task's targets in order. A target whose
  // task is outside the view (another unit's, or missing) is left out.
  const targetsByTask = new Map<number, ProgressTargetRecord[]>();
  for (const target of input.targets) {
    targetsByTask.set(target.taskId, [...(targetsByTask.get(target.taskId) ?? []), target]);
  }
  for (const task of tasks) {
    for (const target of targetsByTask.get(task.taskId) ?? []) {
      task.targetIds.push(target.id);
      const members = (target.each !== null && input.membersByScope?.[target.each]) || input.members;
      const progress = computeTargetProgress(target, observations.get(target.id) ?? [], {
        ...settings,
        members,
      });
      targets.push({ ...targetRow(target, task, progress), handling: handlings.get(target.id) ?? null });
    }
  }

  const statusCounts = emptyStatusCounts();
  for (const row of targets) statusCounts[row.progress.status] += 1;
  const completions = targets.flatMap((row) => {
    const completion = row.progress.completion;
    return completion === null ? [] : [Math.min(1, Math.max(0, completion))];
  });
  const overallCompletion =
    completions.length === 0 ? null : completions.reduce((sum, c) => sum + c, 0) / completions.length;

  return {
    plan: {
      id: plan.id,
      title: plan.title,
      issuer: plan.issuer,
      year: plan.year,
      sourceName: plan.sourceName,
      startYear,
      horizonYear,
    },
    asOfYear: options.asOfYear,
    dataState,
    unit,
    tasks,
    targets,
    units: summariseByUnit(targets, unit),
    statusCounts,
    attainment: attainmentOf(targets.map((row) => row.progress)),
    overallCompletion,
  };
}

/**
 * Per target, who entered and who verified its latest counted figure: the latest year, and
 * within it the figure entered last (per-member targets have one per member).
 */
function latestHandling(measurements: ProgressMeasurementRecord[], dataState: DataState) {
  const byTarget = new Map<number, FigureHandling>();
  const counted = COUNTED_STATES[dataState];
  for (const m of measurements) {
    if (!counted.includes(m.state)) continue;
    const seen = byTarget.get(m.targetId);
    const later =
      !seen || m.year > seen.year || (m.year === seen.year && (m.enteredAt ?? '') > (seen.enteredAt ?? ''));
    if (!later) continue;
    byTarget.set(m.targetId, {
      year: m.year,
      member: m.member,
      enteredBy: m.enteredBy ?? null,
      enteredAt: m.enteredAt ?? null,
      verifiedBy: m.verifiedBy ?? null,
      verifiedAt: m.verifiedAt ?? null,
    });
  }
  return byTarget;
}

function observationsByTarget(measurements: ProgressMeasurementRecord[], dataState: DataState) {
  const byTarget = new Map<number, Observation[]>();
  const counted = COUNTED_STATES[dataState];
  for (const m of measurements) {
    if (!counted.includes(m.state)) continue;
    const list = byTarget.get(m.targetId) ?? [];
    list.push({
      year: m.year,
      member: m.member,
      value: m.value,
      numerator: m.numerator,
      denominator: m.denominator,
    });
    byTarget.set(m.targetId, list);
  }
  return byTarget;
}

function taskRow(task: ProgressTaskRecord): Omit<TaskProgressRow, 'targetIds'> {
  const units = [...new Set(task.units.map((u) => u.name.trim()).filter(Boolean))];
  // The first listed unit leads when the document has no separate 牵头单位 column.
  const lead = task.units.find((u) => u.role === 'lead')?.name.trim() ?? units[0] ?? null;
  return {
    taskId: task.id,
    seq: task.seq,
    text: task.text,
    leadUnit: lead,
    units,
    qualitative: task.qualitative,
    qualitativeStatus: task.qualitativeStatus,
  };
}

function targetRow(
  target: ProgressTargetRecord,
  task: TaskProgressRow,
  progress: TargetProgressRow['progress'],
): Omit<TargetProgressRow, 'handling'> {
  return {
    targetId: target.id,
    taskId: task.taskId,
    seq: task.seq,
    taskText: task.text,
    subject: target.subject,
    quote: target.quote,
    value: target.value,
    max: target.max,
    unit: target.unit,
    op: target.op,
    deadline: target.deadline,
    per: target.per,
    each: target.each,
    base: target.base,
    change: target.change ?? null,
    baseYear: target.baseYear ?? null,
    leadUnit: task.leadUnit,
    units: task.units,
    average: target.average === true,
    progress,
  };
}
