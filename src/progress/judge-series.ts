import { describeTarget, formatAmount, formatPercent } from './describe-target';
import { expectedProgress } from './expected-progress';
import { judgeFigure } from './judge-figure';
import type { ProgressSettings, ProgressTarget, Status, TargetProgress } from './types';

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

export type SeriesJudgement = Pick<
  TargetProgress,
  'status' | 'completion' | 'latest' | 'series' | 'aboveRange' | 'note'
>;

/**
 * Judges one reporter's figures (the whole plan area, or one member of an `each` target) as
 * of `settings.asOfYear`. The judged year is the as-of year, or the deadline once it has
 * passed: a target due by the end of 2023 is judged on the 2023 figure, and later figures
 * only show up in the note and the series. The current target is always the yardstick, so a
 * target edited after figures were entered is judged by its new value.
 *
 * 未填报 rule: the judged year's figure is what is due. Without it the status is 未填报,
 * with one exception a statistician would make: a cumulative total that had already
 * reached the target cannot fall back, so it stays 已达标 (noting the missing year).
 */
export function judgeSeries(
  target: ProgressTarget,
  figures: Map<number, number>,
  settings: ProgressSettings,
  deadline: number,
  expected: number,
): SeriesJudgement {
  const kind = seriesKind(target);
  const judgedYear = Math.min(settings.asOfYear, deadline);
  const years = [...figures.keys()].filter((year) => year <= settings.asOfYear).sort((a, b) => a - b);
  const firstYear = Math.min(settings.startYear, years[0] ?? settings.startYear);
  const series = [];
  for (let year = firstYear; year <= settings.asOfYear; year++) {
    series.push({ year, value: figures.get(year) ?? null });
  }
  const earlier = years.filter((year) => year <= judgedYear);
  const baselineYear = earlier[0];
  const base = { series, aboveRange: false };

  const own = figures.get(judgedYear);
  if (own === undefined || baselineYear === undefined) {
    const previousYear = earlier.at(-1);
    const previous = previousYear === undefined ? undefined : figures.get(previousYear);
    const latest =
      previousYear !== undefined && previous !== undefined ? { year: previousYear, value: previous } : null;
    if (judgedYear < settings.startYear) {
      return {
        ...base,
        status: 'on_track',
        completion: null,
        latest,
        note: `规划期自 ${settings.startYear} 年开始，尚无应填报年度`,
      };
    }
    if (kind === 'cumulative' && latest) {
      const { met, completion, aboveRange } = judgeFigure(
        target,
        latest.value,
        latest.value,
        settings.approxTolerance,
      );
      if (met) {
        const note = `${judgedYear} 年未填报；${latest.year} 年累计 ${formatAmount(latest.value, target.unit)}，已达标`;
        return { ...base, aboveRange, status: 'met', completion, latest, note };
      }
    }
    const hint = latest ? `（最近数据：${latest.year} 年 ${formatAmount(latest.value, target.unit)}）` : '';
    return { ...base, status: 'unreported', completion: null, latest, note: `${judgedYear} 年未填报${hint}` };
  }

  let actual = own;
  let label = `${judgedYear} 年 ${formatAmount(own, target.unit)}`;
  if (kind === 'average') {
    const from = Math.min(settings.startYear, judgedYear);
    const inPeriod = earlier.filter((year) => year >= from);
    actual = inPeriod.reduce((sum, year) => sum + (figures.get(year) ?? 0), 0) / inPeriod.length;
    label = `${from}–${judgedYear} 年年均 ${formatAmount(actual, target.unit)}`;
    // A year without a figure is left out of the mean rather than counted as zero.
    const gaps = series.filter((p) => p.year >= from && p.year <= judgedYear && p.value === null);
    if (gaps.length > 0) label += `（${gaps.map((p) => p.year).join('、')} 年未填报，不计入）`;
  }
  const baseline = figures.get(baselineYear) ?? actual;
  const { met, completion, aboveRange } = judgeFigure(target, actual, baseline, settings.approxTolerance);
  const latest = { year: judgedYear, value: actual };
  const goal = describeTarget(target);

  let status: Status;
  let note: string;
  if (met) {
    status = 'met';
    note = `已达标：${label}，目标 ${goal}`;
    if (aboveRange && target.max !== null) note += `，超出上限 ${formatAmount(target.max, target.unit)}`;
  } else if (settings.asOfYear >= deadline) {
    status = 'missed';
    note = `截至 ${deadline} 年底未达标：${label}，目标 ${goal}`;
    const lateYear = years.find((year) => {
      const late = figures.get(year);
      return (
        year > deadline &&
        late !== undefined &&
        judgeFigure(target, late, baseline, settings.approxTolerance).met
      );
    });
    if (lateYear !== undefined) note += `；${lateYear} 年已达到（逾期）`;
  } else {
    status = completion >= settings.onTrackRatio * expected ? 'on_track' : 'behind';
    note = `${label}，完成 ${formatPercent(completion)}，序时进度 ${formatPercent(expected)}`;
  }
  return { ...base, aboveRange, status, completion, latest, note };
}
