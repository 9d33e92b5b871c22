import { describe, expect, test } from 'vitest';
import { readPlan } from '../src/documents';

const rows = (sep: string, cells: string[][]) => cells.map((r) => r.join(sep)).join('\n');
const TABLE = [
  ['指标', '2020年', '2025年', '属性'],
  ['森林覆盖率（%）', '42', '≥45', '约束性'],
  ['棉花产量(万吨)', '10', '12', '预期性'],
  ['城乡居民收入比', '3.3', '3.1:1', '预期性'],
  ['能源消费弹性系数', '0.7', '0.65', '预期性'],
];
const EXPECTED = [
  ['森林覆盖率', 45, '%', 'gte', 2025],
  ['棉花产量', 120000, '吨', 'eq', 2025],
  ['城乡居民收入比', 3.1, '', 'eq', 2025],
  ['能源消费弹性系数', 0.65, '', 'eq', 2025],
];
const aligned = TABLE.map((r) => r.map((c) => c.padEnd(14, ' ')).join('  ')).join('\n');

// An indicator table is read as a table in every text layout: baselines and attributes are no targets.
describe('indicator tables in plain text', () => {
  test.each([
    ['tab-separated', rows('\t', TABLE)],
    [
      'pipe',
      rows(
        ' | ',
        TABLE.map((r) => ['', ...r, '']),
      )
        .replace(/^ /gm, '')
        .replace(/ $/gm, ''),
    ],
    ['space-aligned', aligned],
  ])('%s: one target per row from the target column, unit from brackets, scaled', async (_layout, table) => {
    const plan = await readPlan('indicators.txt', Buffer.from(`“十四五”主要指标\n\n${table}\n`));
    const found = plan.tasks.flatMap((t) =>
      t.targets.map((x) => [x.subject, x.value, x.unit, x.op, x.deadline]),
    );
    expect(found).toEqual(EXPECTED);
    for (const task of plan.tasks)
      for (const t of task.targets) expect(task.text.slice(t.start, t.end)).toBe(t.quote);
  });

  test('a 单位 column scales the figure and a symbol gives the comparison', async () => {
    const text =
      '| 指标 | 单位 | 现状值 | 2025年目标 | 属性 |\n|---|---|---|---|---|\n| 粮食产量 | 万吨 | 100 | >105 | 约束性 |\n';
    const plan = await readPlan('indicators.md', Buffer.from(text));
    expect(plan.tasks[0]!.targets).toMatchObject([
      { subject: '粮食产量', value: 1050000, unit: '吨', op: 'gt' },
    ]);
  });
});

describe('indicator names that carry a base or a yearly rate', () => {
  test('a share names its whole as base, a yearly name gives per year; prose after a blank line ends a space-aligned table', async () => {
    const table = [
      ['指标', '单位', '2020年', '2025年', '属性'],
      ['高技能人才占技能人才比例', '%', '28', '≥32', '预期性'],
      ['年均造林面积', '万亩', '10', '12', '预期性'],
      ['人工增雨作业年增水量', '亿立方米', '1.5', '2左右', '预期性'],
      ['生活垃圾资源化利用率', '%', '45', '60以上', '预期性'],
    ];
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u4e00-\u9fa5]/.test(ch) ? 2 : 1), 0);
    const aligned = table.map((r) => r.map((c) => c + ' '.repeat(30 - width(c))).join('')).join('\n');
    const text = `林草“十四五”规划主要指标\n\n${aligned}\n\n二、重点任务\n\n（一）各县要对照上表指标，逐项分解落实。\n`;
    const plan = await readPlan('forest.txt', Buffer.from(text));
    expect(
      plan.tasks.flatMap((t) => t.targets.map((x) => [x.subject, x.value, x.unit, x.op, x.per, x.base])),
    ).toEqual([
      ['高技能人才占技能人才比例', 32, '%', 'gte', null, '技能人才'],
      ['年均造林面积', 120000, '亩', 'eq', 'year', null],
      ['人工增雨作业年增水量', 200000000, '立方米', 'approx', 'year', null],
      ['生活垃圾资源化利用率', 60, '%', 'gte', null, null],
    ]);
    expect(plan.tasks.at(-1)!.text, 'the heading after the table is no wrapped cell').not.toContain(
      '重点任务',
    );
  });
});
