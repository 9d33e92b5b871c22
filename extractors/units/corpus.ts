import type { Corpus } from '../rules/corpus';

/** Figures with their unit: 万/亿 resolved into the value, except money and 万千瓦 which keep it. */
export const unitsCorpus: Corpus<{ value: number; unit: string }> = {
  positive: [
    { expected: { value: 15000, unit: '人' }, examples: ['1.5万人', '15000人', '一万五千人'] },
    { expected: { value: 200, unit: '人次' }, examples: ['200人次', '200 人次', '二百人次'] },
    { expected: { value: 30000, unit: '人次' }, examples: ['3万人次', '3 万人次以上', '三万人次'] },
    { expected: { value: 20, unit: '门' }, examples: ['20 门左右', '二十门'] },
    { expected: { value: 5000, unit: '万元' }, examples: ['5000万元', '五千万元', '5千万元'] },
    { expected: { value: 1.5, unit: '亿元' }, examples: ['1.5亿元', '一点五亿元'] },
    { expected: { value: 300, unit: '元' }, examples: ['300元', '三百元'] },
    { expected: { value: 30, unit: '%' }, examples: ['30%', '30％', '百分之三十', '百分之30'] },
    { expected: { value: 5, unit: '‰' }, examples: ['5‰', '千分之五'] },
    { expected: { value: 3, unit: '个百分点' }, examples: ['3个百分点', '3百分点', '三个百分点'] },
    { expected: { value: 2, unit: '倍' }, examples: ['2倍', '2 倍以上', '两倍'] },
    { expected: { value: 1, unit: '个月' }, examples: ['1个月', '一个月'] },
    { expected: { value: 40, unit: '学时' }, examples: ['40学时', '四十学时'] },
    { expected: { value: 5, unit: '个工作日' }, examples: ['5个工作日', '五个工作日'] },
    { expected: { value: 35, unit: '微克/立方米' }, examples: ['35微克/立方米', '35 微克/立方米以内'] },
    { expected: { value: 100000, unit: '亩' }, examples: ['10万亩', '十万亩'] },
    { expected: { value: 10000000000, unit: '斤' }, examples: ['100亿斤'] },
    { expected: { value: 500000, unit: '平方米' }, examples: ['50万平方米'] },
    { expected: { value: 120, unit: '公里' }, examples: ['120公里'] },
    { expected: { value: 50, unit: '万千瓦' }, examples: ['50万千瓦'] },
    { expected: { value: 300000, unit: '吨' }, examples: ['30万吨'] },
    { expected: { value: 500, unit: '张' }, examples: ['500张床位'] },
    { expected: { value: 200, unit: '辆' }, examples: ['200辆'] },
    { expected: { value: 12000, unit: '个' }, examples: ['1.2万个'] },
    { expected: { value: 79, unit: '岁' }, examples: ['79岁'] },
    { expected: { value: 60, unit: '元/吨' }, examples: ['60元/吨'] },
    { expected: { value: 3.1, unit: '' }, examples: ['3.1:1', '3.1：1'] },
    { expected: { value: 1500, unit: '元/人' }, examples: ['1500/人', '1500元/人'] },
  ],
  // A number followed by no measure word: dates, names, hotlines.
  negative: ['二十大', '12345热线', '3月', '15日', '十四五', '东三省', '三全育人', '一体化'],
};
