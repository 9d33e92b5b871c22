// @ts-check
/**
 * Status distribution of a plan: how many quantified targets are in each status, as a
 * doughnut with the total in its centre.
 */
import { STATUS_COLORS, TEXT_COLOR, titleOptions } from './chart-style.js';
import { MEASURES, STATUSES, STATUS_LABELS, formatAttainment } from '../shared/index.js';

/**
 * @param {import('../progress/types').PlanProgressView} view
 * @param {{ narrow?: boolean }} [layout] `narrow`: the legend under the doughnut, not beside it.
 * @returns {import('chart.js').ChartConfiguration<'doughnut'>}
 */
export function statusDistributionChart(view, { narrow = false } = {}) {
  const total = STATUSES.reduce((n, s) => n + view.statusCounts[s], 0);
  return {
    type: 'doughnut',
    data: {
      labels: STATUSES.map((s) => `${STATUS_LABELS[s]}  ${view.statusCounts[s]} 项`),
      datasets: [
        {
          data: STATUSES.map((s) => view.statusCounts[s]),
          backgroundColor: STATUSES.map((s) => STATUS_COLORS[s]),
          borderColor: '#ffffff',
          borderWidth: 2,
        },
      ],
    },
    options: {
      cutout: '58%',
      layout: { padding: 8 },
      plugins: {
        ...titleOptions(
          '量化目标状态分布',
          `${MEASURES.attainment.label} ${formatAttainment(view.attainment)} · 截至 ${view.asOfYear} 年底`,
        ),
        legend: { position: narrow ? 'bottom' : 'right', labels: { color: TEXT_COLOR, font: { size: 13 } } },
        dabiaoCenterText: { lines: [`${total}`, '项目标'] },
      },
    },
  };
}
