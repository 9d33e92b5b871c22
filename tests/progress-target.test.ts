/**
 * The progress rules for one target, table-driven from the seed plans' sentences (lower-is-better
 * targets use typical sentences of such plans; the seed plans state none). Unless a case says
 * otherwise the plan runs 2023–2025 and is judged as of the end of 2024, so 序时进度 is 2/3 and
 * a target is on track from 60% completion.
 */
import { describe, expect, test } from 'vitest';
import {
  computeTargetProgress,
  DEFAULT_PROGRESS_SETTINGS,
  expectedProgress,
  type Observation,
  type ProgressSettings,
  type ProgressTarget,
} from '../src/progress';
import { OPS, STATUSES, type Status } from '../src/shared/index.js';

const COUNTIES = ['蛟河市', '舒兰市', '永吉县', '桦甸市'];

function settings(overrides: Partial<ProgressSettings> = {}): ProgressSettings {
  return {
    startYear: 2023,
    horizonYear: 2025,
    asOfYear: 2024,
    members: [],
    ...DEFAULT_PROGRESS_SETTINGS,
    ...overrides,
  };
}

function target(
  fields: Partial<ProgressTarget> & Pick<ProgressTarget, 'op' | 'value' | 'unit'>,
): ProgressTarget {
  return { id: 1, max: null, deadline: null, per: null, each: null, base: null, ...fields };
}

/** Figures by year for the whole plan area: `{ 2023: 6, 2024: 12 }`. */
function figures(byYear: Record<number, number>, member: string | null = null): Observation[] {
  return Object.entries(byYear).map(([year, value]) => ({
    year: Number(year),
    member,
    value,
    numerator: null,
    denominator: null,
  }));
}

const T = {
  eq: target({ op: 'eq', value: 17, unit: '个' }),
  gte: target({ op: 'gte', value: 3, unit: '家', deadline: 2025 }),
  gt: target({ op: 'gt', value: 2000, unit: '人次', per: 'year' }),
  approx: target({ op: 'approx', value: 20, unit: '门' }),
  range: target({ op: 'range', value: 2, max: 3, unit: '个' }),
  lte: target({ op: 'lte', value: 20, unit: '' }),
  lt: target({ op: 'lt', value: 1, unit: '%' }),
};

interface Case {
  name: string;
  target: ProgressTarget;
  observations: Observation[];
  at?: Partial<ProgressSettings>;
  status: Status;
  completion: number | null;
}

