import { Lexicon } from '../rules/rule';
import { UNITS_BY_KIND, UNITS_WITHOUT_WORD, type UnitKind } from '../lexicon';
import { findNumbers, SCALE_FACTOR, type NumberValue } from '../numbers/rules';

export type { UnitKind };

export interface UnitValue {
  /** Normalised unit: ％ → %, 百分点 → 个百分点; as written otherwise. */
  unit: string;
  kind: UnitKind;
  /** `/年` written after the unit (`3000人次/年`): a yearly rate. */
  perYear: boolean;
}

const KIND_OF = new Map<string, UnitKind>(
  Object.entries(UNITS_BY_KIND).flatMap(([kind, list]) => list.map((w) => [w, kind as UnitKind] as const)),
);

const UNIT_WORDS = new Lexicon([...KIND_OF.keys()]);
/** A compound denominator written after the unit: `元/吨`, `吨/日`; `/年` marks a yearly rate. */
const PER_TAIL = /\/(?:年|[\u4e00-\u9fa5]{1,4}|[a-zA-Z³²]{1,4})/y;

/**
 * Reads the unit that starts at `pos` (spaces skipped): the longest unit word there, then a
 * denominator (`元/吨`); `％` is written `%` and `百分点` `个百分点`.
 * @example readUnit('培育 20 门左右', 5) // { unit: '门', kind: 'count', perYear: false, start: 6, end: 7 }
 */
export function readUnit(text: string, pos: number): (UnitValue & { start: number; end: number }) | null {
  let p = pos;
  while (text[p] === ' ' || text[p] === '\u3000') p++;
  const word = UNIT_WORDS.longestAt(text, p);
  if (!word) return unitWithoutWord(text, pos);
  let end = p + word.length;
  let tail = '';
  // `/` after a word that already has one (微克/立方米) is not another denominator.
  if (text[end] === '/' && !word.includes('/')) {
    PER_TAIL.lastIndex = end;
    tail = PER_TAIL.exec(text)?.[0] ?? '';
    end += tail.length;
  }
  const perYear = tail === '/年';
  const unit = word === '％' ? '%' : word === '百分点' ? '个百分点' : word;
  return { unit: perYear || !tail ? unit : unit + tail, kind: KIND_OF.get(word)!, perYear, start: p, end };
}

/** A unit written without its measure word right after the number (`3.1:1`, `1500/人`). */
function unitWithoutWord(text: string, pos: number): (UnitValue & { start: number; end: number }) | null {
  for (const rule of UNITS_WITHOUT_WORD) {
    rule.pattern.lastIndex = pos;
    const m = rule.pattern.exec(text);
    if (m) return { unit: rule.unit, kind: rule.kind, perYear: false, start: pos, end: pos + m[0].length };
  }
  return null;
}

/** Units whose 万/亿 stays in the unit as a conventional unit of account (万元, 亿元, 万千瓦). */
const SCALED_UNITS: Record<string, Partial<Record<string, { unit: string; factor: number }>>> = {
  元: {
    万: { unit: '万元', factor: 1 },
    亿: { unit: '亿元', factor: 1 },
    千万: { unit: '万元', factor: 1e3 },
    百万: { unit: '万元', factor: 100 },
    十万: { unit: '万元', factor: 10 },
    万亿: { unit: '亿元', factor: 1e4 },
  },
  美元: { 万: { unit: '万美元', factor: 1 }, 亿: { unit: '亿美元', factor: 1 } },
  千瓦: { 万: { unit: '万千瓦', factor: 1 }, 亿: { unit: '亿千瓦', factor: 1 } },
  千瓦时: { 万: { unit: '万千瓦时', factor: 1 }, 亿: { unit: '亿千瓦时', factor: 1 } },
};

/**
 * Resolves a number's scale against its unit: `1.5万人` → 15000 人, `5000万元` → 5000 万元.
 * @example applyScale({ value: 1.2, scale: '万', chinese: false, percentPrefix: null }, '个') // { value: 12000, unit: '个' }
 */
export function applyScale(n: NumberValue, unit: string): { value: number; unit: string } {
  const kept = SCALED_UNITS[unit]?.[n.scale];
  if (kept) return { value: round(n.value * kept.factor), unit: kept.unit };
  return { value: round(n.value * SCALE_FACTOR[n.scale]), unit };
}

/** Removes floating noise (1.2 × 10000 = 11999.999…). */
const round = (x: number): number => Math.round(x * 1e9) / 1e9;

/** The dimension's probe: the first figure with its unit resolved (`1.5万人` → 15000 人). */
export function probeUnit(text: string): { value: number; unit: string } | null {
  const first = findNumbers(text)[0];
  if (!first) return null;
  if (first.value.percentPrefix) return { value: first.value.value, unit: first.value.percentPrefix };
  const unit = readUnit(text, first.end);
  return unit ? applyScale(first.value, unit.unit) : null;
}
