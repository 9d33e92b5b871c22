import type { ProgressTarget } from './types';

/** A number as people write it in a table: no trailing zeros, at most two decimals. */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** A number with its unit, spaced as the plans print them (`20 门`, `2000 人次`, but `30%`). */
export function formatAmount(value: number, unit: string): string {
  return unit === '%' || unit === '' ? `${formatNumber(value)}${unit}` : `${formatNumber(value)} ${unit}`;
}

/** A ratio as a whole percentage (`0.9` → `90%`). */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/**
 * The target in words, as a progress note or a report cell shows it.
 *
 * @example describeTarget({ op: 'approx', value: 20, unit: '门', … }) // '20 门左右'
 */
export function describeTarget(target: Pick<ProgressTarget, 'op' | 'value' | 'max' | 'unit'>): string {
  const amount = formatAmount(target.value, target.unit);
  switch (target.op) {
    case 'gte':
      return `不少于 ${amount}`;
    case 'gt':
      return `超过 ${amount}`;
    case 'lte':
      return `不超过 ${amount}`;
    case 'lt':
      return `低于 ${amount}`;
    case 'approx':
      return `${amount}左右`;
    case 'range':
      return target.max === null
        ? `${amount}以上`
        : `${formatNumber(target.value)}-${formatAmount(target.max, target.unit)}`;
    case 'eq':
      return amount;
  }
}
