/**
 * One target over the years: the reported figures against the target (a line, or a band for
 * a range) and the expected-progress line (序时进度). Lower-is-better targets show their
 * ceiling instead; per-member targets (每个县（市）…) show one bar per member
 * (`member-target-chart.ts`).
 */
import type { ChartConfiguration } from 'chart.js';
import type { PlanProgressView, TargetProgressRow } from '../progress/types';
import './chart-plugin-options';
import {
  EXPECTED_LINE_COLOR,
  STATUS_COLORS,
  TARGET_LINE_COLOR,
  TEXT_COLOR,
  shortenSubject,
  titleOptions,
} from './chart-style';
import { memberTargetChart } from './member-target-chart';
import { LEVEL_UNITS, levelAxis, targetLegend, lowerIsBetter, unitAxis } from './target-wording';
import {
  STATUS_LABELS,
  describeTarget,
  formatAmount,
  formatChange,
  formatNumber,
  formatPercent,
  roundFigure,
} from '../shared/index.js';

export type TrendConfig = ChartConfiguration<'bar' | 'line'>;

export function targetTrendChart(view: PlanProgressView, targetId: number): TrendConfig {
  const row = view.targets.find((t) => t.targetId === targetId);
  if (!row) throw new RangeError(`target ${targetId} is not in plan ${view.plan.id}`);
  return row.progress.members ? memberTargetChart(row) : yearChart(view, row);
}

function yearChart(view: PlanProgressView, row: TargetProgressRow): TrendConfig {
  // A change target also shows its base year's level, entered before the plan starts.
  const baseYear = row.change ? row.progress.change?.baseYear : null;
  const startYear = Math.min(view.plan.startYear, baseYear ?? view.plan.startYear);
  const due = row.deadline ?? view.plan.horizonYear;
  const lastYear = Math.max(due, view.asOfYear, ...row.progress.series.map((s) => s.year));
  const years = Array.from({ length: lastYear - startYear + 1 }, (_, i) => startYear + i);
  const byYear = new Map(row.progress.series.map((s) => [s.year, s.value]));
  const actual = years.map((y) => {
    const v = byYear.get(y);
    return v === undefined || v === null ? null : roundFigure(v);
  });
  const flat = (v: number) => years.map(() => v);
  const datasets: TrendConfig['data']['datasets'] = [
    {
      type: 'bar',
      label: row.change ? '当年水平值' : `实际值（${row.unit}）`,
      data: actual,
      backgroundColor: STATUS_COLORS[row.progress.status],
      barPercentage: 0.6,
      pointStyle: 'rect',
      order: 3,
    },
  ];
  if (row.change) {
    // The change target reads as the level it must reach from the base year's level.
    const level = row.progress.change?.targetLevel;
    if (level != null)
      datasets.push({
        type: 'line',
        label: `目标：${describeTarget(row)}（水平 ${formatNumber(level)}）`,
        data: flat(roundFigure(level)),
        borderColor: TARGET_LINE_COLOR,
        borderDash: [6, 4],
        borderWidth: 2,
        pointRadius: 0,
        pointStyle: 'line',
        fill: false,
        order: 1,
      });
  } else if (row.op === 'range') {
    const band = {
      type: 'line' as const,
      pointRadius: 0,
      pointStyle: 'rect' as const,
      borderWidth: 1,
      borderColor: STATUS_COLORS.met,
      backgroundColor: 'rgba(46,157,91,0.18)',
      order: 4, // under the bars: the band is a backdrop
    };
    datasets.push({ ...band, label: `目标下限 ${formatAmount(row.value, row.unit)}`, data: flat(row.value) });
    datasets.push({
      ...band,
      label: `目标上限 ${formatAmount(row.max ?? row.value, row.unit)}`,
      data: flat(row.max ?? row.value),
      fill: '-1',
      backgroundColor: 'rgba(46,157,91,0.18)',
    });
  } else {
    datasets.push({
      type: 'line',
      label: targetLegend(row),
      data: flat(row.value),
      borderColor: TARGET_LINE_COLOR,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      pointStyle: 'line',
      fill: false,
      order: 1,
    });
    if (lowerIsBetter(row)) {
      // A light backdrop above the ceiling, under the bars, shows where figures are too high.
      datasets.push({
        type: 'line',
        label: '超出上限',
        data: flat(row.value),
        fill: 'end',
        backgroundColor: 'rgba(214,69,65,0.10)',
        borderWidth: 0,
        pointRadius: 0,
        pointStyle: 'rect',
        order: 4,
      });
    }
  }
  if (showsExpectedLine(row)) {
    const span = due - startYear + 1;
    datasets.push({
      type: 'line',
      label: '序时进度',
      data: years.map((y) => roundFigure(row.value * Math.min(1, Math.max(0, (y - startYear + 1) / span)))),
      borderColor: EXPECTED_LINE_COLOR,
      borderDash: [2, 3],
      borderWidth: 2,
      pointRadius: 0,
      pointStyle: 'line',
      backgroundColor: EXPECTED_LINE_COLOR,
      order: 2,
    });
  }
  return {
    type: 'bar',
    data: { labels: years.map((y) => `${y}年`), datasets },
    options: {
      layout: { padding: { right: 12, left: 4, top: 4, bottom: 4 } },
      scales: {
        x: { ticks: { color: TEXT_COLOR }, grid: { display: false } },
        y: row.change ? levelAxis() : unitAxis(row.unit),
      },
      plugins: {
        ...titleOptions(
          `任务${row.seq ?? '—'}：${shortenSubject(row.subject, 24)}`,
          trendSubtitle(view, row),
        ),
        legend: { position: 'bottom', labels: { color: TEXT_COLOR, usePointStyle: true } },
      },
    },
  };
}

/** The expected-progress line only makes sense for a count that accumulates towards a deadline. */
function showsExpectedLine(row: TargetProgressRow): boolean {
  return (
    !row.change && row.per === null && row.op !== 'range' && !lowerIsBetter(row) && !LEVEL_UNITS.has(row.unit)
  );
}

function trendSubtitle(view: PlanProgressView, row: TargetProgressRow): string {
  const p = row.progress;
  const parts = [STATUS_LABELS[p.status], `完成率 ${formatPercent(p.completion)}`];
  if (row.change && p.change?.achieved != null)
    parts.push(formatChange({ ...row, change: row.change }, p.change.achieved));
  else if (row.change && p.change?.baseLevel == null) parts.push('未填报基期数据');
  if (row.deadline) parts.push(`${row.deadline} 年底前完成`);
  if (row.per === 'year') parts.push('按年度考核');
  parts.push(`截至 ${view.asOfYear} 年`);
  return parts.join(' · ');
}
