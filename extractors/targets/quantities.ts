import { RANGE_SEPARATOR, type NumberValue } from '../numbers/rules';
import type { Found } from '../rules/rule';
import { applyScale, readUnit, type UnitKind } from '../units/rules';
import { INFIX_GT, readSuffixComparison } from '../comparisons/rules';
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
const BARE_FIGURE_BEFORE =
  /(?:不低于|不少于|不超过|不高于|超过|高于|低于|达到|控制在|保持在|稳定在|提高到|提升到|降至|降到|为)\s*$/;
const BARE_FIGURE_AFTER = /^\s*(?:以上|以下|以内|左右)?(?:[，。；;,！？]|$)/;

/** Every figure with a unit (or a range of them) outside the blocked spans. */
export function findQuantities(text: string, numbers: Found<NumberValue>[], blocked: Blocked): Quantity[] {
  const out: Quantity[] = [];
  let reach = 0;
  for (let i = 0; i < numbers.length; i++) {
    const first = numbers[i]!;
    // a number inside the previous unit (`12/10万`) is part of it
    if (first.start < reach) continue;
    const head = readTail(text, first);
    let last = first;
    let lastTail = head;
    const sep = RANGE_SEPARATOR.exec(text.slice(head.unitEnd, head.unitEnd + 4));
    const next = numbers[i + 1];
    if (sep && next && next.start === head.unitEnd + sep[0].length) {
      const tail = readTail(text, next);
      const sameUnit = !head.unit || !tail.unit || head.unit.unit === tail.unit.unit;
      if (sameUnit && !blocked.overlaps(next.start, next.end)) {
        last = next;
        lastTail = tail;
        i++;
      } else if (blocked.overlaps(next.start, next.end)) {
        i++;
        continue; // `两到三年内`: the range belongs to a blocked time frame
      }
    }
    const unit = lastTail.unit ?? head.unit;
    const unitEnd = lastTail.unitEnd;
    if (!unit) {
      if (first.value.chinese || last !== first) continue;
      if (!BARE_FIGURE_BEFORE.test(text.slice(Math.max(0, first.start - 4), first.start))) continue;
      if (!BARE_FIGURE_AFTER.test(text.slice(first.end, first.end + 4))) continue;
    }
    if (blocked.overlaps(first.start, first.end)) continue;
    const unitWord = unit?.unit ?? '';
    // `3-5万人`: the scale written once at the end applies to both ends.
    const lowNumber: NumberValue =
      last !== first && !first.value.scale ? { ...first.value, scale: last.value.scale } : first.value;
    const low = applyScale(lowNumber, unitWord);
    const high = last !== first ? applyScale(last.value, unitWord) : null;
    const suffix = readSuffixComparison(text, unitEnd);
    reach = suffix?.end ?? unitEnd;
    out.push({
      start: first.start,
      end: suffix?.end ?? unitEnd,
      unitEnd,
      value: low.value,
      max: high?.value ?? null,
      unit: low.unit,
      kind: unit?.kind ?? 'none',
      suffixOp: suffix?.op ?? null,
      infixGt: head.infixGt || lastTail.infixGt,
      perYear: unit?.perYear ?? false,
    });
  }
  return out;
}

/** The unit after a number (`百分之30` carries its own %), and a 余/多 between them. */
function readTail(text: string, n: Found<NumberValue>) {
  if (n.value.percentPrefix) {
    return {
      unit: { unit: n.value.percentPrefix, kind: 'percent' as const, perYear: false },
      unitEnd: n.end,
      infixGt: false,
    };
  }
  const infixGt = INFIX_GT.test(text.slice(n.end, n.end + 1));
  const unit = readUnit(text, n.end + (infixGt ? 1 : 0));
  return { unit, unitEnd: unit ? unit.end : n.end, infixGt: infixGt && !!unit };
}
