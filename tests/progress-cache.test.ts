/**
 * The progress view is computed once per version of what it is computed from, and no write
 * can leave a reader with an old view: each kind of write — a figure, a verification, a
 * target corrected or deleted, a task's status, the plan's fields and members — made through
 * a second store on the same database (as by another instance) shows in the next read of the
 * first. SQLite always; PostgreSQL too when one is reachable.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPlanProgress, loadUnitsPage } from '../src/app';
import { openStore } from '../src/db/open-store';
import type { PageRequest, PlanRecord, Store, TargetRecord } from '../src/db/store';
import { JILIN } from '../src/demo/jurisdictions';
import { hashOf, seedPlanImport } from './support/gold-plans';
import { dialects, useFreshStore } from './support/store-dialects';
import { testConfig } from './support/test-config';

describe.each(dialects.map((d) => [d.name, d] as const))('the progress cache on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);
  let other: Store;
  let plan: PlanRecord;
  let courses: TargetRecord;
  const options = { asOfYear: 2024, dataState: 'all' } as const;
  const read = () => loadPlanProgress(f.store, plan.id, options);
  const row = async (targetId = courses.id) => (await read()).targets.find((t) => t.targetId === targetId);

  beforeAll(async () => {
    ({ plan } = await f.store.importPlan(seedPlanImport('jilin', hashOf('progress-cache')), 'tester'));
    plan = await f.store.updatePlan(plan.id, { startYear: 2023, horizonYear: 2025 }, plan.revision, 'tester');
    courses = (await f.store.listTargets(plan.id)).find((t) => t.quote === '20 门左右')!;
    other = await openStore(testConfig({ database: f.database }));
  });
  afterAll(() => other.close());

  test('answers an unchanged plan from the view it computed, and that view cannot be changed', async () => {
    const first = await read();
    expect(await read()).toBe(first);
    expect(() => {
      (first.targets as unknown[]).push(null);
    }).toThrow(TypeError);
    // Other options are another view.
    expect(await loadPlanProgress(f.store, plan.id, { ...options, dataState: 'verified' })).not.toBe(first);
  });

  test('shows a figure recorded by another instance, then its verification', async () => {
    expect((await row())!.progress.status).toBe('unreported');
    await other.recordMeasurement(courses.id, { year: 2024, value: 18 }, 'stat');
    expect((await row())!.progress).toMatchObject({ status: 'met', completion: 0.9 });
    const verifiedOnly = { ...options, dataState: 'verified' } as const;
    const before = await loadPlanProgress(f.store, plan.id, verifiedOnly);
    expect(before.targets.find((t) => t.targetId === courses.id)!.progress.status).toBe('unreported');
    await other.setMeasurementState(courses.id, 2024, null, 'verified', 1, 'eval');
    const after = await loadPlanProgress(f.store, plan.id, verifiedOnly);
    expect(after.targets.find((t) => t.targetId === courses.id)!.progress.status).toBe('met');
  });

  test('shows a corrected target, then its deletion', async () => {
    const corrected = await other.updateTarget(courses.id, { value: 40 }, courses.revision, 'eval');
    expect((await row())!.progress.completion).toBeCloseTo(18 / 40);
    await other.deleteTarget(courses.id, corrected.revision, 'eval');
    expect(await row()).toBeUndefined();
  });

  test('shows a qualitative task’s status set on another instance', async () => {
    const task = (await f.store.listTasks(plan.id)).find((t) => t.qualitative)!;
    const statusOf = async () => (await read()).tasks.find((t) => t.taskId === task.id)!!.qualitativeStatus;
    const before = await statusOf();
    const next = before === 'done' ? 'in_progress' : 'done';
    expect(await statusOf()).toBe(before);
    await other.setTaskStatus(task.id, next, 'eval');
    expect(await statusOf()).toBe(next);
  });

  test('shows the plan’s new fields and members', async () => {
    const current = await other.getPlan(plan.id);
    await other.updatePlan(plan.id, { title: '改过的标题' }, current.revision, 'tester');
    expect((await read()).plan.title).toBe('改过的标题');
    // 每个县(市)办好 1 所职教中心 ranges over the county-level members the plan now has.
    const school = (await f.store.listTargets(plan.id)).find((t) => t.quote === '1 所')!;
    const countyLevel = async () => (await row(school.id))!.progress.members!.map((m) => m.member);
    expect(await countyLevel()).toEqual(['永吉县', '蛟河市', '桦甸市', '舒兰市', '磐石市']);
    const fewer = JILIN.members.filter((m) => m.name !== '桦甸市');
    await other.setMembers(plan.id, fewer, (await other.getPlan(plan.id)).revision, 'tester');
    expect(await countyLevel()).toEqual(['永吉县', '蛟河市', '舒兰市', '磐石市']);
  });
});

describe.each(dialects.map((d) => [d.name, d] as const))('the units list cache on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);
  let other: Store;
  let siping: PlanRecord;
  const published: PageRequest = { limit: 50, states: ['published'] };
  const names = async (request = published) =>
    (await loadUnitsPage(f.store, request)).items.map((u) => u.name);

  beforeAll(async () => {
    await f.store.importPlan(seedPlanImport('jilin', hashOf('units-cache-jilin')), 'tester');
    other = await openStore(testConfig({ database: f.database }));
  });
  afterAll(() => other.close());

  test('counts once for an unchanged database, and sees a plan imported on another instance', async () => {
    const first = await loadUnitsPage(f.store, published);
    expect(await loadUnitsPage(f.store, published)).toBe(first);
    const before = new Set(first.items.map((u) => u.name));
    ({ plan: siping } = await other.importPlan(
      seedPlanImport('siping', hashOf('units-cache-siping')),
      'tester',
    ));
    const after = await loadUnitsPage(f.store, published);
    expect(after.total).toBeGreaterThan(first.total);
    expect(after.items.some((u) => !before.has(u.name))).toBe(true);
  });

  test('drops the units of a plan withdrawn on another instance for a reader of published plans', async () => {
    const withBoth = await names();
    await other.changePlanState(siping.id, 'withdraw', siping.revision, 'tester');
    const withOne = await names();
    expect(withOne.length).toBeLessThan(withBoth.length);
    // Everything is still there for a role that sees withdrawn plans.
    expect(await names({ limit: 50, states: ['draft', 'published', 'withdrawn'] })).toEqual(withBoth);
  });
});
