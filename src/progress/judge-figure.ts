import type { ProgressTarget } from './types';

export interface FigureJudgement {
  /** Whether the figure satisfies the target's comparison. */
  met: boolean;
  /** How far along the figure is; above 1 for over-achievement, kept as is. */
  completion: number;
  /** For `range`: the figure lies above the upper bound. */
  aboveRange: boolean;
}

/**
 * Compares one actual figure with a target, op by op.
 *
 * - `eq`, `gte`: met from the value (达到/建成 N counts over-achievement as achieved), `gt`
 *   strictly above; completion = actual / value.
 * - `approx` (左右): met from `approxTolerance` × value; completion stays actual / value so
 *   a chart shows the true share.
 * - `range` (N-M): met from the lower bound, `aboveRange` above the upper.
 * - `lte`, `lt`: lower is better. Met when actual ≤ (or <) the value. Completion is the
 *   distance covered from the baseline (the first measurement) towards the target, so 1 at
 *   the target, above 1 below it and negative when the figure has moved away from it.
 *
 * A zero target has no ratio: completion is 1 when met and 0 when not.
 */
export function judgeFigure(
  target: Pick<ProgressTarget, 'op' | 'value' | 'max'>,
  actual: number,
  baseline: number,
  approxTolerance: number,
): FigureJudgement {
  const { op, value } = target;
  if (op === 'lte' || op === 'lt') {
    const met = op === 'lte' ? actual <= value : actual < value;
    return { met, completion: lowerIsBetterCompletion(actual, baseline, value, met), aboveRange: false };
  }
  const met =
    op === 'gt' ? actual > value : op === 'approx' ? actual >= approxTolerance * value : actual >= value;
  const aboveRange = op === 'range' && target.max !== null && actual > target.max;
  return { met, completion: value === 0 ? (met ? 1 : 0) : actual / value, aboveRange };
}

function lowerIsBetterCompletion(actual: number, baseline: number, value: number, met: boolean): number {
  // A baseline already at or under the target leaves no distance to measure progress over.
  if (baseline <= value) return met ? 1 : 0;
  return (baseline - actual) / (baseline - value);
}
