import { describe, expect, it } from 'vitest';
import type { ChartDataset } from 'chart.js';
import { crossPlanChart } from '../src/charts/cross-plan-chart';
import { crossPlanGroups, planLabel, sameKind } from '../src/charts/cross-plan-groups';
import { STATUS_COLORS, shortenSubject } from '../src/charts/chart-style';
import { planOverviewChart, planOverviewHeight } from '../src/charts/plan-overview-chart';
import { statusDistributionChart } from '../src/charts/status-distribution-chart';
import { targetTrendChart } from '../src/charts/target-trend-chart';
import { targetLegend } from '../src/charts/target-wording';
import { unitStatusChart } from '../src/charts/unit-status-chart';
import type { PlanProgressView, TargetProgressRow } from '../src/progress/types';
import { jilinView, sipingView } from './fixtures/progress-views';

const jilin = jilinView();
const siping = sipingView();
const target = (view: PlanProgressView, pick: (t: TargetProgressRow) => boolean) => {
  const row = view.targets.find(pick);
  if (!row) throw new Error('fixture lacks the target this test needs');
  return row;
};
const labels = (ds: ChartDataset[]) => ds.map((d) => d.label);

describe('chart configurations are plain data', () => {
  it.each([
    ['plan overview', () => planOverviewChart(jilin)],
    ['target trend', () => targetTrendChart(jilin, jilin.targets[0]!.targetId)],
    ['unit status', () => unitStatusChart(jilin)],
    ['status distribution', () => statusDistributionChart(siping)],
    ['cross plan', () => crossPlanChart([{ planTitle: '吉林市', row: jilin.targets[0]! }])],
  ])('%s survives a JSON round trip unchanged (cacheable, no callbacks)', (_name, build) => {
    const config = build();
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });
});

describe('phone layouts (the browser draws them on a narrow card)', () => {
  it('the overview keeps every axis label to 9 characters at 11 px, distinct, with the same bars', () => {
    const wide = planOverviewChart(jilin);
    const narrow = planOverviewChart(jilin, { narrow: true });
    const names = narrow.data.labels as string[];
    expect(Math.max(...names.map((l) => Array.from(l).length))).toBeLessThanOrEqual(9);
    expect(new Set(names).size).toBe(names.length);
    expect(narrow.options?.scales?.y?.ticks?.font).toEqual({ size: 11 });
    expect(narrow.data.datasets[0]!.data).toEqual(wide.data.datasets[0]!.data);
    // The page shows the plan's title already; a canvas title does not wrap.
    expect(narrow.options?.plugins?.title?.text).toBe('量化目标完成情况');
    expect(planOverviewHeight(jilin, { narrow: true })).toBeGreaterThan(planOverviewHeight(jilin));
  });

  it('a target tooltip names the whole subject the axis label shortens, and its status', () => {
    const config = planOverviewChart(jilin);
    const { titles, lines } = config.options!.plugins!.dabiaoTooltips! as {
      titles: string[];
      lines: string[][];
    };
    const names = config.data.labels as string[];
    const shortened = names.findIndex((l) => l.startsWith('…'));
    expect(shortened).toBeGreaterThanOrEqual(0);
    expect(titles[shortened]).toMatch(/^任务.+：/);
    expect(titles[shortened]!.length).toBeGreaterThan(names[shortened]!.length);
    expect(lines[shortened]![0]).toMatch(/完成率/);
  });

  it('a trend subtitle comes in lines of two parts, a doughnut legend goes under it', () => {
    const row = jilin.targets[0]!;
    const subtitle = targetTrendChart(jilin, row.targetId, { narrow: true }).options?.plugins?.subtitle?.text;
    expect(Array.isArray(subtitle)).toBe(true);
    expect((subtitle as string[]).every((line) => line.split(' · ').length <= 2)).toBe(true);
    expect((subtitle as string[]).join(' · ')).toBe(
      targetTrendChart(jilin, row.targetId).options?.plugins?.subtitle?.text,
    );
    expect(statusDistributionChart(siping, { narrow: true }).options?.plugins?.legend?.position).toBe(
      'bottom',
    );
  });
});

