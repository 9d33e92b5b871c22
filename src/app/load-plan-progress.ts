import { membersForScope } from '../db/members-for-scope';
import { unitName } from '../db/unit-name';
import type { PlanRecord, Store } from '../db/store';
import { DomainError } from '../errors';
import { computePlanProgress } from '../progress/compute-plan-progress';
import type { PlanProgressOptions } from '../progress/plan-progress-input';
import type { PlanProgressView } from '../progress/types';
import { isYearlyAverage } from '../progress/yearly-average';
import { versionCache } from './version-cache';

/** A view of a few hundred targets is some 100 KB; a hundred covers a page of plans and more. */
const cachedView = versionCache<PlanProgressView>(100);

/**
 * The progress view of a stored plan, computed once per version of what it is computed from:
 * the plan record (its revision moves with every edit, state change and member list), its
 * data version (raised by the database with every figure, target revision and task status:
 * `planDataVersions`), the options and the calendar year (the default as-of year). The
 * version is read before the data, so a write landing between the two can only leave a view
 * newer than its key, never an older one; every instance
 * computes the same key from the same database, so none serves a view another would not.
 * Concurrent requests for one key share the one computation. The view is shared: callers
 * read it and never change it.
 *
 * @example await loadPlanProgress(store, 1, { asOfYear: 2024, dataState: 'verified' })
 */
export async function loadPlanProgress(
  store: Store,
  planIdOrRecord: number | PlanRecord,
  options: ProgressOptions,
): Promise<PlanProgressView> {
  const plan = typeof planIdOrRecord === 'number' ? await store.getPlan(planIdOrRecord) : planIdOrRecord;
  const versions = await store.planDataVersions([plan.id]);
  return viewOf(store, plan, versions.get(plan.id) ?? 0, options);
}

/**
 * The progress views of a page of plans (the plans page), with one read of their versions:
 * unchanged plans cost no more than that read.
 */
export async function loadPlansProgress(
  store: Store,
  plans: PlanRecord[],
  options: ProgressOptions,
): Promise<PlanProgressView[]> {
  const versions = await store.planDataVersions(plans.map((p) => p.id));
  const views = [];
  // One after another: a first visit computes each plan once, without holding every read open.
  for (const plan of plans) views.push(await viewOf(store, plan, versions.get(plan.id) ?? 0, options));
  return views;
}

type ProgressOptions = Omit<PlanProgressOptions, 'asOfYear'> & { asOfYear?: number | null };

function viewOf(store: Store, plan: PlanRecord, dataVersion: number, options: ProgressOptions) {
  // Read once: the view is computed with the year its key names, also across New Year's night.
  const calendarYear = new Date().getFullYear();
  const key = JSON.stringify([plan, dataVersion, options, calendarYear]);
  return cachedView(store, key, () =>
    computeStoredPlanProgress(store, plan, options, calendarYear).then(deepFreeze),
  );
}

/** Freezes a shared view all the way down, so a caller that would change it fails at once. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The progress view of a stored plan: reads the plan's tasks, current targets, current
 * measurements and jurisdiction members through the Store, marks the 年均 targets
 * (`isYearlyAverage`), then hands them to `computePlanProgress`. The only I/O in the
 * progress rules; unknown plan ids raise the store's `not_found`, and so does a unit the plan
 * does not name (a misspelt unit would otherwise give an empty report). Without `asOfYear`
 * the plan is judged as of the latest year anyone reported for (figures for a year arrive
 * after it ends), or `calendarYear` capped at the plan's horizon before any figure.
 */
async function computeStoredPlanProgress(
  store: Store,
  plan: PlanRecord,
  options: ProgressOptions,
  calendarYear: number,
): Promise<PlanProgressView> {
  const [tasks, targets, measurements, jurisdiction] = await Promise.all([
    store.listTasks(plan.id),
    store.listTargets(plan.id),
    store.listMeasurements({ planId: plan.id }),
    store.listMembers(plan.id),
  ]);
  // Each scope as written picks its own members: 每个县（市）区 takes in the districts,
  // 每个县（市） does not, and 教师 ranges over no jurisdiction at all.
  const membersByScope: Record<string, string[]> = {};
  for (const target of targets) {
    if (target.each !== null && !(target.each in membersByScope)) {
      membersByScope[target.each] = membersForScope(target.each, jurisdiction).map((m) => m.name);
    }
  }
  // 年均 targets are judged by their average; the words sit in the task text before the quote.
  const taskText = new Map(tasks.map((t) => [t.id, t.text]));
  const judged = targets.map((t) => ({ ...t, average: isYearlyAverage(t, taskText.get(t.taskId) ?? '') }));
  const asOfYear =
    options.asOfYear ??
    (measurements.length > 0
      ? Math.max(...measurements.map((m) => m.year))
      : Math.min(calendarYear, plan.horizonYear));
  const view = computePlanProgress({
    plan,
    tasks,
    targets: judged,
    measurements,
    members: jurisdiction.map((m) => m.name),
    membersByScope,
    // Units are stored under one name: `--unit 各县(市)政府` finds 各县（市）政府.
    options: { ...options, asOfYear, unit: options.unit ? unitName(options.unit) : null },
  });
  if (view.unit !== null && view.tasks.length === 0) {
    const message = `本方案没有责任单位“${options.unit}” / this plan names no responsible unit "${options.unit}"`;
    throw new DomainError('not_found', message, [{ path: ['unit'], message }]);
  }
  return view;
}
