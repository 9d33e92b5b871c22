import { RANGE_SEPARATOR, type NumberValue } from '../numbers/rules';
import type { Found } from '../rules/rule';
import { applyScale, readUnit, type UnitKind, type UnitValue } from '../units/rules';
import {
  dimensionPart,
  matchComposed,
  optional,
  regexPart,
  type ComposedRule,
} from '../rules/compose-dimensions';
import { readSuffixComparison } from '../comparisons/rules';
import { INFIX_GT, LEVEL_VERBS, OP_WORDS, SUFFIX_WORDS } from '../lexicon';
import { alternation } from '../rules/rule';
import type { Op } from '../types';

/** A figure with its unit, found before any sentence-level reading. */
export interface Quantity {
  /** Start of the (first) number. */
  start: number;
  /** End of the unit and of a qualifier right after it (`以上`, `左右`). */
  end: number;
  /** End of the unit (before the qualifier). */
  unitEnd: number;
  value: number;
  max: number | null;
  unit: string;
  kind: UnitKind | 'none';
  suffixOp: Op | null;
  infixGt: boolean;
  perYear: boolean;
}

/**
 * Sorted, merged spans where numbers are not targets; answers "is this span free?" quickly.
 * The spans are found on the first question only: a text whose numbers have no unit never asks.
 */
export class Blocked {
  private spans: [number, number][] | null = null;
  private readonly find: () => { start: number; end: number }[];
  constructor(find: () => { start: number; end: number }[]) {
    this.find = find;
  }

  private merged(): [number, number][] {
    if (this.spans) return this.spans;
    const spans: [number, number][] = [];
    for (const f of [...this.find()].sort((a, b) => a.start - b.start)) {
      const last = spans[spans.length - 1];
      if (last && f.start <= last[1]) last[1] = Math.max(last[1], f.end);
      else spans.push([f.start, f.end]);
    }
    return (this.spans = spans);
  }

  overlaps(start: number, end: number): boolean {
    const spans = this.merged();
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [s, e] = spans[mid]!;
      if (e <= start) lo = mid + 1;
      else if (s >= end) hi = mid - 1;
      else return true;
    }
    return false;
  }
}

/** An op word or 达到/为 touching the number lets a bare figure stand without a unit (`达到0.85`). */
const BARE_FIGURE_BEFORE = new RegExp(`(?:${alternation([...OP_WORDS, ...LEVEL_VERBS])})\\s*$`);
const BARE_FIGURE_AFTER = new RegExp(
  `^\\s*(?:${alternation([...SUFFIX_WORDS.gte, ...SUFFIX_WORDS.lte, ...SUFFIX_WORDS.approx])})?(?:[，。；;,！？]|$)`,
);

/** What a quantity rule reads, before scaling: its number(s), unit and the words around them. */
interface QuantityReading {
  first: Found<NumberValue>;
  /** The range's upper end; null for one figure. */
  last: Found<NumberValue> | null;
  unit: (UnitValue & { end: number }) | null;
  /** Where the unit (or, without one, the number) ends: before a qualifier. */
  unitEnd: number;
  infixGt: boolean;
  suffix: { op: Op; end: number } | null;
}

// ---- the parts every quantity rule is composed of -----------------------------------------

/** 余 / 多 between a number and its unit (`20余个`, `3000多人`): more than the figure. */
const infixGtPart = regexPart('余/多', INFIX_GT, true);
const rangePart = regexPart('range separator', RANGE_SEPARATOR);

/** Reads `read` once per position of one text: several rules ask for the same unit or suffix. */
function memo<V>(read: (text: string, pos: number) => V | null) {
  const seen = new Map<number, V | null>();
  return (text: string, pos: number): V | null => {
    if (!seen.has(pos)) seen.set(pos, read(text, pos));
    return seen.get(pos) ?? null;
  };
}

/** The parts of one text's quantity rules: the numbers already found, units and qualifiers. */
function textParts(numbers: ReadonlyMap<number, Found<Found<NumberValue>>>) {
  const unitAt = memo(readUnit);
  const suffixAt = memo(readSuffixComparison);
  return {
    /** The number found at a position, as found (with its span), when `accept` takes it. */
    number: (accept: (n: NumberValue) => boolean) =>
      dimensionPart<Found<NumberValue>>('number', (_text, pos) => {
        const n = numbers.get(pos);
        return n && accept(n.value.value) ? n : null;
      }),
    unit: dimensionPart<UnitValue & { end: number }>('unit', (text, pos) => {
      const unit = unitAt(text, pos);
      return unit ? { rule: 'unit', start: pos, end: unit.end, value: unit } : null;
    }),
    /** A qualifier right after the unit (`以上`, `左右`, `以内`). */
    suffix: optional(
      dimensionPart<{ op: Op; end: number }>('suffix comparison', (text, pos) => {
        const found = suffixAt(text, pos);
        return found ? { rule: 'suffix', start: pos, end: found.end, value: found } : null;
      }),
    ),
  };
}

type Values = readonly unknown[];
const num = (v: unknown) => v as Found<NumberValue> | null;
const unitOf = (v: unknown) => v as (UnitValue & { end: number }) | null;
const suffixOf = (v: unknown) => v as { op: Op; end: number } | null;

