/**
 * The plan progress view over a small plan built by hand from tasks of the 吉林市 seed plan
 * (000_3cb08648fdcd494e), judged as of the end of 2024 over 2023–2025.
 */
import { describe, expect, test } from 'vitest';
import {
  computePlanProgress,
  resolvePlanPeriod,
  type PlanProgressInput,
  type PlanProgressOptions,
  type ProgressMeasurementRecord,
  type ProgressTargetRecord,
  type ProgressTaskRecord,
} from '../src/progress';

const COUNTIES = ['蛟河市', '舒兰市', '永吉县', '桦甸市'];

const lead = (name: string) => ({ name, role: 'lead' as const });
const support = (name: string) => ({ name, role: 'support' as const });

const TASKS: ProgressTaskRecord[] = [
  {
    id: 1,
    seq: 1,
    text: '组织成立“思政课程”教学指导委员会',
    units: [lead('市教育局'), support('职业院校')],
    qualitative: true,
    qualitativeStatus: 'in_progress',
  },
  {
    id: 3,
    seq: 3,
    text: '培育 20 门左右市级思政示范课程,遴选一批优质校本课程思政教材',
    // The same unit named twice still answers for the target once.
    units: [lead('市教育局'), support('职业院校'), support('市教育局')],
    qualitative: false,
    qualitativeStatus: null,
  },
  {
    id: 12,
    seq: 12,
    text: '每个县(市)办好 1 所职教中心',
    units: [lead('各县(市)政府')],
    qualitative: false,
    qualitativeStatus: null,
  },
  {
    id: 24,
    seq: 24,
    text: '重点建设 2-3 个集实践教学和真实生产于一体的高水平实习实训基地、4 个面向技能人才紧缺领域的高水平专业化实习实训基地和 17 个高水平校内实训基地',
    units: [lead('市教育局'), support('市财政局'), support('职业院校')],
    qualitative: false,
    qualitativeStatus: null,
  },
  {
    id: 44,
    seq: 44,
    text: '鼓励职业院校与乡镇共建乡村人才培养基地，每年培训各类乡村人才超过 2000 人次',
    units: [lead('市教育局'), support('市乡村振兴局'), support('各县（市）政府')],
    qualitative: false,
    qualitativeStatus: null,
  },
];

function target(
  id: number,
  taskId: number,
  fields: Partial<ProgressTargetRecord> &
    Pick<ProgressTargetRecord, 'quote' | 'subject' | 'op' | 'value' | 'unit'>,
): ProgressTargetRecord {
  return { id, taskId, max: null, deadline: null, per: null, each: null, base: null, ...fields };
}

const TARGETS: ProgressTargetRecord[] = [
  // Listed out of document order on purpose: rows must follow the tasks.
  target(6, 44, {
    quote: '超过 2000 人次',
    subject: '乡村人才',
    op: 'gt',
    value: 2000,
    unit: '人次',
    per: 'year',
  }),
  target(1, 3, { quote: '20 门左右', subject: '市级思政示范课程', op: 'approx', value: 20, unit: '门' }),
  target(2, 24, {
    quote: '2-3 个',
    subject: '高水平实习实训基地',
    op: 'range',
    value: 2,
    max: 3,
    unit: '个',
  }),
  target(3, 24, { quote: '4 个', subject: '高水平专业化实习实训基地', op: 'eq', value: 4, unit: '个' }),
  target(4, 24, { quote: '17 个', subject: '高水平校内实训基地', op: 'eq', value: 17, unit: '个' }),
  target(5, 12, { quote: '1 所', subject: '职教中心', op: 'eq', value: 1, unit: '所', each: '每个县(市)' }),
];

function figure(
  targetId: number,
  year: number,
  value: number,
  state: ProgressMeasurementRecord['state'],
  member: string | null = null,
): ProgressMeasurementRecord {
  return { targetId, year, member, value, numerator: null, denominator: null, state };
}

const MEASUREMENTS: ProgressMeasurementRecord[] = [
  figure(1, 2024, 18, 'verified'),
  figure(2, 2024, 1, 'reported'),
  figure(3, 2024, 3, 'verified'),
  figure(4, 2023, 6, 'verified'),
  figure(4, 2024, 17, 'returned'),
  figure(5, 2024, 1, 'verified', '蛟河市'),
  figure(5, 2024, 1, 'verified', '舒兰市'),
  figure(5, 2024, 1, 'reported', '永吉县'),
  figure(5, 2024, 0, 'reported', '桦甸市'),
  figure(6, 2024, 2100, 'reported'),
];