describe('plan overview', () => {
  const config = planOverviewChart(jilin);
  const data = config.data.datasets[0]!.data as number[];

  it('has one bar per quantified target, best completion first, unreported last', () => {
    expect(data).toHaveLength(jilin.targets.length);
    for (let i = 1; i < data.length; i++) expect(data[i - 1]!).toBeGreaterThanOrEqual(data[i]!);
    const texts = config.options!.plugins!.dabiaoBarLabels!.texts!;
    expect(texts.at(-1)).toBe('未填报');
    expect(texts[0]).toMatch(/^\d+%$/);
  });

  it('colours each bar by its status and draws the 100% line', () => {
    const colours = config.data.datasets[0]!.backgroundColor as string[];
    expect(new Set(colours)).toEqual(new Set(Object.values(STATUS_COLORS)));
    expect(config.options!.plugins!.dabiaoReferenceLines!.lines!).toContainEqual(
      expect.objectContaining({ scale: 'x', value: 100 }),
    );
  });

  it('labels bars with their subjects, Chinese title included', () => {
    expect(config.data.labels).toContain('市级思政示范课程');
    expect(config.options!.plugins!.title!.text).toBe(`${jilin.plan.title}：量化目标完成情况`);
    expect(planOverviewHeight(jilin)).toBeGreaterThan(planOverviewHeight({ ...jilin, targets: [] }));
  });
});

describe('shortening long subjects keeps the head noun (the tail)', () => {
  it.each([
    ['市级思政示范课程', 14, '市级思政示范课程'],
    ['集实践教学和真实生产于一体的高水平实习实训基地', 12, '…高水平实习实训基地'],
    ['“县域振兴示范性”职教中心', 14, '县域振兴示范性职教中心'],
    ['面向技能人才紧缺领域的高水平专业化实习实训基地', 10, '…专业化实习实训基地'],
  ])('%s → at most %i characters', (subject, max, expected) => {
    const short = shortenSubject(subject, max);
    expect(short).toBe(expected);
    expect(Array.from(short).length).toBeLessThanOrEqual(max);
  });
});

describe('one target over the years', () => {
  it('draws a band between the bounds of a range target (2-3 个)', () => {
    const row = target(jilin, (t) => t.op === 'range');
    const ds = targetTrendChart(jilin, row.targetId).data.datasets;
    expect(labels(ds)).toEqual(expect.arrayContaining(['目标下限 2 个', '目标上限 3 个']));
    const upper = ds.find((d) => d.label === '目标上限 3 个') as { fill?: unknown; data: number[] };
    expect(upper.fill).toBe('-1');
    expect(upper.data.every((v) => v === 3)).toBe(true);
  });

  it('runs the expected-progress line up to the target in the deadline year (行业协会 3 家以上, 2025)', () => {
    const row = target(jilin, (t) => t.subject === '行业协会');
    const config = targetTrendChart(jilin, row.targetId);
    expect(config.data.labels).toEqual(['2023年', '2024年', '2025年']);
    const expected = config.data.datasets.find((d) => d.label === '序时进度')!.data as number[];
    expect(expected).toEqual([1, 2, 3]);
    expect(labels(config.data.datasets)).toContain('目标 ≥ 3 家');
  });

  it('has no expected-progress line for a yearly rate (每年培训乡村人才超过 2000 人次)', () => {
    const row = target(jilin, (t) => t.subject === '乡村人才');
    expect(labels(targetTrendChart(jilin, row.targetId).data.datasets)).not.toContain('序时进度');
  });

  it('treats 不超过 / 低于 targets as a ceiling, lower being better', () => {
    const base = target(jilin, (t) => t.unit === '%');
    const ceiling: TargetProgressRow = { ...base, op: 'lte', value: 5, subject: '学生流失率' };
    const view = { ...jilin, targets: [...jilin.targets, { ...ceiling, targetId: 99999 }] };
    const ds = targetTrendChart(view, 99999).data.datasets;
    expect(labels(ds)).toContain('上限 ≤ 5%（越低越好）');
    expect(labels(ds)).toContain('超出上限');
    expect(labels(ds)).not.toContain('序时进度');
    expect(targetLegend({ op: 'lt', value: 3, max: null, unit: '人' })).toBe('上限 < 3 人（越低越好）');
  });

  it('shows a per-member target (每个县(市)办好 1 所职教中心) as one bar per member, coloured by status', () => {
    const row = target(jilin, (t) => t.each !== null && t.progress.members !== null);
    const config = targetTrendChart(jilin, row.targetId);
    expect(config.data.labels).toEqual(row.progress.members!.map((m) => m.member));
    const colours = config.data.datasets[0]!.backgroundColor as string[];
    expect(colours).toEqual(row.progress.members!.map((m) => STATUS_COLORS[m.status]));
    expect(config.options!.plugins!.dabiaoReferenceLines!.lines![0]!.value).toBe(row.value);
  });

  it('refuses a target of another plan', () => {
    expect(() => targetTrendChart(jilin, siping.targets[0]!.targetId)).toThrow(RangeError);
  });
});

