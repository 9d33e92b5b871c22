// @ts-check
import { CHANGE_LABELS, PREVIOUS_YEAR_BASES } from './vocabulary.js';

/**
 * How numbers, shares and targets are written everywhere users read them: tables, notes,
 * charts, reports and the browser. One rounding: figures to two decimals, shares to one.
 */

/**
 * The clock dates and times are written on — China Standard Time, where the users are —
 * unless a deployment sets another (`DABIAO_TIME_ZONE`, src/config.ts).
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Rounds a figure to what is shown (`12.300000001` → 12.3): at most two decimals. @param {number} value */
export function roundFigure(value) {
  return Math.round(value * 100) / 100;
}

/**
 * A number as people write it in a table: no trailing zeros, at most two decimals; `—` for none.
 * @param {number | null | undefined} value
 */
export function formatNumber(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(roundFigure(value));
}

/**
 * A number with its unit, spaced as the plans print them (`20 门`, `2000 人次`, but `30%`).
 * @param {number | null | undefined} value @param {string | null | undefined} unit
 */
export function formatAmount(value, unit) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return unit === '%' || !unit ? `${formatNumber(value)}${unit ?? ''}` : `${formatNumber(value)} ${unit}`;
}

/**
 * A ratio as a percentage with at most one decimal (`0.873` → `87.3%`, `0.9` → `90%`), or `—`.
 * One decimal so that 99.6% is never shown as a 100% that is not met.
 * @param {number | null | undefined} ratio
 */
export function formatPercent(ratio) {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${Math.round(ratio * 1000) / 10}%`;
}

/**
 * Which year a latest figure is of, as tables write it after the figure: `2025 年`, or for a
 * 年均 target, whose latest figure is the mean so far and not the year's own, `2021–2025 年年均`.
 * @param {{ year: number, averageFrom?: number }} latest
 */
export function latestFigureYear(latest) {
  if (latest.averageFrom === undefined) return `${latest.year} 年`;
  return latest.averageFrom === latest.year
    ? `${latest.year} 年年均`
    : `${latest.averageFrom}–${latest.year} 年年均`;
}

/**
 * 达标率 with what it counts (`52.2%（12/23 项）`); `—（尚无到期目标）` while nothing is due.
 * @param {{ met: number, due: number, rate: number | null }} attainment
 */
export function formatAttainment(attainment) {
  if (attainment.rate === null) return '—（尚无到期目标）';
  return `${formatPercent(attainment.rate)}（${attainment.met}/${attainment.due} 项）`;
}

/**
 * The target in words, as a progress note, a report cell, a template row or a page says it;
 * a change against a base year leads with it (`比2020年下降 14%`, `较上年增长不少于 8%`).
 * @example describeTarget({ op: 'approx', value: 20, max: null, unit: '门' }) // '20 门左右'
 * @example describeTarget({ op: 'eq', value: 14, max: null, unit: '%', change: 'fall', baseYear: 2020 }) // '比2020年下降 14%'
 * @param {TargetWords} target
 */
export function describeTarget(target) {
  const level = describeLevel(target);
  if (!target.change) return level;
  return `${describeChangeBase(target)}${CHANGE_LABELS[target.change]}${target.op === 'eq' ? ' ' : ''}${level}`;
}

/**
 * @typedef {{ op: import('./vocabulary.js').Op, value: number, max: number | null, unit: string,
 *   change?: import('./vocabulary.js').Change | null, baseYear?: number | null, base?: string | null }} TargetWords
 */

/** @param {TargetWords} target */
function describeLevel(target) {
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
    default:
      return amount;
  }
}

/**
 * What a spreadsheet would run as a formula: a text starting with =, +, -, an at sign, a tab or a carriage
 * return (`-2+3+cmd|…` included). Only a whole number (`-5`, `-0.25`) keeps its leading minus.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const WHOLE_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A text cell of an export made safe to open: formula-looking text gets a leading quote mark
 * (CSV and formula injection), so a spreadsheet shows it instead of running it.
 * @example defuseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @param {string} text @returns {string}
 */
export function defuseFormula(text) {
  return FORMULA_START.test(text) && !WHOLE_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * What a change is measured from: `比2020年` for a base year, `较上年` for the year before,
 * `比基期` when the base year is not known yet.
 * @param {Pick<TargetWords, 'baseYear' | 'base'>} target
 */
export function describeChangeBase(target) {
  if (target.baseYear) return `比${target.baseYear}年`;
  if (target.base && PREVIOUS_YEAR_BASES.includes(target.base)) return `较${target.base}`;
  return '比基期';
}

/**
 * The figure a target is judged on, as every table says it: `12 个（2024 年）`; a 年均 target's
 * figure is the average of the years so far, so it says so (`5100 人（2021–2025 年年均）`); a
 * change against a base year `2024 年比2020年下降 12.3%（目标 14%）` (the level alone while the
 * base level is missing); per member `6 / 9 个达标`; `—` before any figure.
 * @param {TargetWords & { progress: LatestProgress }} row
 * @typedef {{ latest: { year: number, value: number, averageFrom?: number } | null, members: unknown[] | null,
 *   membersMet: number | null, change: { achieved: number | null } | null }} LatestProgress
 */
export function describeLatest(row) {
  const p = row.progress;
  if (p.members) return `${p.membersMet ?? 0} / ${p.members.length} 个达标`;
  if (!p.latest) return '—';
  const { year, value } = p.latest;
  if (row.change && p.change?.achieved != null)
    return `${year} 年${formatChange({ ...row, change: row.change }, p.change.achieved)}`;
  if (row.change) return `${formatNumber(value)}（${year} 年水平）`;
  return `${formatAmount(value, row.unit)}（${latestFigureYear(p.latest)}）`;
}

/**
 * The change a level has made against its base, beside the target's own, as progress rows,
 * notes, charts and reports write it. `achieved` is the movement in the target's direction
 * (negative when the level moved the other way).
 * @example formatChange({ op: 'eq', value: 14, max: null, unit: '%', change: 'fall', baseYear: 2020 }, 12.3)
 *   // '比2020年下降 12.3%（目标 14%）'
 * @example formatChange({ op: 'gte', value: 8, max: null, unit: '%', change: 'rise', baseYear: 2020 }, -2)
 *   // '比2020年下降 2%（目标增长不少于 8%）'
 * @param {TargetWords & { change: import('./vocabulary.js').Change }} target @param {number} achieved
 */
export function formatChange(target, achieved) {
  const against = achieved < 0;
  const direction = against ? (target.change === 'fall' ? 'rise' : 'fall') : target.change;
  const moved = `${describeChangeBase(target)}${CHANGE_LABELS[direction]} ${formatAmount(Math.abs(achieved), target.unit)}`;
  const goal = describeLevel(target);
  const lead = against ? CHANGE_LABELS[target.change] : '';
  return `${moved}（目标${lead}${target.op === 'eq' ? ' ' : ''}${goal}）`;
}
