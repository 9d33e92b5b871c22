import type { Op } from '../types';
import { alternation, compose, firstChars, matchAt, matchRules, type Found, type Rule } from '../rules/rule';
import { ADJACENT_WORDS, PREFIX_WORDS, SUFFIX_WORDS } from '../lexicon';

export interface Comparison {
  op: Op;
  /** The word must touch the number (`约20`, `近3`): as single characters they are too common elsewhere. */
  adjacent: boolean;
  /** 达到/为/控制在 … : a verb that may stand between the op and the number, or an op of its own. */
  word: string;
}

const prefixRules: Rule<Comparison>[] = [
  ...Object.entries(PREFIX_WORDS).map(([op, words]) => ({
    name: `${op} before the number (${words[0]} …)`,
    pattern: compose('g', `(?:${alternation(words)})`),
    produce: (m: RegExpExecArray): Comparison => ({ op: op as Op, adjacent: false, word: m[0] }),
    needs: firstChars(words),
  })),
  {
    name: 'single-character qualifier touching the number (近 约 逾 超)',
    needs: Object.keys(ADJACENT_WORDS).join(''),
    pattern: compose(
      'g',
      `[${Object.keys(ADJACENT_WORDS).join('')}](?=\\s?[0-9０-９一二两三四五六七八九十百千])`,
    ),
    produce: (m: RegExpExecArray): Comparison | null =>
      // 近三年 / 近年来 look back in time, they do not approximate a target.
      /^近\s?[0-9０-９一二两三四五六七八九十]+年/.test(m.input.slice(m.index))
        ? null
        : { op: ADJACENT_WORDS[m[0]]!, adjacent: true, word: m[0] },
  },
];

const suffixRules: Rule<Op>[] = Object.entries(SUFFIX_WORDS)
  .filter(([, words]) => words.length)
  .map(([op, words]) => ({
    name: `${op} after the unit (${words[0]} …)`,
    pattern: compose('', `\\s*(?:${alternation(words)})`),
    produce: () => op as Op,
  }));

/** Every comparison word written before numbers in the text. */
export function findPrefixComparisons(text: string): Found<Comparison>[] {
  // 不低于 contains 低于: keep the outer word only (found is sorted by start, longest first).
  const kept: Found<Comparison>[] = [];
  let reach = -1;
  for (const f of matchRules(text, prefixRules)) {
    if (f.end <= reach) continue;
    kept.push(f);
    reach = f.end;
  }
  return kept;
}

/** The comparison word or symbol written at `pos` (`≥`, `不低于`), as a part for composed rules. */
export const comparisonAt = (text: string, pos: number): Found<Comparison> | null =>
  matchAt(text, pos, prefixRules);

/** The qualifier written right after a quantity (`以上`, `左右`), with its end. */
export function readSuffixComparison(text: string, pos: number): { op: Op; end: number } | null {
  const found = matchAt(text, pos, suffixRules);
  return found ? { op: found.value, end: found.end } : null;
}

/**
 * One op from the words around a quantity: a range wins, then the suffix (`达到…以上` → gte),
 * then the prefix word, then a plain figure is `eq`.
 */
export function resolveOp(parts: {
  range: boolean;
  suffix: Op | null;
  prefix: Op | null;
  infixGt: boolean;
}): Op {
  if (parts.range) return 'range';
  if (parts.suffix) return parts.suffix;
  if (parts.prefix) return parts.prefix;
  return parts.infixGt ? 'gt' : 'eq';
}
