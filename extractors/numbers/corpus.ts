import type { Corpus } from '../rules/corpus';

/** Numbers as written in plans, resolved (scale words multiplied, ranges kept apart). */
export const numbersCorpus: Corpus<{ value: number; max: number | null }> = {
  positive: [
    { expected: { value: 20, max: null }, examples: ['20', '２０', '二十', '培育 ⟦20⟧ 门'] },
    { expected: { value: 2, max: null }, examples: ['两', '二', '2', '建设⟦两⟧所'] },
    { expected: { value: 1.5, max: null }, examples: ['1.5', '１．５', '一点五'] },
    { expected: { value: 12000, max: null }, examples: ['1.2万', '一万二千', '12000', '12,000'] },
    { expected: { value: 120, max: null }, examples: ['一百二十', '120'] },
    { expected: { value: 3500, max: null }, examples: ['三千五百', '3500'] },
    { expected: { value: 105, max: null }, examples: ['一百零五'] },
    { expected: { value: 10000000000, max: null }, examples: ['100亿', '一百亿'] },
    { expected: { value: 350000000, max: null }, examples: ['三亿五千万', '3.5亿'] },
    { expected: { value: 2025, max: null }, examples: ['二〇二五'] },
    { expected: { value: 30, max: null }, examples: ['百分之三十', '百分之30'] },
    { expected: { value: 2, max: 3 }, examples: ['2-3', '2～3', '2~3', '2至3', '两到三', '2—3', '二至三'] },
    { expected: { value: 10, max: 15 }, examples: ['10-15', '十到十五'] },
  ],
  // Bare scale words are idioms or names (千所…优质校, 百县千乡), never a count.
  negative: ['千所', '百强', '万人助万企', '亿', '若干', '多个', '有关'],
};
