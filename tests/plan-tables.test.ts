import { describe, expect, test } from 'vitest';
import { extractPlanFromRows, extractPlanFromText, splitUnits } from '../extractors/plan';
import { extractTargets } from '../extractors/targets/extract-targets';

const options = { extractTargets };
const brief = (rows: string[][]) =>
  extractPlanFromRows('plan.xlsx', rows, options).tasks.map((t) => ({
    seq: t.seq,
    text: t.text,
    lead: t.unitRoles.filter((u) => u.role === 'lead').map((u) => u.name),
    support: t.unitRoles.filter((u) => u.role === 'support').map((u) => u.name),
    timeLimit: t.timeLimit,
  }));

describe('task tables: columns found by header names', () => {
  test('separate 牵头单位 / 配合单位 / 完成时限 columns keep their roles', () => {
    const rows = [
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '新建5G基站1200个', '市工信局', '市住建局、市自然资源局', '2024年底'],
      ['2', '建成污水处理厂2座', '市住建局', '', '2025年6月'],
    ];
    expect(brief(rows)).toEqual([
      {
        seq: 1,
        text: '新建5G基站1200个',
        lead: ['市工信局'],
        support: ['市住建局', '市自然资源局'],
        timeLimit: '2024年底',
      },
      { seq: 2, text: '建成污水处理厂2座', lead: ['市住建局'], support: [], timeLimit: '2025年6月' },
    ]);
  });

  test.each([
    [
      ['序号', '工作任务', '牵头单位', '责任单位', '任务完成时限'],
      ['市工信局'],
      ['市住建局', '市自然资源局'],
      '2024年底',
    ],
    [
      ['序号', '重点任务', '责任单位', '协办单位', '时间节点'],
      ['市工信局'],
      ['市住建局', '市自然资源局'],
      '2024年底',
    ],
  ])('header %j: lead %j, support %j, time limit %j', (header, lead, support, timeLimit) => {
    const row = ['1', '新建5G基站1200个', '市工信局', '市住建局、市自然资源局', '2024年底'];
    expect(brief([header, row])).toEqual([{ seq: 1, text: '新建5G基站1200个', lead, support, timeLimit }]);
  });

  test.each([
    [['编号', '任务内容', '责任部门']],
    [['序  号', '主要任务', '责任单位']],
    [['序号', '具体任务', '牵头单位（部门）']],
    [['序号', '工作内容', '协办单位']],
  ])('header %j is recognised', (header) => {
    const tasks = extractPlanFromRows(
      'p.csv',
      [header, ['1', '改造老旧小区120个', '市住建局']],
      options,
    ).tasks;
    expect(tasks.map((t) => [t.seq, t.text, t.units])).toEqual([[1, '改造老旧小区120个', ['市住建局']]]);
  });

  test('a merged title row, a two-level header, section rows and repeated headers are not tasks', () => {
    const rows = [
      ['工作任务清单', '工作任务清单', '工作任务清单', '工作任务清单'],
      ['序号', '工作任务', '责任单位', '责任单位'],
      ['序号', '工作任务', '牵头单位', '配合单位'],
      ['一、生态环境', '一、生态环境', '一、生态环境', '一、生态环境'],
      ['1', '森林覆盖率达到45%以上', '市林业局', '各县（市）区政府'],
      ['序号', '工作任务', '牵头单位', '配合单位'],
      ['二、', '', '', ''],
      ['2', 'PM2.5平均浓度控制在35微克/立方米以内', '市生态环境局', ''],
    ];
    expect(brief(rows).map((t) => [t.seq, t.lead, t.support])).toEqual([
      [1, ['市林业局'], ['各县（市）区政府']],
      [2, ['市生态环境局'], []],
    ]);
  });

  test('empty or missing 序号 cells are numbered by row order; full-width and dotted numbers are read', () => {
    expect(
      brief([
        ['工作任务', '责任单位'],
        ['甲任务', '市教育局'],
        ['乙任务', '市财政局'],
      ]).map((t) => t.seq),
    ).toEqual([1, 2]);
    const rows = [
      ['序号', '工作任务', '责任单位'],
      ['', '甲', 'a'],
      ['', '乙', 'b'],
      ['１２', '丙', 'c'],
      ['13.', '丁', 'd'],
      ['', '戊', 'e'],
    ];
    expect(brief(rows).map((t) => t.seq)).toEqual([1, 2, 12, 13, 14]);
  });

  test('a task cell with line breaks is joined without a space; a unit cell splits on them', () => {
    const rows = [
      ['序号', '工作任务', '责任单位'],
      ['1', '建设产教融合实训基地，\n打造技能培训服务平台。', '市人社局\n市教育局'],
    ];
    const [task] = extractPlanFromRows('p.xlsx', rows, options).tasks;
    expect(task?.text).toBe('建设产教融合实训基地，打造技能培训服务平台。');
    expect(task?.units).toEqual(['市人社局', '市教育局']);
  });
});

describe('unit lists', () => {
  test.each([
    ['市教育局、市民政局，相关行业主管部门', ['市教育局', '市民政局', '相关行业主管部门']],
    ['市教育局,各县(市)区政府', ['市教育局', '各县(市)区政府']],
    ['市财政局；市教育局;市人社局', ['市财政局', '市教育局', '市人社局']],
    [' 市总工会  市人社局 ', ['市总工会', '市人社局']],
    ['市人社局、市退役军人事务局、总工会等', ['市人社局', '市退役军人事务局', '总工会等']],
    ['', []],
  ])('%j', (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });
});

