// @ts-check
/**
 * Completion by responsible unit: for each unit, its targets stacked by status. Shows which
 * units carry the lagging and missed targets.
 */
import { GRID_COLOR, STATUS_COLORS, TEXT_COLOR, titleOptions } from './chart-style.js';
import { STATUSES, STATUS_LABELS } from '../shared/index.js';

/** @typedef {import('../progress/types').PlanProgressView} PlanProgressView */

const ROW_HEIGHT = 26;

/**
 * @param {PlanProgressView} view
 * @returns {import('chart.js').ChartConfiguration<'bar'>}
 */
export function unitStatusChart(view) {
  const units = [...view.units]
    .filter((u) => u.total > 0)
    .sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit, 'zh-CN'));
  return {
    type: 'bar',
    data: {
      labels: units.map((u) => u.unit),
      datasets: STATUSES.map((status) => ({
        label: STATUS_LABELS[status],
        data: units.map((u) => u.counts[status]),
        backgroundColor: STATUS_COLORS[status],
        borderWidth: 0,
        barPercentage: 0.75,
      })),
    },
    options: {
      indexAxis: 'y',
      layout: { padding: { right: 16, left: 4, top: 4, bottom: 4 } },
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: '量化目标数（项）', color: TEXT_COLOR },
          grid: { color: GRID_COLOR },
          ticks: { color: TEXT_COLOR, precision: 0 },
        },
        y: { stacked: true, ticks: { color: TEXT_COLOR, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        ...titleOptions('各责任单位目标完成情况', `截至 ${view.asOfYear} 年底 · 按牵头和配合单位统计`),
        legend: { position: 'bottom', labels: { color: TEXT_COLOR } },
      },
    },
  };
}

/**
 * Height in CSS pixels that gives every unit a readable row.
 * @param {PlanProgressView} view
 */
export function unitStatusHeight(view) {
  return 140 + Math.max(3, view.units.filter((u) => u.total > 0).length) * ROW_HEIGHT;
}
