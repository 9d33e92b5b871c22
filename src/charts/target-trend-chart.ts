/**
 * One target over the years: the reported figures against the target (a line, or a band for
 * a range) and the expected-progress line (序时进度). Lower-is-better targets show their
 * ceiling instead; per-member targets (每个县（市）…) show one bar per member.
 */
import type { ChartConfiguration } from 'chart.js';
import { formatAmount } from '../progress/describe-target';
import type { PlanProgressView, TargetProgressRow } from '../progress/types';
import './chart-plugin-options';
import {
  EXPECTED_LINE_COLOR,
  GRID_COLOR,
  STATUS_COLORS,
  STATUS_LABELS,
  TARGET_LINE_COLOR,
  TEXT_COLOR,
  formatPercent,
  roundFigure,
  shortenSubject,
  titleOptions,
} from './chart-style';

type TrendConfig = ChartConfiguration<'bar' | 'line'>;

/** Units that state a level (a share, a ratio) rather than a count that builds up over the years. */
const LEVEL_UNITS = new Set(['%', '倍', '个百分点']);

export function targetTrendChart(view: PlanProgressView, targetId: number): TrendConfig {
  const row = view.targets.find((t) => t.targetId === targetId);
  if (!row) throw new RangeError(`target ${targetId} is not in plan ${view.plan.id}`);
  return row.progress.members ? memberChart(row) : yearChart(view, row);
}

/** True when a smaller figure is better (`不超过`, `低于`, `控制在…以内`). */
export function lowerIsBetter(row: Pick<TargetProgressRow, 'op'>): boolean {
  return row.op === 'lte' || row.op === 'lt';
}

/** A target phrase for legends: `目标 ≥ 3 家`, `目标区间 2–3 个`, `上限 5%（越低越好）`. */
export function describeTarget(row: Pick<TargetProgressRow, 'op' | 'value' | 'max' | 'unit'>): string {
  const sign = { eq: '', gte: '≥ ', gt: '> ', lte: '≤ ', lt: '< ', approx: '约 ', range: '' }[row.op];
  if (row.op === 'range') return `目标区间 ${row.value}–${formatAmount(row.max ?? row.value, row.unit)}`;
  if (lowerIsBetter(row)) return `上限 ${sign}${formatAmount(row.value, row.unit)}（越低越好）`;
  return `目标 ${sign}${formatAmount(row.value, row.unit)}`;
}

function yearChart(view: PlanProgressView, row: TargetProgressRow): TrendConfig {
  const { startYear } = view.plan;
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
      label: `实际值（${row.unit}）`,
      data: actual,
      backgroundColor: STATUS_COLORS[row.progress.status],
      barPercentage: 0.6,
      pointStyle: 'rect',
      order: 3,
    },
  ];
  if (row.op === 'range') {
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
      label: describeTarget(row),
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
        y: {
          beginAtZero: true,
          title: { display: true, text: `单位：${row.unit}`, color: TEXT_COLOR },
          grid: { color: GRID_COLOR },
          // Counts (所, 个, 人) get whole-number ticks; shares and ratios may need decimals.
          ticks: { color: TEXT_COLOR, ...(LEVEL_UNITS.has(row.unit) ? {} : { precision: 0 }) },
        },
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

function memberChart(row: TargetProgressRow): TrendConfig {
  const members = row.progress.members ?? [];
  const tally = `${row.progress.membersMet ?? 0} / ${members.length} 个达标`;
  return {
    type: 'bar',
    data: {
      labels: members.map((m) => m.member),
      datasets: [
        {
          type: 'bar',
          label: `最新值（${row.unit}）`,
          data: members.map((m) => (m.latest === null ? null : roundFigure(m.latest))),
          backgroundColor: members.map((m) => STATUS_COLORS[m.status]),
          barPercentage: 0.6,
        },
      ],
    },
    options: {
      scales: {
        x: { ticks: { color: TEXT_COLOR, autoSkip: false }, grid: { display: false } },
        y: {
          beginAtZero: true,
          suggestedMax: row.value * 1.2,
          title: { display: true, text: `单位：${row.unit}`, color: TEXT_COLOR },
          grid: { color: GRID_COLOR },
          // Counts (所, 个, 人) get whole-number ticks; shares and ratios may need decimals.
          ticks: { color: TEXT_COLOR, ...(LEVEL_UNITS.has(row.unit) ? {} : { precision: 0 }) },
        },
      },
      plugins: {
        ...titleOptions(
          `任务${row.seq ?? '—'}：${row.each ?? ''}${shortenSubject(row.subject, 20)}`,
          `${describeTarget(row)} · ${tally} · ${STATUS_LABELS[row.progress.status]}`,
        ),
        legend: { display: false },
        dabiaoReferenceLines: {
          lines: [
            {
              scale: 'y',
              value: row.value,
              color: TARGET_LINE_COLOR,
              dash: [6, 4],
              label: describeTarget(row),
            },
          ],
        },
        dabiaoBarLabels: {
          datasetIndex: 0,
          texts: members.map((m) => (m.latest === null ? STATUS_LABELS.unreported : STATUS_LABELS[m.status])),
          color: TEXT_COLOR,
        },
      },
    },
  };
}

/** The expected-progress line only makes sense for a count that accumulates towards a deadline. */
function showsExpectedLine(row: TargetProgressRow): boolean {
  return row.per === null && row.op !== 'range' && !lowerIsBetter(row) && !LEVEL_UNITS.has(row.unit);
}

function trendSubtitle(view: PlanProgressView, row: TargetProgressRow): string {
  const p = row.progress;
  const parts = [STATUS_LABELS[p.status], `完成率 ${formatPercent(p.completion)}`];
  if (row.deadline) parts.push(`${row.deadline} 年底前完成`);
  if (row.per === 'year') parts.push('按年度考核');
  parts.push(`截至 ${view.asOfYear} 年`);
  return parts.join(' · ');
}
