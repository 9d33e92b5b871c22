import { isChangeTarget, judgeChange } from './judge-change';
import { judgeFigure } from './judge-figure';
import { seriesKind } from './series-kind';
import type { ProgressSettings, ProgressTarget, TargetProgress } from './types';
import { describeTarget, formatAmount, formatPercent, type Status } from '../shared/index.js';

export type SeriesJudgement = Pick<
  TargetProgress,
  'status' | 'completion' | 'latest' | 'series' | 'aboveRange' | 'note' | 'change'
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
  const judgedYear = Math.min(settings.asOfYear, deadline);
  const years = [...figures.keys()].filter((year) => year <= settings.asOfYear).sort((a, b) => a - b);
  const series = [];
  for (
    let year = Math.min(settings.startYear, years[0] ?? settings.startYear);
    year <= settings.asOfYear;
    year++
  ) {
    series.push({ year, value: figures.get(year) ?? null });
  }
  // A change against a base year is judged on the change from the base level (judge-change.ts).
  const changed = isChangeTarget(target) ? judgeChange(target, figures, settings, deadline, expected) : null;
  if (changed) return { series, ...changed };
  const upToJudged = years.filter((year) => year <= judgedYear);
  const own = figures.get(judgedYear);
  if (own === undefined) {
    return {
      series,
      change: null,
      ...judgeWithoutFigure(target, figures, upToJudged.at(-1), judgedYear, settings),
    };
  }

  const { actual, label, averageFrom } = judgedFigure(
    target,
    figures,
    upToJudged,
    judgedYear,
    settings.startYear,
  );
  // The baseline of a lower-is-better target is its earliest figure, whenever it was entered.
  const baseline = figures.get(upToJudged[0] ?? judgedYear) ?? actual;
  const { met, completion, aboveRange } = judgeFigure(target, actual, baseline, settings.approxTolerance);
  const latest = { year: judgedYear, value: actual, ...(averageFrom === undefined ? {} : { averageFrom }) };
  const goal = describeTarget(target);

  if (met) {
    const above =
      aboveRange && target.max !== null ? `，超出上限 ${formatAmount(target.max, target.unit)}` : '';
    return {
      series,
      change: null,
      aboveRange,
      status: 'met',
      completion,
      latest,
      note: `已达标：${label}，目标 ${goal}${above}`,
    };
  }
  if (settings.asOfYear >= deadline) {
    const lateYear = years.find((year) => {
      const late = figures.get(year);
      return (
        year > deadline &&
        late !== undefined &&
        judgeFigure(target, late, baseline, settings.approxTolerance).met
      );
    });
    const late = lateYear === undefined ? '' : `；${lateYear} 年已达到（逾期）`;
    const note = `截至 ${deadline} 年底未达标：${label}，目标 ${goal}${late}`;
    return { series, change: null, aboveRange, status: 'missed', completion, latest, note };
  }
  const status: Status = completion >= settings.onTrackRatio * expected ? 'on_track' : 'behind';
  const note = `${label}，完成 ${formatPercent(completion)}，序时进度 ${formatPercent(expected)}`;
  return { series, change: null, aboveRange, status, completion, latest, note };
}

/** The figure judged and how the note names it: the year's own figure, or the 年均 so far. */
function judgedFigure(
  target: ProgressTarget,
  figures: Map<number, number>,
  upToJudged: number[],
  judgedYear: number,
  startYear: number,
): { actual: number; label: string; averageFrom?: number } {
  const own = figures.get(judgedYear) ?? 0;
  if (seriesKind(target) !== 'average') {
    return { actual: own, label: `${judgedYear} 年 ${formatAmount(own, target.unit)}` };
  }
  const from = Math.min(startYear, judgedYear);
  const inPeriod = upToJudged.filter((year) => year >= from);
  const actual = inPeriod.reduce((sum, year) => sum + (figures.get(year) ?? 0), 0) / inPeriod.length;
  let label = `${from}–${judgedYear} 年年均 ${formatAmount(actual, target.unit)}`;
  // A year without a figure is left out of the mean rather than counted as zero.
  const gaps = [];
  for (let year = from; year < judgedYear; year++) if (!figures.has(year)) gaps.push(year);
  if (gaps.length > 0) label += `（${gaps.join('、')} 年未填报，不计入）`;
  return { actual, label, averageFrom: from };
}

/** The judged year has no figure: 未填报, unless a cumulative total had already met the target. */
function judgeWithoutFigure(
  target: ProgressTarget,
  figures: Map<number, number>,
  previousYear: number | undefined,
  judgedYear: number,
  settings: ProgressSettings,
): Omit<SeriesJudgement, 'series' | 'change'> {
  const previous = previousYear === undefined ? undefined : figures.get(previousYear);
  const latest =
    previousYear !== undefined && previous !== undefined ? { year: previousYear, value: previous } : null;
  const none = { aboveRange: false, completion: null, latest };
  if (judgedYear < settings.startYear) {
    return { ...none, status: 'on_track', note: `规划期自 ${settings.startYear} 年开始，尚无应填报年度` };
  }
  if (seriesKind(target) === 'cumulative' && latest) {
    const { met, completion, aboveRange } = judgeFigure(
      target,
      latest.value,
      latest.value,
      settings.approxTolerance,
    );
    if (met) {
      const total = formatAmount(latest.value, target.unit);
      return {
        aboveRange,
        completion,
        latest,
        status: 'met',
        note: `${judgedYear} 年未填报；${latest.year} 年累计 ${total}，已达标`,
      };
    }
  }
  const hint = latest ? `（最近数据：${latest.year} 年 ${formatAmount(latest.value, target.unit)}）` : '';
  return { ...none, status: 'unreported', note: `${judgedYear} 年未填报${hint}` };
}