/**
 * The quantity rules, tried in this order at each number; the first that matches reads it.
 * Each names the dimensions it builds on (number, unit, comparison), as Duckling's
 * `[dimension Numeral, regex "个"]`, with its examples beside it (corpus: targets/corpus.ts).
 */
function quantityRules(
  numbers: ReadonlyMap<number, Found<Found<NumberValue>>>,
): ComposedRule<QuantityReading>[] {
  const { number, unit: unitPart, suffix: suffixPart } = textParts(numbers);
  const percentFirst = number((n) => n.percentPrefix !== null);
  const plain = number((n) => n.percentPrefix === null);
  const digits = number((n) => n.percentPrefix === null && !n.chinese);
  return [
    {
      // `百分之30以上`, `千分之五`: the unit is written before the number.
      name: 'percent before the number',
      parts: [percentFirst, suffixPart],
      produce: ([n, suffix]: Values) => {
        const first = num(n)!;
        const unit = first.value.percentPrefix!;
        const percent = { unit, kind: 'percent' as const, perYear: false, end: first.end };
        return {
          first,
          last: null,
          unit: percent,
          unitEnd: first.end,
          infixGt: false,
          suffix: suffixOf(suffix),
        };
      },
    },
    {
      // `2-3 个`, `3至5万人`, `10%～15%`: one unit for both ends, written once or twice.
      name: 'range of figures',
      parts: [
        plain,
        infixGtPart,
        optional(unitPart),
        rangePart,
        plain,
        infixGtPart,
        optional(unitPart),
        suffixPart,
      ],
      produce: ([a, gtA, unitA, , b, gtB, unitB, suffix]: Values) => {
        const head = unitOf(unitA);
        const tail = unitOf(unitB);
        if (head && tail && head.unit !== tail.unit) return null;
        const unit = tail ?? head;
        if (!unit) return null;
        return {
          first: num(a)!,
          last: num(b)!,
          unit,
          unitEnd: tail ? tail.end : num(b)!.end,
          infixGt: (Boolean(gtA) && Boolean(head)) || (Boolean(gtB) && Boolean(tail)),
          suffix: suffixOf(suffix),
        };
      },
    },
    {
      // `20 门左右`, `5000人以上`, `20余个`, `3000人次/年`.
      name: 'figure with its unit',
      parts: [plain, infixGtPart, unitPart, suffixPart],
      produce: ([n, gt, unit, suffix]: Values) => {
        const first = num(n)!;
        const read = unitOf(unit)!;
        return {
          first,
          last: null,
          unit: read,
          unitEnd: read.end,
          infixGt: Boolean(gt),
          suffix: suffixOf(suffix),
        };
      },
    },
    {
      // `弹性系数达到0.65`, `不低于0.85。`: a coefficient needs an op word or 达到/为 before it
      // and the clause's end after it, and is written in digits.
      name: 'bare figure after an op word',
      parts: [digits, suffixPart],
      produce: ([n, suffix]: Values, text: string) => {
        const first = num(n)!;
        if (!BARE_FIGURE_BEFORE.test(text.slice(Math.max(0, first.start - 4), first.start))) return null;
        if (!BARE_FIGURE_AFTER.test(text.slice(first.end, first.end + 4))) return null;
        return {
          first,
          last: null,
          unit: null,
          unitEnd: first.end,
          infixGt: false,
          suffix: suffixOf(suffix),
        };
      },
    },
  ];
}

/** Every figure with a unit (or a range of them) outside the blocked spans, in text order. */
export function findQuantities(text: string, numbers: Found<NumberValue>[], blocked: Blocked): Quantity[] {
  // Each number as a part's result whose value is the number as found (with its span).
  const byStart = new Map(numbers.map((n) => [n.start, { ...n, value: n }]));
  const rules = quantityRules(byStart);
  const out: Quantity[] = [];
  let reach = 0;
  for (const n of numbers) {
    // A number inside the previous quantity (`12/10万`, a range's upper end) is part of it.
    if (n.start < reach) continue;
    let found: Found<QuantityReading> | null = null;
    for (const rule of rules) if ((found = matchComposed(text, n.start, rule))) break;
    if (!found) continue;
    const q = found.value;
    // `两到三年内`: a range (or a figure) inside a blocked span belongs to it, not to a target.
    if (
      blocked.overlaps(q.first.start, q.first.end) ||
      (q.last && blocked.overlaps(q.last.start, q.last.end))
    ) {
      if (q.last) reach = q.last.end;
      continue;
    }
    out.push(toQuantity(q, found.end));
    reach = found.end;
  }
  return out;
}

/** The reading scaled to its unit (`3-5万人`: the scale written once applies to both ends). */
function toQuantity({ first, last, unit, unitEnd, infixGt, suffix }: QuantityReading, end: number): Quantity {
  const unitWord = unit?.unit ?? '';
  const lowNumber: NumberValue =
    last && !first.value.scale ? { ...first.value, scale: last.value.scale } : first.value;
  const low = applyScale(lowNumber, unitWord);
  const high = last ? applyScale(last.value, unitWord) : null;
  return {
    start: first.start,
    end,
    unitEnd,
    value: low.value,
    max: high?.value ?? null,
    unit: low.unit,
    kind: unit?.kind ?? 'none',
    suffixOp: suffix?.op ?? null,
    infixGt,
    perYear: unit?.perYear ?? false,
  };
}