const EVERY_OP_AND_STATUS: Case[] = [
  // eq — 重点建设……17 个高水平校内实训基地 (cumulative count)
  {
    name: '17 个高水平校内实训基地 — 17 built by 2024',
    target: T.eq,
    observations: figures({ 2023: 9, 2024: 17 }),
    status: 'met',
    completion: 1,
  },
  {
    name: '17 个高水平校内实训基地 — 12 by 2024 (71% of 67% due)',
    target: T.eq,
    observations: figures({ 2024: 12 }),
    status: 'on_track',
    completion: 12 / 17,
  },
  {
    name: '17 个高水平校内实训基地 — 8 by 2024',
    target: T.eq,
    observations: figures({ 2024: 8 }),
    status: 'behind',
    completion: 8 / 17,
  },
  {
    name: '17 个高水平校内实训基地 — 15 at the 2025 horizon',
    target: T.eq,
    observations: figures({ 2025: 15 }),
    at: { asOfYear: 2025 },
    status: 'missed',
    completion: 15 / 17,
  },
  {
    name: '17 个高水平校内实训基地 — 6 in 2023, nothing for 2024',
    target: T.eq,
    observations: figures({ 2023: 6 }),
    status: 'unreported',
    completion: null,
  },
  // gte — 2025 年末行业协会挂牌在 3 家以上
  {
    name: '2025 年末行业协会挂牌在 3 家以上 — exactly 3 in 2024',
    target: T.gte,
    observations: figures({ 2024: 3 }),
    status: 'met',
    completion: 1,
  },
  {
    name: '2025 年末行业协会挂牌在 3 家以上 — 2 in 2024',
    target: T.gte,
    observations: figures({ 2024: 2 }),
    status: 'on_track',
    completion: 2 / 3,
  },
  {
    name: '2025 年末行业协会挂牌在 3 家以上 — 1 in 2024',
    target: T.gte,
    observations: figures({ 2024: 1 }),
    status: 'behind',
    completion: 1 / 3,
  },
  {
    name: '2025 年末行业协会挂牌在 3 家以上 — 2 at the end of 2025',
    target: T.gte,
    observations: figures({ 2025: 2 }),
    at: { asOfYear: 2025 },
    status: 'missed',
    completion: 2 / 3,
  },
  {
    name: '2025 年末行业协会挂牌在 3 家以上 — nothing entered',
    target: T.gte,
    observations: [],
    status: 'unreported',
    completion: null,
  },
  // gt — 每年培训各类乡村人才超过 2000 人次 (a yearly rate, due in full every year)
  {
    name: '每年培训各类乡村人才超过 2000 人次 — 2100 in 2024',
    target: T.gt,
    observations: figures({ 2024: 2100 }),
    status: 'met',
    completion: 2100 / 2000,
  },
  {
    name: '每年培训各类乡村人才超过 2000 人次 — exactly 2000 is not above it',
    target: T.gt,
    observations: figures({ 2024: 2000 }),
    status: 'on_track',
    completion: 1,
  },
  {
    name: '每年培训各类乡村人才超过 2000 人次 — 1500 in 2024',
    target: T.gt,
    observations: figures({ 2024: 1500 }),
    status: 'behind',
    completion: 0.75,
  },
  {
    name: '每年培训各类乡村人才超过 2000 人次 — 1900 in 2025',
    target: T.gt,
    observations: figures({ 2025: 1900 }),
    at: { asOfYear: 2025 },
    status: 'missed',
    completion: 0.95,
  },
  {
    name: '每年培训各类乡村人才超过 2000 人次 — 2500 in 2023 does not stand for 2024',
    target: T.gt,
    observations: figures({ 2023: 2500 }),
    status: 'unreported',
    completion: null,
  },
  // approx — 培育 20 门左右市级思政示范课程
  {
    name: '培育 20 门左右市级思政示范课程 — 18 of 20 in 2024',
    target: T.approx,
    observations: figures({ 2024: 18 }),
    status: 'met',
    completion: 0.9,
  },
  {
    name: '培育 20 门左右市级思政示范课程 — 13 in 2024',
    target: T.approx,
    observations: figures({ 2024: 13 }),
    status: 'on_track',
    completion: 0.65,
  },
  {
    name: '培育 20 门左右市级思政示范课程 — 10 in 2024',
    target: T.approx,
    observations: figures({ 2024: 10 }),
    status: 'behind',
    completion: 0.5,
  },
  {
    name: '培育 20 门左右市级思政示范课程 — 17 at the 2025 horizon',
    target: T.approx,
    observations: figures({ 2025: 17 }),
    at: { asOfYear: 2025 },
    status: 'missed',
    completion: 0.85,
  },
  {
    name: '培育 20 门左右市级思政示范课程 — nothing entered',
    target: T.approx,
    observations: [],
    status: 'unreported',
    completion: null,
  },
  // range — 重点建设 2-3 个……高水平实习实训基地
  {
    name: '重点建设 2-3 个高水平实习实训基地 — 2 in 2024',
    target: T.range,
    observations: figures({ 2024: 2 }),
    status: 'met',
    completion: 1,
  },
  {
    name: '重点建设 2-3 个高水平实习实训基地 — 1 in 2023 (1/3 due)',
    target: T.range,
    observations: figures({ 2023: 1 }),
    at: { asOfYear: 2023 },
    status: 'on_track',
    completion: 0.5,
  },
  {
    name: '重点建设 2-3 个高水平实习实训基地 — 1 in 2024 (2/3 due)',
    target: T.range,
    observations: figures({ 2024: 1 }),
    status: 'behind',
    completion: 0.5,
  },
  {
    name: '重点建设 2-3 个高水平实习实训基地 — 1 at the 2025 horizon',
    target: T.range,
    observations: figures({ 2025: 1 }),
    at: { asOfYear: 2025 },
    status: 'missed',
    completion: 0.5,
  },
  {
    name: '重点建设 2-3 个高水平实习实训基地 — only a 2025 figure, judged as of 2024',
    target: T.range,
    observations: figures({ 2025: 3 }),
    status: 'unreported',
    completion: null,
  },
  // lte — 职业学校生师比不高于 20 (typical; baseline 24 in 2023)
  {
    name: '生师比不高于 20 — from 24 down to 19.5',
    target: T.lte,
    observations: figures({ 2023: 24, 2024: 19.5 }),
    status: 'met',
    completion: 4.5 / 4,
  },
  {
    name: '生师比不高于 20 — from 24 down to 21.5',
    target: T.lte,
    observations: figures({ 2023: 24, 2024: 21.5 }),
    status: 'on_track',
    completion: 2.5 / 4,
  },
  {
    name: '生师比不高于 20 — from 24 down to 23',
    target: T.lte,
    observations: figures({ 2023: 24, 2024: 23 }),
    status: 'behind',
    completion: 1 / 4,
  },
  {
    name: '生师比不高于 20 — still 21 in 2025',
    target: T.lte,
    observations: figures({ 2023: 24, 2025: 21 }),
    at: { asOfYear: 2025 },
    status: 'missed',
    completion: 3 / 4,
  },
  {
    name: '生师比不高于 20 — 24 in 2023, nothing for 2024',
    target: T.lte,
    observations: figures({ 2023: 24 }),
    status: 'unreported',
    completion: null,
  },
  // lt — 辍学率低于 1% (typical; baseline 2% in 2023)
  {
    name: '辍学率低于 1% — from 2% to 0.8%',
    target: T.lt,
    observations: figures({ 2023: 2, 2024: 0.8 }),
    status: 'met',
    completion: 1.2,
  },
  {
    name: '辍学率低于 1% — exactly 1% is not below it',
    target: T.lt,
    observations: figures({ 2023: 2, 2024: 1 }),
    status: 'on_track',
    completion: 1,
  },
  {
    name: '辍学率低于 1% — from 2% to 1.8%',
    target: T.lt,
    observations: figures({ 2023: 2, 2024: 1.8 }),
    status: 'behind',
    completion: 0.2,
  },
  {
    name: '辍学率低于 1% — 1.2% in 2025',
    target: T.lt,
    observations: figures({ 2023: 2, 2025: 1.2 }),
    at: { asOfYear: 2025 },
    status: 'missed',
    completion: 0.8,
  },
  {
    name: '辍学率低于 1% — nothing entered',
    target: T.lt,
    observations: [],
    status: 'unreported',
    completion: null,
  },
];

