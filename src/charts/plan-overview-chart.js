// @ts-check
/**
 * Plan overview: the completion of every quantified target as a horizontal bar, best first,
 * coloured by status, with the 100% line. A leader sees at a glance what is done and what lags.
 */
import {
  GRID_COLOR,
  STATUS_COLORS,
  TARGET_LINE_COLOR,
  TEXT_COLOR,
  shortenSubject,
  titleOptions,
} from './chart-style.js';
import { DATA_STATE_LABELS, STATUS_LABELS, describeTarget, formatPercent } from '../shared/index.js';

/** @typedef {import('../progress/types').PlanProgressView} PlanProgressView */

/** Bars beyond this completion are clipped (their label still shows the true figure). */
const MAX_AXIS_PERCENT = 200;
const ROW_HEIGHT = 24;
/** On a phone each bar keeps a finger-high row and the label column stays under half the width. */
const NARROW_ROW_HEIGHT = 28;
const NARROW_LABEL_CHARS = 9;

/**
 * @param {PlanProgressView} view
 * @param {{ narrow?: boolean }} [layout] `narrow`: for a phone-wide canvas (under ~500 px):
 *   shorter labels at 11 px and the plan title left to the page, which already shows it.
 * @returns {import('chart.js').ChartConfiguration<'bar'>}
 */
export function planOverviewChart(view, { narrow = false } = {}) {
  const rows = [...view.targets].sort(
    (a, b) => (b.progress.completion ?? -1) - (a.progress.completion ?? -1) || (a.seq ?? 0) - (b.seq ?? 0),
  );
  const labels = distinctLabels(
    rows.map((r) => ({ subject: r.subject, seq: r.seq })),
    narrow,
  );
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
      // Room on the right for the bar-end label of a full bar (`100%`, `未填报`).
      layout: { padding: { right: narrow ? 40 : 16, left: 4, top: 4, bottom: 4 } },
      scales: {
        x: {
          min: 0,
          max: axisMax,
          title: { display: true, text: '完成率（%）', color: TEXT_COLOR },
          grid: { color: GRID_COLOR },
          ticks: { color: TEXT_COLOR, stepSize: narrow ? 50 : 20, ...(narrow ? { font: { size: 11 } } : {}) },
        },
        y: {
          ticks: { color: TEXT_COLOR, autoSkip: false, font: { size: narrow ? 11 : 12 } },
          grid: { display: false },
        },
      },
      plugins: {
        ...titleOptions(narrow ? '量化目标完成情况' : `${view.plan.title}：量化目标完成情况`, subtitle),
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
        dabiaoTooltips: {
          titles: rows.map((r) => `任务${r.seq ?? '—'}：${r.subject}`),
          lines: rows.map((r) => [
            `${STATUS_LABELS[r.progress.status]} · 完成率 ${formatPercent(r.progress.completion)}`,
            `目标：${describeTarget(r)}`,
          ]),
        },
      },
    },
  };
}

/**
 * Height in CSS pixels that gives every target a readable row.
 * @param {PlanProgressView} view @param {{ narrow?: boolean }} [layout]
 */
export function planOverviewHeight(view, { narrow = false } = {}) {
  return 110 + Math.max(3, view.targets.length) * (narrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT);
}

/**
 * Short subjects, with the task number added where two targets would read the same. On a
 * phone the label stays within its characters: two that read the same keep their heads too
 * (`市级…革命典型案例`, `省级…革命典型案例`), and only where that does not tell them apart the
 * number (`…典型案例·29`).
 * @param {{ subject: string; seq: number | null }[]} items @param {boolean} narrow
 */
function distinctLabels(items, narrow) {
  const maxChars = narrow ? NARROW_LABEL_CHARS : 16;
  const short = items.map((i) => shortenSubject(i.subject, maxChars));
  const repeated = (/** @type {string[]} */ list, /** @type {string} */ s) =>
    list.indexOf(s) !== list.lastIndexOf(s);
  if (!narrow) return short.map((s, i) => (repeated(short, s) ? `${s}（任务${items[i]?.seq ?? '—'}）` : s));
  const headed = items.map((item, i) => {
    const s = short[i] ?? '';
    if (!repeated(short, s) || !s.startsWith('…')) return s;
    const head = Array.from(item.subject.replace(/[“”"‘’「」]/g, '').trim())
      .slice(0, 2)
      .join('');
    return `${head}…${shortenSubject(item.subject, maxChars - 2).replace(/^…/, '')}`;
  });
  return headed.map((s, i) =>
    repeated(headed, s)
      ? `${shortenSubject(items[i]?.subject ?? s, maxChars - 3)}·${items[i]?.seq ?? '—'}`
      : s,
  );
}
