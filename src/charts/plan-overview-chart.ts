/**
 * Plan overview: the completion of every quantified target as a horizontal bar, best first,
 * coloured by status, with the 100% line. A leader sees at a glance what is done and what lags.
 */
import type { ChartConfiguration } from 'chart.js';
import type { PlanProgressView } from '../progress/types';
import './chart-plugin-options';
import {
  GRID_COLOR,
  STATUS_COLORS,
  TARGET_LINE_COLOR,
  TEXT_COLOR,
  shortenSubject,
  titleOptions,
} from './chart-style';
import { DATA_STATE_LABELS, STATUS_LABELS, formatPercent } from '../shared/index.js';

/** Bars beyond this completion are clipped (their label still shows the true figure). */
const MAX_AXIS_PERCENT = 200;
const ROW_HEIGHT = 24;

export function planOverviewChart(view: PlanProgressView): ChartConfiguration<'bar'> {
  const rows = [...view.targets].sort(
    (a, b) => (b.progress.completion ?? -1) - (a.progress.completion ?? -1) || (a.seq ?? 0) - (b.seq ?? 0),
  );
  const labels = distinctLabels(rows.map((r) => ({ subject: r.subject, seq: r.seq })));
  const percents = rows.map((r) => (r.progress.completion === null ? 0 : r.progress.completion * 100));
  const top = Math.max(100, ...percents);
  const axisMax = Math.min(MAX_AXIS_PERCENT, Math.ceil((top * 1.1) / 20) * 20);
  const subtitle = `截至 ${view.asOfYear} 年底 · ${DATA_STATE_LABELS[view.dataState]}${view.unit ? ` · ${view.unit}` : ''}`;
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: '完成率（%）',
          data: percents.map((p) => Math.min(p, axisMax)),
          backgroundColor: rows.map((r) => STATUS_COLORS[r.progress.status]),
          borderWidth: 0,
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      layout: { padding: { right: 16, left: 4, top: 4, bottom: 4 } },
      scales: {
        x: {
          min: 0,
          max: axisMax,
          title: { display: true, text: '完成率（%）', color: TEXT_COLOR },
          grid: { color: GRID_COLOR },
          ticks: { color: TEXT_COLOR, stepSize: 20 },
        },
        y: { ticks: { color: TEXT_COLOR, autoSkip: false, font: { size: 12 } }, grid: { display: false } },
      },
      plugins: {
        ...titleOptions(`${view.plan.title}：量化目标完成情况`, subtitle),
        legend: { display: false },
        dabiaoReferenceLines: {
          lines: [{ scale: 'x', value: 100, color: TARGET_LINE_COLOR, dash: [6, 4], label: '100%' }],
        },
        dabiaoBarLabels: {
          datasetIndex: 0,
          texts: rows.map((r) =>
            r.progress.completion === null ? STATUS_LABELS.unreported : formatPercent(r.progress.completion),
          ),
          color: TEXT_COLOR,
        },
      },
    },
  };
}

/** Height in CSS pixels that gives every target a readable row. */
export function planOverviewHeight(view: PlanProgressView): number {
  return 110 + Math.max(3, view.targets.length) * ROW_HEIGHT;
}

/** Short subjects, with the task number added where two targets would read the same. */
function distinctLabels(items: { subject: string; seq: number | null }[]): string[] {
  const short = items.map((i) => shortenSubject(i.subject, 16));
  return short.map((s, i) =>
    short.indexOf(s) !== short.lastIndexOf(s) ? `${s}（任务${items[i]!.seq ?? '—'}）` : s,
  );
}
