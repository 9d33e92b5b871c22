import { expectedProgress } from './expected-progress';
import type { ProgressSettings, ProgressTarget } from './types';

/**
 * How a target's yearly figures are read:
 * - `cumulative`: counts and amounts without `per` (建成 10 个基地). Figures are entered as
 *   running totals as of each year's end (累计数, the usual 统计 practice), never as the
 *   year's increment, so the figure for the judged year is the whole achievement so far.
 * - `yearly`: `per: 'year'` rates (每年培训 2000 人次), judged on the judged year's figure.
 * - `average`: 年均 rates, judged on the mean of the period's yearly figures so far.
 * - `level`: shares, multiples and lower-is-better figures (经费占比, 控制在…以内), a state
 *   measured afresh each year.
 */
export type SeriesKind = 'cumulative' | 'yearly' | 'average' | 'level';

const RATIO_UNITS = new Set(['%', '倍', '个百分点']);

export function seriesKind(target: ProgressTarget): SeriesKind {
  // A change against a base year is read off the level of each year (judge-change.ts).
  if (target.change) return 'level';
  if (target.average) return 'average';
  if (target.per === 'year') return 'yearly';
  if (RATIO_UNITS.has(target.unit) || target.op === 'lte' || target.op === 'lt') return 'level';
  return 'cumulative';
}

/**
 * 序时进度 for a target. A rate without its own deadline (每年…) is due in full every year,
 * and a 年均 figure is already an average over the years so far, so both expect 100% once
 * the period has begun; everything else expects the elapsed share of start..deadline.
 */
export function expectedFor(target: ProgressTarget, settings: ProgressSettings, deadline: number): number {
  const kind = seriesKind(target);
  const dueEveryYear = kind === 'average' || (kind === 'yearly' && target.deadline === null);
  if (dueEveryYear) return settings.asOfYear >= settings.startYear ? 1 : 0;
  return expectedProgress(settings.startYear, deadline, settings.asOfYear);
}
