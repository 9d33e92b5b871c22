// @ts-check
/**
 * How a target reads on a chart: `目标 ≥ 3 家`, `目标区间 2–3 个`, `上限 ≤ 5%（越低越好）`, and
 * which targets are ceilings or levels rather than counts that build up.
 */
import { GRID_COLOR, TEXT_COLOR } from './chart-style.js';
import { OP_SIGNS, formatAmount } from '../shared/index.js';

/** @typedef {import('../progress/types').TargetProgressRow} TargetProgressRow */

/** Units that state a level (a share, a ratio) rather than a count that builds up over the years. */
export const LEVEL_UNITS = new Set(['%', '倍', '个百分点']);

/**
 * The value axis of a target's chart: from zero, titled with the unit.
 * @param {string} unit
 */
export function unitAxis(unit) {
  return {
    beginAtZero: true,
    title: { display: true, text: `单位：${unit}`, color: TEXT_COLOR },
    grid: { color: GRID_COLOR },
    // Counts (所, 个, 人) get whole-number ticks; shares and ratios may need decimals.
    ticks: { color: TEXT_COLOR, ...(LEVEL_UNITS.has(unit) ? {} : { precision: 0 }) },
  };
}

/**
 * The value axis of a change target's chart: the levels entered, whose unit the plan does not
 * name; from zero, as bars must be, so a fall of 12% looks like one.
 */
export function levelAxis() {
  return {
    beginAtZero: true,
    title: { display: true, text: '当年水平值', color: TEXT_COLOR },
    grid: { color: GRID_COLOR },
    ticks: { color: TEXT_COLOR },
  };
}

/**
 * True when a smaller figure is better (`不超过`, `低于`, `控制在…以内`).
 * @param {Pick<TargetProgressRow, 'op'>} row
 */
export function lowerIsBetter(row) {
  return row.op === 'lte' || row.op === 'lt';
}

/**
 * A target phrase for legends: `目标 ≥ 3 家`, `目标区间 2–3 个`, `上限 5%（越低越好）`.
 * @param {Pick<TargetProgressRow, 'op' | 'value' | 'max' | 'unit'>} row
 * @returns {string}
 */
export function targetLegend(row) {
  const sign = OP_SIGNS[row.op];
  if (row.op === 'range') return `目标区间 ${row.value}–${formatAmount(row.max ?? row.value, row.unit)}`;
  if (lowerIsBetter(row)) return `上限 ${sign}${formatAmount(row.value, row.unit)}（越低越好）`;
  return `目标 ${sign}${formatAmount(row.value, row.unit)}`;
}
