/**
 * Tasks of an indicator table: one task per indicator row, its targets read from the target
 * columns only (baselines and the attribute column are no targets), the unit from the indicator
 * cell's brackets, the header's brackets or a 单位 column, scaling the figure (`(万吨)` with 12
 * → 120000 吨); the subject is the indicator without its unit.
 */
import type { ExtractedTask, Target } from '../types';
import { joinCellLines } from './build-task';
import { BRACKET_UNIT, type IndicatorColumns } from './indicator-columns';
import type { ExtractTargets } from './types';
import { findBase } from '../bases/rules';
import { findPers } from '../scopes/rules';
import { comparisonAt, type Comparison } from '../comparisons/rules';
import { numberAt, type NumberValue } from '../numbers/rules';
import {
  dimensionPart,
  matchComposed,
  optional,
  regexPart,
  type ComposedRule,
} from '../rules/compose-dimensions';

const cellAt = (row: readonly string[], i: number | null): string =>
  i === null ? '' : joinCellLines(row[i] ?? '').trim();

/** `其中：高速铁路营业里程`: a sub-item of the row above; the subject is the item. */
const SUB_ITEM = /^\s*其中\s*[：:]?\s*/;
/** `单位地区生产总值能耗比2020年下降`: the change named in the indicator gives its base year. */
const CHANGE_TAIL =
  /(?:较|比)\s*(?<year>(?:19|20)\d{2}\s*年|上年)\s*(?:累计)?(?:下降|降低|增长|提高|减少|提升|上升)(?:幅度)?\s*$/;

/** `农村居民人均可支配收入年均增长`: a yearly rate named in the indicator. */
const YEARLY_TAIL = /年均(?:增长|增速|提高|下降|增幅)?\s*$/;

/**
 * A cell holding a figure without a measure word, with at most a comparison before it:
 * `[dimension Comparison]? [dimension Number]` (`≥0.65`, `3.1`). The comparison comes from the
 * one lexicon, so `＞` and `不低于` mean here what they mean in a sentence.
 */
const BARE_FIGURE: ComposedRule<{ op: Target['op']; value: number }> = {
  name: 'bare figure with an optional comparison (≥0.65, 3.1)',
  parts: [
    optional(dimensionPart('comparison', comparisonAt)),
    dimensionPart('number', numberAt),
    regexPart('end of cell', /$/),
  ],
  produce: ([comparison, number]) => {
    const n = number as NumberValue;
    if (n.chinese || n.scale || n.percentPrefix) return null;
    return { op: (comparison as Comparison | null)?.op ?? 'eq', value: n.value };
  },
};
const FIGURE = /[0-9０-９]+(?:[.．][0-9０-９]+)?/;

/** The targets written in one target cell, read as a sentence with the row's unit appended. */
function cellTargets(cell: string, unit: string, extractTargets: ExtractTargets): Omit<Target, 'subject'>[] {
  const clean = cell.replace(/[[［\]］]/g, '');
  // The row's unit goes right after the figure (`95以上` with % → `95%以上`) unless the cell has one.
  const own = extractTargets(clean).some((t) => t.unit);
  if (unit && !own && FIGURE.test(clean)) {
    const found = extractTargets(clean.replace(FIGURE, `$&${unit}`));
    if (found.length) return found.map((t) => ({ ...t, quote: cell, start: 0, end: cell.length }));
  }
  const found = extractTargets(clean);
  if (found.length) return found.map((t) => ({ ...t, quote: cell, start: 0, end: cell.length }));
  const bare = matchComposed(clean.trim(), 0, BARE_FIGURE);
  if (!bare) return [];
  return [
    {
      quote: cell,
      value: bare.value.value,
      max: null,
      unit: '',
      op: bare.value.op,
      deadline: null,
      per: null,
      each: null,
      base: null,
      start: 0,
      end: cell.length,
    },
  ];
}

/** One indicator row as a task, or null for a category row without any target figure. */
export function indicatorTask(
  row: readonly string[],
  columns: IndicatorColumns,
  seq: number,
  extractTargets: ExtractTargets,
): ExtractedTask | null {
  const indicator = cellAt(row, columns.indicator);
  if (!indicator) return null;
  const named = indicator.replace(BRACKET_UNIT, '');
  const subject = named.replace(SUB_ITEM, '').replace(CHANGE_TAIL, '').replace(YEARLY_TAIL, '').trim();
  // `年均造林面积`, `人工增雨（雪）作业年增水量`: the indicator names a yearly figure.
  const yearly = YEARLY_TAIL.test(named) || findPers(named).length > 0;
  // `高技能人才占技能人才比例`: the share's whole is its base; the subject stays the whole cell.
  const share = findBase(named.replace(SUB_ITEM, ''))?.base ?? null;
  const baseYear = CHANGE_TAIL.exec(indicator.replace(BRACKET_UNIT, ''))?.groups?.year ?? null;
  const rowUnit = BRACKET_UNIT.exec(indicator)?.[1] ?? cellAt(row, columns.unit);
  let text = indicator;
  const targets: Target[] = [];
  for (const { column, deadline } of columns.targets) {
    const cell = cellAt(row, column);
    if (!cell || /^[-—–/、无]+$/.test(cell)) continue;
    const unit = rowUnit || columns.headerUnits.get(column) || '';
    const offset = text.length + 1;
    text += ' ' + cell;
    for (const t of cellTargets(cell, unit, extractTargets)) {
      targets.push({
        ...t,
        subject,
        deadline: deadline ?? t.deadline,
        base: t.base ?? baseYear ?? (t.unit === '%' ? share : null),
        per: yearly ? 'year' : t.per,
        start: offset,
        end: offset + cell.length,
      });
    }
  }
  if (targets.length === 0) return null;
  return { seq, text, units: [], unitRoles: [], timeLimit: null, targets, qualitative: false };
}