describe('computeTargetProgress: every op × every status', () => {
  test.each(EVERY_OP_AND_STATUS)('$name → $status', ({ target: t, observations, at, status, completion }) => {
    const progress = computeTargetProgress(t, observations, settings(at));
    expect(progress.status).toBe(status);
    if (completion === null) expect(progress.completion).toBeNull();
    else expect(progress.completion).toBeCloseTo(completion, 6);
    expect(progress.note).not.toBe('');
  });

  test('every op and every status is covered by the table', () => {
    const seen = new Set(EVERY_OP_AND_STATUS.map((c) => `${c.target.op}:${c.status}`));
    for (const op of OPS) for (const status of STATUSES) expect(seen).toContain(`${op}:${status}`);
  });
});

interface MemberCase {
  name: string;
  figures: Record<string, number>;
  at: Partial<ProgressSettings>;
  status: Status;
  met: number;
}

describe('computeTargetProgress: per-member (each) targets', () => {
  const centre = target({ op: 'eq', value: 1, unit: '所', each: '每个县(市)' });
  const reported = (byMember: Record<string, number>, year = 2024): Observation[] =>
    Object.entries(byMember).flatMap(([member, value]) => figures({ [year]: value }, member));

  test.each([
    {
      name: '每个县(市)办好 1 所职教中心 — all 4 counties',
      figures: { 蛟河市: 1, 舒兰市: 1, 永吉县: 1, 桦甸市: 2 },
      at: {},
      status: 'met',
      met: 4,
    },
    {
      name: '每个县(市)办好 1 所职教中心 — 3 of 4 in 2024',
      figures: { 蛟河市: 1, 舒兰市: 1, 永吉县: 1, 桦甸市: 0 },
      at: {},
      status: 'on_track',
      met: 3,
    },
    {
      name: '每个县(市)办好 1 所职教中心 — 2 of 4 in 2024',
      figures: { 蛟河市: 1, 舒兰市: 1, 永吉县: 0 },
      at: {},
      status: 'behind',
      met: 2,
    },
    {
      name: '每个县(市)办好 1 所职教中心 — 3 of 4 at the horizon',
      figures: { 蛟河市: 1, 舒兰市: 1, 永吉县: 1, 桦甸市: 0 },
      at: { asOfYear: 2025 },
      status: 'missed',
      met: 3,
    },
    {
      name: '每个县(市)办好 1 所职教中心 — no county reported',
      figures: {},
      at: {},
      status: 'unreported',
      met: 0,
    },
  ] as MemberCase[])('$name → $status', ({ figures: byMember, at, status, met }) => {
    const year = at.asOfYear ?? 2024;
    const progress = computeTargetProgress(
      centre,
      reported(byMember, year),
      settings({ members: COUNTIES, ...at }),
    );
    expect(progress.status).toBe(status);
    expect(progress.membersMet).toBe(met);
    expect(progress.members?.map((m) => m.member)).toEqual(COUNTIES);
    if (status !== 'unreported') expect(progress.completion).toBeCloseTo(met / COUNTIES.length, 6);
  });

  test('每个县(市)办好 1 所职教中心 — a county dropped from the list no longer counts', () => {
    const progress = computeTargetProgress(
      centre,
      reported({ 蛟河市: 1, 舒兰市: 1, 永吉县: 1, 桦甸市: 1, 磐石市: 1 }),
      settings({ members: COUNTIES.slice(0, 3) }),
    );
    expect(progress.status).toBe('met');
    expect(progress.membersMet).toBe(3);
    expect(progress.members?.map((m) => m.member)).not.toContain('磐石市');
  });

  test('每个县(市)办好 1 所职教中心 — the note names the counties that did not report', () => {
    const progress = computeTargetProgress(
      centre,
      reported({ 蛟河市: 1, 舒兰市: 1 }),
      settings({ members: COUNTIES }),
    );
    expect(progress.note).toContain('2024 年未填报：永吉县、桦甸市');
    expect(progress.members?.find((m) => m.member === '永吉县')?.status).toBe('unreported');
  });

  test('每个县(市)办好 1 所职教中心 — the series counts the counties met at each year end', () => {
    const observations = [
      ...reported({ 蛟河市: 1 }, 2023),
      ...reported({ 蛟河市: 1, 舒兰市: 1, 永吉县: 1 }, 2024),
    ];
    const progress = computeTargetProgress(centre, observations, settings({ members: COUNTIES }));
    expect(progress.series).toEqual([
      { year: 2023, value: 1 },
      { year: 2024, value: 3 },
    ]);
  });

  test('教师每年至少到企业或者实训基地实践1个月 — a scope with no member list is judged on the area figure', () => {
    const practice = target({ op: 'gte', value: 1, unit: '个月', per: 'year', each: '教师' });
    const progress = computeTargetProgress(practice, figures({ 2024: 1.2 }), settings());
    expect(progress.status).toBe('met');
    expect(progress.members).toBeNull();
    expect(progress.note).toContain('按全域填报数判断');
  });

  test('教师每年至少到企业或者实训基地实践1个月 — figures entered per school are judged over the schools that reported', () => {
    const practice = target({ op: 'gte', value: 1, unit: '个月', per: 'year', each: '教师' });
    const entered = [
      ...figures({ 2024: 1.5 }, '吉林工业职业技术学院'),
      ...figures({ 2024: 0.5 }, '吉林市职业技术学校'),
    ];
    const progress = computeTargetProgress(practice, entered, settings());
    expect(progress.members?.map((m) => [m.member, m.status])).toEqual([
      ['吉林工业职业技术学院', 'met'],
      ['吉林市职业技术学校', 'behind'],
    ]);
    expect(progress).toMatchObject({ membersMet: 1, completion: 0.5 });
    expect(progress.note).toContain('按已填报的 2 个单位判断');
  });
});

