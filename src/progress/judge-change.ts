/**
 * Targets against a base year (`单位GDP能耗比2020年下降13.5%`, `农村居民收入较2020年增长8%`).
 * The figure entered each year is the level (能耗 in 吨标准煤/万元, 收入 in 元); the statistician
 * enters the base year's level once, as the figure for the base year. The change achieved by a
 * year is measured from that level: for a share or a multiple of the base (`%`, `‰`, `倍`)
 * relative, (level − base) / base, otherwise (`个百分点`, `万吨`) the difference, level − base;
 * either way counted in the target's direction, so a fall of 12.3% is +12.3 against a target to
 * fall 14% and −12.3 against one to rise. The change is then compared with the target's value
 * under its op: `下降14%` (eq) and `下降14%以上` (gte) are met by a fall of 14% or more,
 * `增长控制在5%以内` (lte) by a rise of at most 5%.
 *
 * A target to reach a level (`降至10%以下`, `控制在5%以内`) has no direction and is not judged
 * here: it is an `lte` on the level itself.
 */
import { judgeFigure } from './judge-figure';
import type { ChangeProgress, ProgressSettings, ProgressTarget, TargetProgress } from './types';
import {
  PREVIOUS_YEAR_BASES,
  formatAmount,
  formatChange,
  formatPercent,
  type Status,
} from '../shared/index.js';

/** Units that state the change as a share of the base level, with their scale. */
const RELATIVE_SCALE: Record<string, number> = { '%': 100, '‰': 1000, 倍: 1 };

type ChangeTarget = ProgressTarget & { change: NonNullable<ProgressTarget['change']> };

export type ChangeJudgement = Pick<
  TargetProgress,
  'status' | 'completion' | 'latest' | 'aboveRange' | 'note' | 'change'
>;

/** True when a target measures a change against a base (it has a direction). */
export function isChangeTarget(target: ProgressTarget): target is ChangeTarget {
  return target.change === 'rise' || target.change === 'fall';
}

/** The year whose level the change of `year` is measured from: the base year, or the year before (`较上年`). */
export function baseYearFor(target: ProgressTarget, year: number): number | null {
  if (target.baseYear != null) return target.baseYear;
  return target.base !== null && PREVIOUS_YEAR_BASES.includes(target.base) ? year - 1 : null;
}

/**
 * The change from `baseLevel` to `level` in the target's direction and unit; null when a
 * relative change has a zero base.
 * @example changeAchieved({ change: 'fall', unit: '%', … }, 0.5, 0.4385) // 12.3 (a fall of 12.3%)
 */
export function changeAchieved(target: ChangeTarget, baseLevel: number, level: number): number | null {
  const moved = target.change === 'fall' ? baseLevel - level : level - baseLevel;
  const scale = RELATIVE_SCALE[target.unit];
  if (scale === undefined) return moved;
  return baseLevel === 0 ? null : (moved / baseLevel) * scale;
}

/** The level at which the change reaches the target's value (a fall of 14% from 100 → 86). */
export function targetLevel(target: ChangeTarget, baseLevel: number): number {
  const scale = RELATIVE_SCALE[target.unit];
  const step = scale === undefined ? target.value : (baseLevel * target.value) / scale;
  return target.change === 'fall' ? baseLevel - step : baseLevel + step;
}

/**
 * Judges a change target's figures (levels by year) as of `settings.asOfYear`, the judged
 * year being the as-of year or the passed deadline. Without a base year, or without the base
 * year's level, the target is 未填报 and says which is missing rather than judging.
 */
export function judgeChange(
  target: ChangeTarget,
  figures: Map<number, number>,
  settings: ProgressSettings,
  deadline: number,
  expected: number,
): ChangeJudgement | null {
  const judgedYear = Math.min(settings.asOfYear, deadline);
  if (judgedYear < settings.startYear) return null;
  const level = figures.get(judgedYear);
  const baseYear = baseYearFor(target, judgedYear);
  const baseLevel = baseYear === null ? undefined : figures.get(baseYear);
  const change: ChangeProgress = {
    baseYear,
    baseLevel: baseLevel ?? null,
    achieved: null,
    targetLevel: baseLevel === undefined ? null : targetLevel(target, baseLevel),
  };
  const latest = level === undefined ? null : { year: judgedYear, value: level };
  const unreported = (note: string): ChangeJudgement => ({
    status: 'unreported',
    completion: null,
    latest,
    aboveRange: false,
    change,
    note,
  });
  const levelNote = level === undefined ? '' : `；${judgedYear} 年 ${formatAmount(level, '')}`;
  if (baseYear === null) return unreported(`未设定基期年份，无法计算变化${levelNote}`);
  if (baseLevel === undefined) return unreported(`未填报基期数据（${baseYear} 年）${levelNote}`);
  if (level === undefined)
    return unreported(`${judgedYear} 年未填报（基期 ${baseYear} 年 ${formatAmount(baseLevel, '')}）`);
  const achieved = changeAchieved(target, baseLevel, level);
  if (achieved === null) return unreported(`基期（${baseYear} 年）数据为 0，无法计算变化幅度`);
  change.achieved = achieved;

  const { met, completion, aboveRange } = judgeFigure(target, achieved, 0, settings.approxTolerance);
  const label = `${judgedYear} 年${formatChange(target, achieved)}`;
  if (met) return { status: 'met', completion, latest, aboveRange, change, note: `已达标：${label}` };
  if (settings.asOfYear >= deadline)
    return {
      status: 'missed',
      completion,
      latest,
      aboveRange,
      change,
      note: `截至 ${deadline} 年底未达标：${label}`,
    };
  const status: Status = completion >= settings.onTrackRatio * expected ? 'on_track' : 'behind';
  const note = `${label}，完成 ${formatPercent(completion)}，序时进度 ${formatPercent(expected)}`;
  return { status, completion, latest, aboveRange, change, note };
}