function view(options: Partial<PlanProgressOptions> = {}, overrides: Partial<PlanProgressInput> = {}) {
  return computePlanProgress({
    plan: {
      id: 7,
      title: '吉林市职业教育高质量发展行动方案',
      issuer: '吉林市教育局',
      year: 2023,
      sourceName: '000_3cb08648fdcd494e.txt',
      startYear: 2023,
      horizonYear: 2025,
    },
    tasks: TASKS,
    targets: TARGETS,
    measurements: MEASUREMENTS,
    members: COUNTIES,
    options: { asOfYear: 2024, ...options },
    ...overrides,
  });
}

const statusOf = (v: ReturnType<typeof view>) =>
  Object.fromEntries(v.targets.map((r) => [r.targetId, r.progress.status]));

describe('computePlanProgress over a hand-built plan', () => {
  test('every reported or verified figure counts by default; a returned one never does', () => {
    const v = view();
    expect(v.dataState).toBe('all');
    expect(statusOf(v)).toEqual({
      1: 'met',
      2: 'behind',
      3: 'on_track',
      4: 'unreported',
      5: 'on_track',
      6: 'met',
    });
    expect(v.statusCounts).toEqual({ met: 2, on_track: 2, behind: 1, missed: 0, unreported: 1 });
    // 17 个高水平校内实训基地: the returned 2024 figure is ignored, the 2023 one (6) is stale.
    expect(v.targets.find((r) => r.targetId === 4)?.progress.note).toBe(
      '2024 年未填报（最近数据：2023 年 6 个）',
    );
  });

  test('verified only: 已填报 figures drop out', () => {
    const v = view({ dataState: 'verified' });
    expect(v.dataState).toBe('verified');
    expect(statusOf(v)).toEqual({
      1: 'met',
      2: 'unreported',
      3: 'on_track',
      4: 'unreported',
      5: 'behind',
      6: 'unreported',
    });
    expect(v.statusCounts).toEqual({ met: 1, on_track: 1, behind: 1, missed: 0, unreported: 3 });
    expect(v.targets.find((r) => r.targetId === 5)?.progress.membersMet).toBe(2);
  });

  test('rows follow the document: tasks in order, each with its targets', () => {
    const v = view();
    expect(v.tasks.map((t) => t.seq)).toEqual([1, 3, 12, 24, 44]);
    expect(v.targets.map((r) => r.targetId)).toEqual([1, 5, 2, 3, 4, 6]);
    expect(v.tasks.find((t) => t.seq === 24)?.targetIds).toEqual([2, 3, 4]);
    const row = v.targets.find((r) => r.targetId === 2);
    expect(row).toMatchObject({ seq: 24, quote: '2-3 个', leadUnit: '市教育局', max: 3, op: 'range' });
    expect(row?.units).toEqual(['市教育局', '市财政局', '职业院校']);
  });

  test('a qualitative task keeps its evaluator status and adds no quantified target', () => {
    const task = view().tasks.find((t) => t.seq === 1);
    expect(task).toMatchObject({ qualitative: true, qualitativeStatus: 'in_progress', targetIds: [] });
  });

  test('unit summaries count each target once per responsible unit, lead and supporting alike', () => {
    const units = Object.fromEntries(view().units.map((u) => [u.unit, u]));
    expect(Object.keys(units)).toEqual([
      '市教育局',
      '职业院校',
      '各县(市)政府',
      '市财政局',
      '市乡村振兴局',
      '各县（市）政府',
    ]);
    expect(units['市教育局']).toEqual({
      unit: '市教育局',
      counts: { met: 2, on_track: 1, behind: 1, missed: 0, unreported: 1 },
      total: 5,
      attainment: { met: 2, due: 2, rate: 1 },
    });
    expect(units['职业院校']?.total).toBe(4);
    expect(units['市财政局']?.counts).toEqual({ met: 0, on_track: 1, behind: 1, missed: 0, unreported: 1 });
    expect(units['各县(市)政府']?.counts.on_track).toBe(1);
  });

  test('restricted to one unit: only its tasks, its targets and its summary', () => {
    const v = view({ unit: '市财政局' });
    expect(v.unit).toBe('市财政局');
    expect(v.tasks.map((t) => t.seq)).toEqual([24]);
    expect(v.targets.map((r) => r.targetId)).toEqual([2, 3, 4]);
    expect(v.units.map((u) => u.unit)).toEqual(['市财政局']);
    expect(v.statusCounts).toEqual({ met: 0, on_track: 1, behind: 1, missed: 0, unreported: 1 });
  });

  test('restricted to a unit that answers for nothing: an empty view, not an error', () => {
    const v = view({ unit: '市公安局' });
    expect(v.targets).toEqual([]);
    expect(v.units).toEqual([]);
    expect(v.overallCompletion).toBeNull();
  });

  test('overall completion is the mean over targets with a figure, each capped at 100%', () => {
    // 0.9 (18/20), 0.75 (3/4 counties), 0.5 (1 of 2-3), 0.75 (3/4), 1 (2100/2000 capped); 17 个 has none.
    expect(view().overallCompletion).toBeCloseTo((0.9 + 0.75 + 0.5 + 0.75 + 1) / 5, 6);
  });

  test('a later as-of year turns unmet targets past the horizon into 未达标', () => {
    // Nothing entered for 2025: cumulative totals that had met stay met (18 门, and three
    // counties' 职教中心), the rest are 未填报, and the county target is short at the horizon.
    const v = view({ asOfYear: 2025 });
    expect(statusOf(v)).toEqual({
      1: 'met',
      2: 'unreported',
      3: 'unreported',
      4: 'unreported',
      5: 'missed',
      6: 'unreported',
    });
    expect(v.targets.find((r) => r.targetId === 5)?.progress.note).toBe(
      '3/4 个成员达标；2025 年未填报：桦甸市',
    );
    const withFigures = view(
      { asOfYear: 2025 },
      { measurements: [...MEASUREMENTS, figure(3, 2025, 3, 'reported'), figure(1, 2025, 19, 'verified')] },
    );
    expect(statusOf(withFigures)).toMatchObject({ 1: 'met', 3: 'missed' });
  });

  test('thresholds can be set per view: a 95% tolerance makes 18 of 20 门左右 short of it', () => {
    expect(statusOf(view({ approxTolerance: 0.95 }))[1]).toBe('on_track');
  });

  test('a scope can range over its own members (每个县（市）区 takes in the districts)', () => {
    const v = view({}, { membersByScope: { '每个县(市)': [...COUNTIES, '船营区'] } });
    const row = v.targets.find((r) => r.targetId === 5);
    expect(row?.progress.members).toHaveLength(5);
    expect(row?.progress.note).toContain('船营区');
  });
});