describe('computeTargetProgress: edge cases', () => {
  test('a target of zero — 重大安全责任事故控制在 0 起 reached from 3', () => {
    const zero = target({ op: 'lte', value: 0, unit: '起' });
    const reached = computeTargetProgress(zero, figures({ 2023: 3, 2024: 0 }), settings());
    expect(reached).toMatchObject({ status: 'met', completion: 1 });
    const halfway = computeTargetProgress(zero, figures({ 2023: 2, 2024: 1 }), settings());
    expect(halfway).toMatchObject({ status: 'behind', completion: 0.5 });
  });

  test('a target of zero with gt — 超过 0 is not met by 0 and has a finite completion', () => {
    const progress = computeTargetProgress(
      target({ op: 'gt', value: 0, unit: '个' }),
      figures({ 2024: 0 }),
      settings(),
    );
    expect(progress.status).toBe('behind');
    expect(progress.completion).toBe(0);
  });

  test('over-achievement keeps the true completion — 17 个高水平校内实训基地, 25 built', () => {
    const progress = computeTargetProgress(T.eq, figures({ 2024: 25 }), settings());
    expect(progress.status).toBe('met');
    expect(progress.completion).toBeCloseTo(25 / 17, 6);
  });

  test('above the range is met and flagged — 重点建设 2-3 个, 4 built', () => {
    const progress = computeTargetProgress(T.range, figures({ 2024: 4 }), settings());
    expect(progress).toMatchObject({ status: 'met', aboveRange: true, completion: 2 });
    expect(progress.note).toContain('超出上限 3 个');
  });

  test('within the range is not flagged — 重点建设 2-3 个, 3 built', () => {
    expect(computeTargetProgress(T.range, figures({ 2024: 3 }), settings()).aboveRange).toBe(false);
  });

  test('a target edited after figures were entered is judged by its current value', () => {
    const observations = figures({ 2024: 12 });
    expect(computeTargetProgress(T.eq, observations, settings()).status).toBe('on_track');
    const edited = { ...T.eq, value: 10 };
    expect(computeTargetProgress(edited, observations, settings())).toMatchObject({
      status: 'met',
      completion: 1.2,
    });
  });

  test('late entries: a 2023 figure entered after the 2024 one changes nothing but order', () => {
    const inOrder = figures({ 2023: 24, 2024: 21.5 });
    const late = [...inOrder].reverse();
    expect(computeTargetProgress(T.lte, late, settings())).toEqual(
      computeTargetProgress(T.lte, inOrder, settings()),
    );
  });

  test('late entries: the baseline of a lower-is-better target is the earliest year, whenever it was entered', () => {
    const late = [...figures({ 2024: 21.5 }), ...figures({ 2022: 28 })];
    // Baseline 28 in 2022: (28 − 21.5) / (28 − 20)
    expect(computeTargetProgress(T.lte, late, settings()).completion).toBeCloseTo(6.5 / 8, 6);
  });

  test('missing years: a cumulative total judged on its own year when an earlier year is missing', () => {
    const progress = computeTargetProgress(T.eq, figures({ 2024: 12 }), settings());
    expect(progress.series).toEqual([
      { year: 2023, value: null },
      { year: 2024, value: 12 },
    ]);
    expect(progress.latest).toEqual({ year: 2024, value: 12 });
  });

  test('missing years: a cumulative total that had reached the target stays met, noting the gap', () => {
    const progress = computeTargetProgress(T.eq, figures({ 2023: 17 }), settings());
    expect(progress.status).toBe('met');
    expect(progress.note).toContain('2024 年未填报');
    expect(progress.latest).toEqual({ year: 2023, value: 17 });
  });

  test('unreported notes the year due and the latest figure', () => {
    const progress = computeTargetProgress(T.eq, figures({ 2023: 6 }), settings());
    expect(progress.note).toBe('2024 年未填报（最近数据：2023 年 6 个）');
    expect(progress.latest).toEqual({ year: 2023, value: 6 });
  });

  test('a deadline already passed is judged on the deadline year, and late achievement is noted', () => {
    const early = target({ op: 'eq', value: 2, unit: '所', deadline: 2023 });
    const progress = computeTargetProgress(
      early,
      figures({ 2023: 1, 2024: 2 }),
      settings({ asOfYear: 2025 }),
    );
    expect(progress.status).toBe('missed');
    expect(progress.latest).toEqual({ year: 2023, value: 1 });
    expect(progress.note).toContain('2024 年已达到（逾期）');
  });

  test('before the plan period starts nothing is due, so nothing is unreported', () => {
    const progress = computeTargetProgress(T.eq, [], settings({ asOfYear: 2022 }));
    expect(progress.status).not.toBe('unreported');
    expect(progress.expected).toBe(0);
  });
});

