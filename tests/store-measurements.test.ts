import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasurementInput, TargetRecord } from '../src/db/store';
import { JILIN, SIPING } from '../src/demo/jurisdictions';
import { goldPlan, hashOf } from './support/gold-plans';
import { dialects, useFreshStore } from './support/store-dialects';

describe.each(dialects.map((d) => [d.name, d] as const))('measurements on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);
  const t: Record<string, TargetRecord> = {};
  beforeAll(async () => {
    const jilin = await f.store.importPlan(
      {
        extracted: goldPlan('000_3cb08648fdcd494e'),
        title: '吉林市推动现代职业教育高质量发展建设技能社会实施方案',
        year: 2023,
        sourceName: '000.txt',
        sourceHash: hashOf('jilin'),
        jurisdiction: JILIN,
      },
      'importer',
    );
    const siping = await f.store.importPlan(
      {
        extracted: goldPlan('002_36169d261e098f31'),
        title: '四平市重点工作任务分工',
        year: 2023,
        sourceName: '002.txt',
        sourceHash: hashOf('siping'),
        jurisdiction: SIPING,
      },
      'importer',
    );
    const all = [
      ...(await f.store.listTargets(jilin.plan.id)),
      ...(await f.store.listTargets(siping.plan.id)),
    ];
    const pick = (quote: string) => all.find((x) => x.quote === quote)!;
    t.courses = pick('20 门左右'); // plain count
    t.centre = pick('1 所'); // 每个县(市): counties and county-level cities
    t.elderly = all.find((x) => x.each === '每个县（市）区')!; // districts too
    t.training = pick('在校生规模的 2 倍以上'); // 倍 of a base, each 优质职业院校 (not a jurisdiction)
    t.funding = pick('不低于学校当年支出的 30%'); // % of a base
  });

  it('a revised figure keeps its history and the latest is current', async () => {
    const first = await f.store.recordMeasurement(
      t.courses!.id,
      { year: 2024, value: 8, note: '示例' },
      'stat',
      0,
    );
    const second = await f.store.recordMeasurement(t.courses!.id, { year: 2024, value: 9 }, 'stat', 1);
    expect([first.revision, second.revision]).toEqual([1, 2]);
    const current = await f.store.listMeasurements({ targetId: t.courses!.id });
    expect(current.map((m) => [m.year, m.value, m.revision, m.state])).toEqual([[2024, 9, 2, 'reported']]);
    const history = await f.store.measurementHistory(t.courses!.id, 2024, null);
    expect(history.map((m) => [m.value, m.note, m.enteredBy])).toEqual([
      [8, '示例', 'stat'],
      [9, null, 'stat'],
    ]);
    await expect(
      f.store.recordMeasurement(t.courses!.id, { year: 2024, value: 10 }, 'stat', 1),
    ).rejects.toMatchObject({ code: 'stale_revision' });
    expect(await f.store.measurementHistory(t.courses!.id, 2024, null)).toHaveLength(2);
  });

  it('verifying and returning a figure are revisions too; a new entry goes back to 已填报', async () => {
    const verified = await f.store.setMeasurementState(t.courses!.id, 2024, null, 'verified', 2, 'evaluator');
    // 填报人 stays who entered the value; the evaluator is 核实人.
    expect(verified).toMatchObject({
      revision: 3,
      value: 9,
      state: 'verified',
      enteredBy: 'stat',
      verifiedBy: 'evaluator',
      reason: null,
    });
    await expect(
      f.store.setMeasurementState(t.courses!.id, 2024, null, 'returned', 3, 'evaluator', '  '),
    ).rejects.toMatchObject({ code: 'validation_failed', issues: [{ path: ['reason'] }] });
    const returned = await f.store.setMeasurementState(
      t.courses!.id,
      2024,
      null,
      'returned',
      3,
      'evaluator',
      '数据来源不清',
    );
    expect(returned).toMatchObject({ state: 'returned', reason: '数据来源不清', enteredBy: 'stat' });
    const again = await f.store.recordMeasurement(t.courses!.id, { year: 2024, value: 11 }, 'stat');
    expect(again).toMatchObject({ revision: 5, state: 'reported' });
    await expect(
      f.store.setMeasurementState(t.courses!.id, 2024, null, 'verified', 4, 'evaluator'),
    ).rejects.toMatchObject({ code: 'stale_revision' });
    await expect(
      f.store.setMeasurementState(t.courses!.id, 2019, null, 'verified', 1, 'evaluator'),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      f.store.setMeasurementState(t.courses!.id, 2024.5, null, 'verified', 5, 'evaluator'),
    ).rejects.toMatchObject({ code: 'unprocessable', issues: [{ path: ['year'] }] });
    await expect(f.store.measurementHistory(t.courses!.id, 1e12, null)).rejects.toMatchObject({
      code: 'unprocessable',
    });
  });

  it.each<[string, string, MeasurementInput, string[]]>([
    ['a county for 每个县(市)', 'centre', { year: 2024, member: '永吉县', value: 1 }, []],
    ['a county-level city for 每个县(市)', 'centre', { year: 2024, member: '磐石市', value: 0 }, []],
    ['a district for 每个县(市)', 'centre', { year: 2024, member: '昌邑区', value: 1 }, ['member']],
    ['a county of another city', 'centre', { year: 2024, member: '梨树县', value: 1 }, ['member']],
    ['no member for 每个县(市)', 'centre', { year: 2024, value: 1 }, ['member']],
    ['a district for 每个县（市）区', 'elderly', { year: 2025, member: '铁西区', value: 1 }, []],
    [
      'a member for a target without members',
      'courses',
      { year: 2024, member: '永吉县', value: 3 },
      ['member'],
    ],
    ['year 1989', 'courses', { year: 1989, value: 3 }, ['year']],
    ['year 2101', 'courses', { year: 2101, value: 3 }, ['year']],
    ['a fractional year', 'courses', { year: 2024.5, value: 3 }, ['year']],
    ['a negative figure', 'courses', { year: 2025, value: -2 }, ['value']],
    ['no figure at all', 'courses', { year: 2025 }, ['value']],
    ['numerator on a plain count', 'courses', { year: 2025, numerator: 1, denominator: 2 }, ['numerator']],
    [
      'a share from numerator and denominator',
      'funding',
      { year: 2024, numerator: 320, denominator: 1000 },
      [],
    ],
    ['numerator without denominator', 'funding', { year: 2024, numerator: 320 }, ['denominator']],
    ['a zero denominator', 'funding', { year: 2024, numerator: 3, denominator: 0 }, ['denominator']],
    [
      'a value contradicting its ratio',
      'funding',
      { year: 2025, value: 50, numerator: 1, denominator: 4 },
      ['value'],
    ],
    ['a note with a NUL character', 'courses', { year: 2025, value: 3, note: '示例\u0000' }, ['note']],
    [
      'a school for 优质职业院校, which has no member list',
      'training',
      { year: 2024, member: '吉林电子信息职业技术学院', value: 2.1 },
      ['member'],
    ],
    ['a whole-area figure for 优质职业院校', 'training', { year: 2024, value: 2.1 }, []],
  ])('%s', async (_case, key, input, faultyFields) => {
    const target = t[key]!;
    const before = await f.store.listMeasurements({ targetId: target.id });
    const result = await f.store.recordMeasurement(target.id, input, 'stat').catch((e) => e);
    if (faultyFields.length === 0) {
      expect(result).toMatchObject({ targetId: target.id, year: input.year, member: input.member ?? null });
      return;
    }
    expect(result).toMatchObject({ code: 'unprocessable', status: 422 });
    expect(result.issues.map((i: { path: string[] }) => i.path[0])).toEqual(faultyFields);
    expect(result.issues[0].message).toContain(`${faultyFields[0]}：`);
    expect(await f.store.listMeasurements({ targetId: target.id })).toEqual(before);
  });

  it.each([
    ['%', 'funding', 320, 1000, 32],
    ['倍', 'training', 900, 400, 2.25],
  ])(
    'derives a %s figure from numerator and denominator',
    async (_unit, key, numerator, denominator, value) => {
      const m = await f.store.recordMeasurement(t[key]!.id, { year: 2023, numerator, denominator }, 'stat');
      expect(m).toMatchObject({ value, numerator, denominator });
    },
  );

  it('a bulk upload with one bad row writes nothing and names every bad row', async () => {
    const before = await f.store.listMeasurements({});
    const err = await f.store
      .recordMeasurements(
        [
          { targetId: t.centre!.id, year: 2023, member: '蛟河市', value: 1 },
          { targetId: t.centre!.id, year: 2023, member: '船营区', value: 1 },
          { targetId: t.courses!.id, year: 2023, value: 5 },
          { targetId: 999999, year: 2023, value: 5 },
          { targetId: t.courses!.id, year: 2023, value: 6 },
        ],
        'stat',
      )
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(err.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ['rows', 1, 'member'],
      ['rows', 3, 'targetId'],
      ['rows', 4, 'year'],
    ]);
    expect(err.message).toContain('3 行');
    expect(await f.store.listMeasurements({})).toEqual(before);
  });

  it('a clean bulk upload writes every row as the next revision of its series', async () => {
    const rows = JILIN.members
      .filter((m) => m.kind !== 'district')
      .map((m) => ({ targetId: t.centre!.id, year: 2025, member: m.name, value: 1 }));
    const written = await f.store.recordMeasurements(
      [...rows, { targetId: t.courses!.id, year: 2024, value: 12, expectedRevision: 5 }],
      'stat',
    );
    expect(written.map((w) => w.revision)).toEqual([1, 1, 1, 1, 1, 6]);
    const current = await f.store.listMeasurements({ targetId: t.centre!.id });
    expect(
      current
        .filter((m) => m.year === 2025)
        .map((m) => m.member)
        .sort(),
    ).toEqual(['永吉县', '蛟河市', '桦甸市', '舒兰市', '磐石市'].sort());
    const stale = await f.store
      .recordMeasurements([{ targetId: t.courses!.id, year: 2024, value: 13, expectedRevision: 5 }], 'stat')
      .catch((e) => e);
    expect(stale.issues).toMatchObject([{ path: ['rows', 0, 'expectedRevision'] }]);
    await expect(f.store.recordMeasurements([], 'stat')).rejects.toMatchObject({ code: 'validation_failed' });
    const beyond = await f.store
      .recordMeasurements([{ targetId: 2 ** 40, year: 2024, value: 1 }], 'stat')
      .catch((e) => e);
    expect(beyond.issues).toMatchObject([{ path: ['rows', 0, 'targetId'] }]);
  });

  it('concurrent entries to one series all land as successive revisions; none is lost', async () => {
    const entries = [21, 22, 23, 24].map((value) =>
      f.store.recordMeasurement(t.courses!.id, { year: 2023, value }, `stat${value}`),
    );
    const written = await Promise.all(entries);
    expect(written.map((m) => m.revision).sort()).toEqual([1, 2, 3, 4]);
    const history = await f.store.measurementHistory(t.courses!.id, 2023, null);
    expect(history.map((m) => m.value).sort()).toEqual([21, 22, 23, 24]);
  });

  it('figures of a deleted target drop out of the current list but keep their history', async () => {
    const target = t.funding!;
    expect((await f.store.listMeasurements({ targetId: target.id })).length).toBeGreaterThan(0);
    const current = await f.store.getTarget(target.id);
    await f.store.deleteTarget(target.id, current.revision, 'evaluator');
    expect(await f.store.listMeasurements({ targetId: target.id })).toEqual([]);
    expect(
      (await f.store.listMeasurements({ planId: target.planId })).some((m) => m.targetId === target.id),
    ).toBe(false);
    expect(await f.store.measurementHistory(target.id, 2024, null)).toHaveLength(1);
    await expect(
      f.store.recordMeasurement(target.id, { year: 2025, value: 31 }, 'stat'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