describe('completion by responsible unit', () => {
  it('stacks the five statuses per unit, most targets first, totals matching', () => {
    const config = unitStatusChart(jilin);
    expect(labels(config.data.datasets)).toEqual(['已达标', '进度正常', '进度滞后', '未达标', '未填报']);
    const units = config.data.labels as string[];
    expect(units[0]).toBe('市教育局');
    units.forEach((unit, i) => {
      const total = config.data.datasets.reduce((n, d) => n + (d.data[i] as number), 0);
      expect(total).toBe(jilin.units.find((u) => u.unit === unit)!.total);
    });
  });
});

describe('status distribution', () => {
  it('counts every status of the plan and puts the total in the middle', () => {
    const config = statusDistributionChart(siping);
    expect(config.data.datasets[0]!.data).toEqual([
      siping.statusCounts.met,
      siping.statusCounts.on_track,
      siping.statusCounts.behind,
      siping.statusCounts.missed,
      siping.statusCounts.unreported,
    ]);
    expect(config.data.labels![0]).toBe(`已达标  ${siping.statusCounts.met} 项`);
    expect(config.options!.plugins!.dabiaoCenterText!.lines![0]).toBe(String(siping.targets.length));
  });
});

describe('the same kind of target across plans', () => {
  it('puts 思政示范课程 of 吉林市 and 四平市 side by side with target and latest figure', () => {
    const a = target(jilin, (t) => t.subject.includes('思政示范'));
    const b = target(siping, (t) => t.subject.includes('思政示范'));
    const config = crossPlanChart([
      { planTitle: '吉林市', row: a },
      { planTitle: '四平市', row: b },
    ]);
    expect(config.data.labels).toEqual(['吉林市', '四平市']);
    expect(config.data.datasets[0]!.data).toEqual([20, 10]);
    expect(config.data.datasets[1]!.data).toEqual([
      a.progress.latest?.value ?? null,
      b.progress.latest?.value ?? null,
    ]);
    expect(config.options!.plugins!.title!.text).toContain('各方案对比');
  });
});

describe('finding the same kind of target in several plans', () => {
  it.each([
    ['市级思政示范课程', '门', '思政示范课', '门', true],
    ['“县域振兴示范性”职教中心', '个', '省级服务县域振兴示范性职教中心', '个', true],
    ['专业教学资源库', '个', '专业教学资源库', '个', true],
    ['省级“三全育人”典型学校', '所', '“三全育人”典型学校', '个', false],
    ['省级职业教育在线精品课程', '门', '在线精品课', '门', false],
    ['行业协会', '家', '职教中心', '家', false],
  ])('%s (%s) and %s (%s): same kind = %s', (a, ua, b, ub, expected) => {
    expect(sameKind({ subject: a, unit: ua }, { subject: b, unit: ub })).toBe(expected);
  });

  it('pairs targets of different plans only, named by their area', () => {
    const groups = crossPlanGroups([jilin, siping]);
    const ideology = groups.find((g) => g.subject === '思政示范课')!;
    expect(ideology.items.map((i) => [i.planTitle, i.row.subject])).toEqual([
      ['吉林市', '市级思政示范课程'],
      ['四平市', '思政示范课'],
    ]);
    for (const g of groups) expect(new Set(g.items.map((i) => i.planTitle)).size).toBe(g.items.length);
    expect(planLabel({ plan: { ...jilin.plan, issuer: null } })).toBe(jilin.plan.title);
  });
});