describe('plain-text tables', () => {
  test('tab rows survive page numbers between them and a row wrapped onto a second line', () => {
    const text = [
      '附件',
      '重点任务清单',
      '序号\t工作任务\t责任单位',
      '1\t到2025年，新增城镇就业每年不少于3万人\t市人社局',
      '2\t推进农村公路建设，',
      '新改建农村公路300公里\t市交通运输局、各县（市）区政府',
      '',
      '— 5 —',
      '',
      '序号\t工作任务\t责任单位',
      '3\t粮食产量稳定在100亿斤以上\t市农业农村局',
      '',
      '各单位要认真落实。',
    ].join('\n');
    const plan = extractPlanFromText('p.txt', text, options);
    expect(plan.title).toBe('重点任务清单');
    expect(plan.tasks.map((t) => [t.seq, t.text, t.units])).toEqual([
      [1, '到2025年，新增城镇就业每年不少于3万人', ['市人社局']],
      [2, '推进农村公路建设，新改建农村公路300公里', ['市交通运输局', '各县（市）区政府']],
      [3, '粮食产量稳定在100亿斤以上', ['市农业农村局']],
    ]);
  });

  test('one cell per line: a wrapped cell continues without the tab; a row without its 序号 is numbered', () => {
    const text = [
      '\t序号',
      '\t工作任务',
      '\t责任单位',
      '',
      '\t1',
      '\t完成造林绿化面积2万亩，',
      '森林覆盖率达到45%。',
      '\t市林业局、市自然资源局',
      '',
      '\t2',
      '\t建成充电桩500个。',
      '\t市发改委',
      '',
      '\t新增公交线路20条。',
      '\t市交通运输局',
    ].join('\n');
    expect(extractPlanFromText('p.txt', text, options).tasks.map((t) => [t.seq, t.text, t.units])).toEqual([
      [1, '完成造林绿化面积2万亩，森林覆盖率达到45%。', ['市林业局', '市自然资源局']],
      [2, '建成充电桩500个。', ['市发改委']],
      [3, '新增公交线路20条。', ['市交通运输局']],
    ]);
  });
});

describe('rows that look like headers', () => {
  test('a task that mentions 任务 and a unit cell that mentions 责任单位 is still a task', () => {
    const rows = [
      ['序号', '工作任务', '责任单位'],
      ['1', '任务分解', '各责任单位'],
      ['序号', '工作任务', '责任单位'],
      ['2', '建成5个', '市教育局'],
    ];
    expect(extractPlanFromRows('p.csv', rows, options).tasks.map((t) => [t.seq, t.text])).toEqual([
      [1, '任务分解'],
      [2, '建成5个'],
    ]);
  });
});

describe('Markdown plans', () => {
  test('a pipe table is read like any other task table; the prose around it by its sentences', () => {
    const md = [
      '# 全市交通强市建设工作方案',
      '',
      '到2025年，全市新增公交线路不少于20条。',
      '',
      '| 序号 | 工作任务 | 牵头单位 | 配合单位 |',
      '| :--: | --- | --- | --- |',
      '| 1 | 新改建农村公路300公里，<br>新增客运班线10条 | 市交通运输局 | 各县（市）区政府 |',
      '| 2 | 推进“四好农村路”建设 \\| 示范创建 | 市交通运输局 | |',
    ].join('\n');
    const plan = extractPlanFromText('plan.md', md, options);
    expect(plan.title).toBe('全市交通强市建设工作方案');
    expect(plan.tasks.map((t) => [t.seq, t.text, t.units])).toEqual([
      [null, '到2025年，全市新增公交线路不少于20条。', []],
      [1, '新改建农村公路300公里，新增客运班线10条', ['市交通运输局', '各县（市）区政府']],
      [2, '推进“四好农村路”建设 | 示范创建', ['市交通运输局']],
    ]);
  });
});

describe('tables aligned with spaces (pdftotext -layout)', () => {
  test('wrapped cells go back to their column; a row without units keeps its place', () => {
    const text = [
      '                     重点任务分工表',
      '  序号              工作任务                        责任单位',
      '  1     到2025年，全市森林覆盖率达到45%以上，       市林业局、市自然资源局',
      '        完成国土绿化面积2万亩                       各县（市）区政府',
      '  2     建成城市污水处理厂2座                       市住建局',
      '',
      '                              — 3 —',
      '  3     改造老旧小区120个',
      '    各单位要按照分工抓好落实。',
    ].join('\n');
    const plan = extractPlanFromText('layout.txt', text, options);
    expect(plan.title).toBe('重点任务分工表');
    expect(plan.tasks.map((t) => [t.seq, t.text, t.units])).toEqual([
      [
        1,
        '到2025年，全市森林覆盖率达到45%以上，完成国土绿化面积2万亩',
        ['市林业局', '市自然资源局', '各县（市）区政府'],
      ],
      [2, '建成城市污水处理厂2座', ['市住建局']],
      [3, '改造老旧小区120个', []],
    ]);
  });
});
