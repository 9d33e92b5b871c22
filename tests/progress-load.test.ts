/**
 * `loadPlanProgress` over a real store: the 吉林市 seed plan imported from its gold file with
 * its real jurisdiction, figures recorded, verified and returned through the Store, then the
 * progress view read back. SQLite always; PostgreSQL too when one is reachable.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { PlanRecord, TargetRecord } from '../src/db/store';
import { JILIN } from '../src/demo/jurisdictions';
import { DomainError } from '../src/errors';
import { loadPlanProgress } from '../src/app';
import { hashOf, seedPlanImport } from './support/gold-plans';
import { dialects, useFreshStore } from './support/store-dialects';

const COUNTY_LEVEL = ['永吉县', '蛟河市', '桦甸市', '舒兰市', '磐石市'];

describe.each(dialects.map((d) => [d.name, d] as const))('loadPlanProgress on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);
  let plan: PlanRecord;
  let targets: TargetRecord[];
  const pick = (quote: string) => targets.find((t) => t.quote === quote)!;

  beforeAll(async () => {
    ({ plan } = await f.store.importPlan(seedPlanImport('jilin', hashOf('progress-load-jilin')), 'tester'));
    plan = await f.store.updatePlan(plan.id, { startYear: 2023, horizonYear: 2025 }, plan.revision, 'tester');
    targets = await f.store.listTargets(plan.id);

    const courses = pick('20 门左右');
    await f.store.recordMeasurement(courses.id, { year: 2024, value: 18 }, 'stat');
    await f.store.setMeasurementState(courses.id, 2024, null, 'verified', 1, 'eval');
    // 每个县(市)办好 1 所职教中心: four of the five counties and county-level cities, one unverified.
    for (const member of COUNTY_LEVEL.slice(0, 4)) {
      await f.store.recordMeasurement(pick('1 所').id, { year: 2024, member, value: 1 }, 'stat');
      if (member !== '舒兰市')
        await f.store.setMeasurementState(pick('1 所').id, 2024, member, 'verified', 1, 'eval');
    }
    // 17 个高水平校内实训基地: entered, then returned by the evaluator.
    await f.store.recordMeasurement(pick('17 个').id, { year: 2024, value: 17 }, 'stat');
    await f.store.setMeasurementState(pick('17 个').id, 2024, null, 'returned', 1, 'eval', '与年报不符');
    // 教学经费不低于学校当年支出的 30%: entered as numerator and denominator.
    await f.store.recordMeasurement(
      pick('不低于学校当年支出的 30%').id,
      { year: 2024, numerator: 320, denominator: 1000 },
      'stat',
    );
  });

  const rowOf = (view: Awaited<ReturnType<typeof loadPlanProgress>>, quote: string) =>
    view.targets.find((r) => r.targetId === pick(quote).id)!;

  test('reads the stored plan, its tasks and every current target into the view', async () => {
    const view = await loadPlanProgress(f.store, plan.id, { asOfYear: 2024 });
    expect(view.plan).toMatchObject({ id: plan.id, startYear: 2023, horizonYear: 2025 });
    expect(view.targets).toHaveLength(targets.length);
    expect(view.tasks.map((t) => t.seq)).toEqual((await f.store.listTasks(plan.id)).map((t) => t.seq));
    const total = Object.values(view.statusCounts).reduce((a, b) => a + b, 0);
    expect(total).toBe(targets.length);
  });

  test('judges stored figures: 20 门左右 met, 30% from numerator and denominator met, a returned figure 未填报', async () => {
    const view = await loadPlanProgress(f.store, plan, { asOfYear: 2024 });
    expect(rowOf(view, '20 门左右').progress).toMatchObject({ status: 'met', completion: 0.9 });
    expect(rowOf(view, '不低于学校当年支出的 30%').progress).toMatchObject({
      status: 'met',
      latest: { year: 2024, value: 32 },
    });
    expect(rowOf(view, '17 个').progress.status).toBe('unreported');
  });

  test('每个县(市) ranges over the counties and county-level cities, not the districts', async () => {
    const progress = rowOf(await loadPlanProgress(f.store, plan.id, { asOfYear: 2024 }), '1 所').progress;
    expect(progress.members?.map((m) => m.member)).toEqual(COUNTY_LEVEL);
    expect(progress.membersMet).toBe(4);
    expect(progress.note).toContain('磐石市');
  });

  test('verified only leaves out the figure still waiting for an evaluator', async () => {
    const view = await loadPlanProgress(f.store, plan.id, { asOfYear: 2024, dataState: 'verified' });
    expect(rowOf(view, '1 所').progress.membersMet).toBe(3);
    expect(rowOf(view, '不低于学校当年支出的 30%').progress.status).toBe('unreported');
  });

  test('restricted to 市人社局: only the tasks it answers for', async () => {
    const view = await loadPlanProgress(f.store, plan.id, { asOfYear: 2024, unit: '市人社局' });
    const tasks = await f.store.listTasks(plan.id);
    const expected = tasks.filter((t) => t.units.some((u) => u.name === '市人社局')).map((t) => t.seq);
    expect(expected.length).toBeGreaterThan(0);
    expect(view.tasks.map((t) => t.seq)).toEqual(expected);
    expect(view.units.map((u) => u.unit)).toEqual(['市人社局']);
  });

  test('a member taken off the jurisdiction no longer counts', async () => {
    const remaining = JILIN.members.filter((m) => m.name !== '桦甸市');
    await f.store.setMembers(plan.id, remaining, (await f.store.getPlan(plan.id)).revision, 'admin');
    const progress = rowOf(await loadPlanProgress(f.store, plan.id, { asOfYear: 2024 }), '1 所').progress;
    expect(progress.members?.map((m) => m.member)).not.toContain('桦甸市');
    expect(progress.membersMet).toBe(3);
    await f.store.setMembers(plan.id, JILIN.members, (await f.store.getPlan(plan.id)).revision, 'admin');
  });

  test('an unknown plan is not_found', async () => {
    await expect(loadPlanProgress(f.store, 987654, { asOfYear: 2024 })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(loadPlanProgress(f.store, 987654, { asOfYear: 2024 })).rejects.toBeInstanceOf(DomainError);
  });
});
