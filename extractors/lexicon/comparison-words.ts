/**
 * The comparison words of plan language, the one list every rule reads: the comparisons
 * dimension, the bases before a share, the bare figures an op word licenses, the aims that
 * turn a report word back into a target, the predicates cut from a subject.
 */
import type { Op } from '../types';

/** Words and symbols written before the number, by op. `达到…以上` takes its op from the suffix. */
export const PREFIX_WORDS: Record<Exclude<Op, 'range' | 'eq'>, string[]> = {
  gte: [
    ...['不低于', '不少于', '不小于', '不下于', '不短于', '不得低于', '不得少于', '不应低于', '不应少于'],
    ...['至少', '最少', '最低', '起码', '确保达到', '≥', '≧', '>=', '＞＝'],
  ],
  gt: ['超过', '高于', '多于', '大于', '突破', '超出', '>', '＞'],
  lte: [
    ...['不超过', '不高于', '不大于', '不多于', '不长于', '不得超过', '不得高于', '不得多于', '不应超过'],
    ...['控制在', '控制到', '至多', '最多', '最高', '压缩至', '压缩到', '压减至', '压减到'],
    ...['缩短至', '缩短到', '降至', '降到', '降低至', '降低到', '下降至', '下降到', '减少至', '减少到'],
    ...['减至', '低于或等于', '≤', '≦', '<=', '＜＝'],
  ],
  lt: ['低于', '少于', '小于', '不足', '不到', '<', '＜'],
  approx: ['大约', '大概', '接近', '将近', '约为', '约占'],
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

/** Every word of the prefix lists, flat: the op words other dimensions stop at or cut. */
export const OP_WORDS: string[] = Object.values(PREFIX_WORDS).flat();

/** Every suffix word, flat. */
export const SUFFIX_OP_WORDS: string[] = Object.values(SUFFIX_WORDS).flat();

/** Verbs that set a figure as the level to reach: `达到0.85`, `稳定在100亿斤`, `提高到60%`. */
export const LEVEL_VERBS = [
  ...['达到', '达', '为', '是', '保持在', '稳定在', '维持在', '提高到', '提高至', '提升到', '提升至'],
  ...['增长到', '增长至', '增加到', '增加至', '增至', '缩小到', '缩小至', '扩大到', '扩大至'],
];

/** Change verbs that state a figure against a base year: `比2020年下降14%`, `较上年增长8%`. */
export const CHANGE_WORDS: Record<'rise' | 'fall', string[]> = {
  rise: ['增长', '增加', '提高', '提升', '上升', '扩大'],
  fall: ['下降', '降低', '减少', '压减', '缩小', '削减', '消减', '减排'],
};
