// @ts-check
/**
 * A per-member target (每个县（市）办好 1 所职教中心) as one bar per member: its latest figure,
 * coloured by the member's status, against the target line.
 */
import { STATUS_COLORS, TARGET_LINE_COLOR, TEXT_COLOR, shortenSubject, titleOptions } from './chart-style.js';
import { targetLegend, unitAxis } from './target-wording.js';
import { STATUS_LABELS, roundFigure } from '../shared/index.js';

/** @typedef {import('../progress/types').TargetProgressRow} TargetProgressRow */

/**
 * @param {TargetProgressRow} row
 * @returns {import('chart.js').ChartConfiguration<'bar' | 'line'>}
 */
export function memberTargetChart(row) {
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
        y: { ...unitAxis(row.unit), suggestedMax: row.value * 1.2 },
      },
      plugins: {
        ...titleOptions(
          `任务${row.seq ?? '—'}：${row.each ?? ''}${shortenSubject(row.subject, 20)}`,
          `${targetLegend(row)} · ${tally} · ${STATUS_LABELS[row.progress.status]}`,
        ),
        legend: { display: false },
        dabiaoReferenceLines: {
          lines: [
            {
              scale: 'y',
              value: row.value,
              color: TARGET_LINE_COLOR,
              dash: [6, 4],
              label: targetLegend(row),
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