describe('resolvePlanPeriod', () => {
  test('the horizon falls back to the latest deadline in the plan', () => {
    const period = resolvePlanPeriod(
      { startYear: 2023, horizonYear: null, year: 2023 },
      [{ deadline: null }, { deadline: 2025 }, { deadline: 2024 }],
      2024,
    );
    expect(period).toEqual({ startYear: 2023, horizonYear: 2025 });
  });

  test('without a start year the plan year stands in', () => {
    expect(resolvePlanPeriod({ startYear: null, horizonYear: 2027, year: 2024 }, [], 2026)).toEqual({
      startYear: 2024,
      horizonYear: 2027,
    });
  });
});

describe('达标率: targets met over targets due', () => {
  test('before the horizon only the targets met early count, so the rate says 2 of 2, not 2 of 6', () => {
    const v = view();
    // No target has a deadline before the 2025 horizon: none is due at the end of 2024.
    expect(v.targets.filter((r) => r.progress.due)).toEqual([]);
    expect(v.attainment).toEqual({ met: 2, due: 2, rate: 1 });
  });

  test('at the horizon every target is due: missed and unreported ones count against the rate', () => {
    const extra = [
      figure(1, 2025, 20, 'verified'),
      figure(3, 2025, 2, 'verified'),
      figure(6, 2025, 1500, 'reported'),
    ];
    const v = view({ asOfYear: 2025 }, { measurements: [...MEASUREMENTS, ...extra] });
    expect(v.targets.every((r) => r.progress.due)).toBe(true);
    expect(statusOf(v)).toMatchObject({ 1: 'met', 3: 'missed', 6: 'missed' });
    expect(v.attainment.due).toBe(6);
    expect(v.attainment.met).toBe(v.statusCounts.met);
    expect(v.attainment.rate).toBeCloseTo(v.statusCounts.met / 6);
  });

  test('each unit has its own 达标率 over the targets it answers for', () => {
    const v = view();
    const byUnit = Object.fromEntries(v.units.map((u) => [u.unit, u.attainment]));
    // 市乡村振兴局 answers only for 乡村人才 (met early); 市财政局 only for the three 实训基地 (none met).
    expect(byUnit['市乡村振兴局']).toEqual({ met: 1, due: 1, rate: 1 });
    expect(byUnit['市财政局']).toEqual({ met: 0, due: 0, rate: null });
  });
});
