import type { ProgressPlanRecord, ProgressTargetRecord } from './plan-progress-input';

/**
 * The plan period: its start (the plan's own start, else the year it was issued, else the
 * as-of year) and its horizon (set on the plan, else the latest deadline among its targets,
 * else the start year).
 */
export function resolvePlanPeriod(
  plan: Pick<ProgressPlanRecord, 'startYear' | 'horizonYear' | 'year'>,
  targets: Pick<ProgressTargetRecord, 'deadline'>[],
  asOfYear: number,
): { startYear: number; horizonYear: number } {
  const startYear = plan.startYear ?? plan.year ?? asOfYear;
  const deadlines = targets.flatMap((t) => (t.deadline === null ? [] : [t.deadline]));
  const horizonYear = plan.horizonYear ?? (deadlines.length > 0 ? Math.max(...deadlines) : startYear);
  return { startYear, horizonYear };
}
