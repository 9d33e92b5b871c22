/**
 * The same kind of target side by side across plans (e.g. 思政示范课程 in 吉林市 and 四平市):
 * the target and the latest figure of each plan, the latter coloured by status.
 */
import type { ChartConfiguration } from 'chart.js';
import type { TargetProgressRow } from '../progress/types';
import { GRID_COLOR, STATUS_COLORS, TEXT_COLOR, shortenSubject, titleOptions } from './chart-style.js';
import { STATUS_LABELS, formatPercent, roundFigure } from '../shared/index.js';

export interface CrossPlanItem {
  /** How the plan is named on the axis: best its area (`吉林市`); long titles keep their head. */
  planTitle: string;
  row: TargetProgressRow;
}

export function crossPlanChart(items: CrossPlanItem[], title?: string): ChartConfiguration<'bar'> {
  if (items.length === 0) throw new RangeError('crossPlanChart needs at least one plan');
  const units = [...new Set(items.map((i) => i.row.unit))];
  return {
    type: 'bar',
    data: {
      labels: items.map((i) => shortenTitle(i.planTitle, 16)),
      datasets: [
        {
          label: '目标值',
          data: items.map((i) => i.row.max ?? i.row.value),
          backgroundColor: '#d5dbe3',
          borderColor: '#8a96a3',
          borderWidth: 1,
          barPercentage: 0.8,
        },
        {
          label: '最新值',
          data: items.map((i) => (i.row.progress.latest ? roundFigure(i.row.progress.latest.value) : null)),
          backgroundColor: items.map((i) => STATUS_COLORS[i.row.progress.status]),
          barPercentage: 0.8,
        },
      ],
    },
    options: {
      scales: {
        x: { ticks: { color: TEXT_COLOR, autoSkip: false }, grid: { display: false } },
        y: {
          beginAtZero: true,
          title: { display: true, text: `单位：${units.join(' / ')}`, color: TEXT_COLOR },
          grid: { color: GRID_COLOR },
          // Counts get whole-number ticks; a share (%) or a ratio (倍) may need decimals.
          ticks: { color: TEXT_COLOR, ...(units.some((u) => /%|倍|百分点/.test(u)) ? {} : { precision: 0 }) },
        },
      },
      plugins: {
        ...titleOptions(
          title ?? `${shortenSubject(items[0]!.row.subject, 20)}：各方案对比`,
          items
            .map((i) => `${shortenSubject(i.planTitle, 10)} ${STATUS_LABELS[i.row.progress.status]}`)
            .join(' · '),
        ),
        legend: { position: 'bottom', labels: { color: TEXT_COLOR } },
        dabiaoBarLabels: {
          datasetIndex: 1,
          texts: items.map((i) =>
            i.row.progress.completion === null
              ? STATUS_LABELS.unreported
              : formatPercent(i.row.progress.completion),
          ),
          color: TEXT_COLOR,
        },
      },
    },
  };
}

/** Plan titles start with what distinguishes them (the city), so a long one keeps its head. */
function shortenTitle(title: string, maxChars: number): string {
  const chars = Array.from(title);
  return chars.length <= maxChars ? title : chars.slice(0, maxChars - 1).join('') + '…';
}
