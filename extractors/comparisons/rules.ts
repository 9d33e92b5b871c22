import type { Op } from '../types';
import { alternation, compose, firstChars, matchAt, matchRules, type Found, type Rule } from '../rules/rule';

export interface Comparison {
  op: Op;
  /** The word must touch the number (`约20`, `近3`): as single characters they are too common elsewhere. */
  adjacent: boolean;
  /** 达到/为/控制在 … : a verb that may stand between the op and the number, or an op of its own. */
  word: string;
}

/** Words written before the number, longest first. `达到…以上` takes its op from the suffix. */
export const PREFIX_WORDS: Record<Exclude<Op, 'range' | 'eq'>, string[]> = {
  gte: ['不低于', '不少于', '不小于', '不下于', '不短于', '至少', '最少', '最低', '起码', '确保达到'],
  gt: ['超过', '高于', '多于', '大于', '突破', '超出'],
  lte: [
    '不超过',
    '不高于',
    '不大于',
    '不多于',
    '不长于',
    '控制在',
    '控制到',
    '至多',
    '最多',
    '最高',
    '压缩至',
    '压缩到',
    '压减至',
    '压减到',
    '缩短至',
    '缩短到',
    '降至',
    '降到',
    '降低至',
    '降低到',
    '下降至',
    '下降到',
    '减少至',
    '减少到',
    '减至',
    '低于或等于',
  ],
  lt: ['低于', '少于', '小于', '不足', '不到'],
  approx: ['大约', '大概', '接近', '将近', '约为', '约占', '约'],
};
/** Single characters that only count when they touch the number: `近3万人`, `逾百亿`. */
export const ADJACENT_WORDS: Record<string, Op> = { 近: 'approx', 约: 'approx', 逾: 'gt', 超: 'gt' };

/** Words written right after the number and unit. */
export const SUFFIX_WORDS: Record<Exclude<Op, 'range' | 'eq'>, string[]> = {
  gte: ['以上', '及以上', '或以上', '之上'],
  gt: ['有余'],
  lte: ['以内', '之内', '以下', '及以下', '或以下'],
  lt: [],
  approx: ['左右', '上下'],
};
/** Between the number and its unit: `100余个`, `200多人` mean more than the number. */
export const INFIX_GT = /^[余多]/;

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
