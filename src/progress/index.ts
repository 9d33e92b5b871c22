/**
 * The progress rules: where each target stands as of a year (`computeTargetProgress`), the
 * view of a whole plan (`computePlanProgress`), per-unit summaries, and the store-backed
 * loader the HTTP service, charts and reports call.
 */
export { computeTargetProgress } from './compute-target-progress';
export { computePlanProgress } from './compute-plan-progress';
export { resolvePlanPeriod } from './resolve-plan-period';
export { summariseByUnit, emptyStatusCounts } from './summarise-by-unit';
export { attainmentOf } from './attainment';
export { DEFAULT_PROGRESS_SETTINGS } from './default-progress-settings';
export { expectedProgress } from './expected-progress';
export type * from './plan-progress-input';
export * from './types';
export { isYearlyAverage } from './yearly-average';
