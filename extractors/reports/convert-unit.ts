import { SCALE_WORDS, UNIT_EQUIVALENTS } from '../lexicon';
import { SCALE_FACTOR, type Scale } from '../numbers/rules';

/** A unit as a base unit times a factor: `万元` → 元 × 10⁴, `公里` → 米 × 10³, `人次` → 人次 × 1. */
function decompose(unit: string): { base: string; factor: number } {
  const equivalent = UNIT_EQUIVALENTS[unit];
  if (equivalent) return equivalent;
  for (const scale of [...SCALE_WORDS].sort((a, b) => b.length - a.length)) {
    if (unit.length > scale.length && unit.startsWith(scale)) {
      const rest = decompose(unit.slice(scale.length));
      return { base: rest.base, factor: rest.factor * SCALE_FACTOR[scale as Scale] };
    }
  }
  return { base: unit, factor: 1 };
}

/**
 * A value written in one unit, in another unit of the same measure, or null when the two
 * measure different things (`家` and `个` are not converted: a count word names what is counted).
 * @example convertUnit(136500, '万元', '亿元') // 13.65
 * @example convertUnit(532600, '米', '公里') // 532.6
 */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const a = decompose(from);
  const b = decompose(to);
  if (a.base !== b.base) return null;
  return Math.round(((value * a.factor) / b.factor) * 1e9) / 1e9;
}