describe('computeTargetProgress: yearly rates, averages and shares', () => {
  const scale = target({ op: 'gte', value: 5000, unit: '人', per: 'year', deadline: 2025 });

  test('“十四五”末年均培训规模达到 5000 人以上 — a dated rate may ramp up: 4000 in 2024 is on track', () => {
    const progress = computeTargetProgress(scale, figures({ 2023: 3000, 2024: 4000 }), settings());
    expect(progress).toMatchObject({ status: 'on_track', completion: 0.8 });
    expect(progress.expected).toBeCloseTo(2 / 3, 6);
  });

  test('“十四五”末年均培训规模达到 5000 人以上 — judged as an average: mean of 4000 and 6500 is met', () => {
    const progress = computeTargetProgress(
      { ...scale, average: true },
      figures({ 2023: 4000, 2024: 6500 }),
      settings(),
    );
    expect(progress.status).toBe('met');
    // The latest figure is the mean of 2023–2024, and says so (tables write 2023–2024 年年均).
    expect(progress.latest).toEqual({ year: 2024, value: 5250, averageFrom: 2023 });
    expect(progress.expected).toBe(1);
  });

  test('an average leaves a missing year out of the mean and says so', () => {
    const progress = computeTargetProgress(
      { ...scale, average: true },
      figures({ 2023: 4000, 2025: 5600 }),
      settings({ asOfYear: 2025 }),
    );
    expect(progress.latest).toEqual({ year: 2025, value: 4800, averageFrom: 2023 });
    expect(progress.status).toBe('missed');
    expect(progress.note).toContain('2024 年未填报，不计入');
  });

  test('保障教学经费不低于学校当年支出的 30% — numerator and denominator win over a typed value', () => {
    const share = target({ op: 'gte', value: 30, unit: '%', base: '学校当年支出' });
    const entered = [{ year: 2024, member: null, value: 25, numerator: 320, denominator: 1000 }];
    const progress = computeTargetProgress(share, entered, settings());
    expect(progress.status).toBe('met');
    expect(progress.latest?.value).toBeCloseTo(32, 6);
  });

  test('保障教学经费不低于学校当年支出的 30% — a zero denominator falls back to the typed value', () => {
    const share = target({ op: 'gte', value: 30, unit: '%', base: '学校当年支出' });
    const entered = [{ year: 2024, member: null, value: 25, numerator: 320, denominator: 0 }];
    expect(computeTargetProgress(share, entered, settings()).latest?.value).toBe(25);
  });

  test('年培训人次达到在校生规模的 2 倍以上 — 5000 trainees over 2000 students is 2.5 times', () => {
    const multiple = target({ op: 'gte', value: 2, unit: '倍', per: 'year', base: '在校生规模' });
    const entered = [{ year: 2024, member: null, value: null, numerator: 5000, denominator: 2000 }];
    const progress = computeTargetProgress(multiple, entered, settings());
    expect(progress).toMatchObject({ status: 'met', completion: 1.25, latest: { year: 2024, value: 2.5 } });
  });
});

describe('expectedProgress (序时进度)', () => {
  test.each([
    { asOf: 2022, expected: 0, why: 'before the period' },
    { asOf: 2023, expected: 1 / 3, why: 'first of three year-ends' },
    { asOf: 2024, expected: 2 / 3, why: 'second of three year-ends' },
    { asOf: 2025, expected: 1, why: 'the deadline year itself is fully due' },
    { asOf: 2027, expected: 1, why: 'after the deadline' },
  ])('2023–2025 as of $asOf → $expected ($why)', ({ asOf, expected }) => {
    expect(expectedProgress(2023, 2025, asOf)).toBeCloseTo(expected, 6);
  });

  test('a deadline before the plan starts is due all at once', () => {
    expect(expectedProgress(2023, 2022, 2022)).toBe(1);
    expect(expectedProgress(2023, 2022, 2021)).toBe(0);
  });
});
