// @ts-check
/**
 * One target over the years: the reported figures against the target (a line, or a band for
 * a range) and the expected-progress line (序时进度). Lower-is-better targets show their
 * ceiling instead; per-member targets (每个县（市）…) show one bar per member
 * (`member-target-chart.js`).
 */
import {
  EXPECTED_LINE_COLOR,
  STATUS_COLORS,
  TARGET_LINE_COLOR,
  TEXT_COLOR,
  shortenSubject,
  titleOptions,
} from './chart-style.js';
import { memberTargetChart } from './member-target-chart.js';
import { LEVEL_UNITS, levelAxis, targetLegend, lowerIsBetter, unitAxis } from './target-wording.js';
import {
  STATUS_LABELS,
  describeTarget,
  formatAmount,
  formatChange,
  formatNumber,
  formatPercent,
  roundFigure,
} from '../shared/index.js';

/** @typedef {import('../progress/types').PlanProgressView} PlanProgressView */
/** @typedef {import('../progress/types').TargetProgressRow} TargetProgressRow */
/** @typedef {import('chart.js').ChartConfiguration<'bar' | 'line'>} TrendConfig */

/**
 * @param {PlanProgressView} view @param {number} targetId
 * @param {{ narrow?: boolean }} [layout] `narrow`: a phone-wide canvas, so a shorter title.
 * @returns {TrendConfig}
 */
export function targetTrendChart(view, targetId, { narrow = false } = {}) {
  const row = view.targets.find((t) => t.targetId === targetId);
  if (!row) throw new RangeError(`target ${targetId} is not in plan ${view.plan.id}`);
  return row.progress.members ? memberTargetChart(row) : yearChart(view, row, narrow);
}

/** @param {PlanProgressView} view @param {TargetProgressRow} row @param {boolean} narrow @returns {TrendConfig} */
function yearChart(view, row, narrow) {
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
  const flat = (/** @type {number} */ v) => years.map(() => v);
  /** @type {TrendConfig['data']['datasets']} */
  const datasets = [
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
      type: /** @type {const} */ ('line'),
      pointRadius: 0,
      pointStyle: /** @type {const} */ ('rect'),
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
          `任务${row.seq ?? '—'}：${shortenSubject(row.subject, narrow ? 12 : 24)}`,
          trendSubtitle(view, row, narrow),
        ),
        legend: { position: 'bottom', labels: { color: TEXT_COLOR, usePointStyle: true } },
      },
    },
  };
}

/** The expected-progress line only makes sense for a count that accumulates towards a deadline. */
/** @param {TargetProgressRow} row */
function showsExpectedLine(row) {
  return (
    !row.change && row.per === null && row.op !== 'range' && !lowerIsBetter(row) && !LEVEL_UNITS.has(row.unit)
  );
}

/**
 * The status, completion and deadline under the title; on a phone in lines of two parts, as a
 * canvas title does not wrap.
 * @param {PlanProgressView} view @param {TargetProgressRow} row @param {boolean} narrow
 * @returns {string | string[]}
 */
function trendSubtitle(view, row, narrow) {
  const p = row.progress;
  const parts = [STATUS_LABELS[p.status], `完成率 ${formatPercent(p.completion)}`];
  if (row.change && p.change?.achieved != null)
    parts.push(formatChange({ ...row, change: row.change }, p.change.achieved));
  else if (row.change && p.change?.baseLevel == null) parts.push('未填报基期数据');
  if (row.deadline) parts.push(`${row.deadline} 年底前完成`);
  if (row.per === 'year') parts.push('按年度考核');
  parts.push(`截至 ${view.asOfYear} 年`);
  if (!narrow) return parts.join(' · ');
  const lines = [];
  for (let i = 0; i < parts.length; i += 2) lines.push(parts.slice(i, i + 2).join(' · '));
  return lines;
}
