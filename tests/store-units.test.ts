/**
 * One unit, one name: `各县(市)政府` and `各县（市）政府`, `市教育局 ` and `市教育局` are the same
 * responsible unit, kept as one row by the store, merged by migration in databases written
 * before, and shown once in the summaries by unit — on SQLite and PostgreSQL alike.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedPlan } from '../extractors/types';
import { createDatabase, dialectOf } from '../src/db/database';
import { auditMigration } from '../src/db/migrations/0007-audit';
import { planLifecycleMigration } from '../src/db/migrations/0008-plan-lifecycle';
import { createStore } from '../src/db/create-store';
import { createMigrator, migrateToLatest } from '../src/db/migrations';
import { unitName } from '../src/db/unit-name';
import { JILIN } from '../src/demo/jurisdictions';
import { loadPlanProgress } from '../src/app/load-plan-progress';
import { goldPlan, hashOf } from './support/gold-plans';
import { useSeededServer } from './support/http-harness';
import { dialects, useFreshStore } from './support/store-dialects';

const JILIN_TITLE = '吉林市推动现代职业教育高质量发展建设技能社会实施方案';
const COUNTIES = '各县（市）政府';

describe('the name a unit is stored under', () => {
  it.each([
    ['各县(市)政府', COUNTIES],
    ['各县（市）政府', COUNTIES],
    ['各县(市）政府', COUNTIES],
    [' 各县 (市) 政府', COUNTIES],
    ['相关县(市)政府', '相关县（市）政府'],
    ['各县(市)区政府', '各县（市）区政府'],
    ['市教育局 ', '市教育局'],
    ['\u3000市教育局', '市教育局'],
    ['市 教育局', '市教育局'],
    ['各县（市）区人民政府', '各县（市）区人民政府'],
    ['市发改委（市粮食局）', '市发改委（市粮食局）'],
  ])('%j is stored as %s', (written, stored) => {
    expect(unitName(written)).toBe(stored);
  });

  it('keeps units that differ in more than brackets and spaces apart', () => {
    expect(unitName('各县（市）政府')).not.toBe(unitName('各县（市）区政府'));
    expect(unitName('各县（市）政府')).not.toBe(unitName('各县（市）人民政府'));
  });
});

/** A one-task plan naming the same units in both widths and with a stray space. */
const mixedPlan: ExtractedPlan = {
  plan: '职业教育重点任务',
  title: null,
  tasks: [
    {
      seq: 1,
      text: '每个县（市）办好 1 所职教中心',
      units: ['市教育局 ', '各县(市)政府', '市教育局', '各县（市）政府'],
      unitRoles: [
        { name: '市教育局 ', role: 'support' },
        { name: '各县(市)政府', role: 'support' },
        { name: '市教育局', role: 'lead' },
        { name: '各县（市）政府', role: 'support' },
      ],
      timeLimit: null,
      qualitative: true,
      targets: [],
    },
  ],
};

describe.each(dialects.map((d) => [d.name, d] as const))('responsible units on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);

  it('stores 各县(市)政府 and 各县（市）政府 of the Jilin plan as one unit, leaving the extraction as written', async () => {
    const extracted = goldPlan('000_3cb08648fdcd494e');
    const { plan } = await f.store.importPlan(
      {
        extracted,
        title: JILIN_TITLE,
        sourceName: '000.txt',
        sourceHash: hashOf('units-jilin'),
        jurisdiction: JILIN,
      },
      'tester',
    );
    const units = await f.store.listUnits();
    expect(units.filter((u) => u.name.includes('县')).map((u) => u.name)).toEqual([
      COUNTIES,
      '相关县（市）政府',
      '各县（市）区政府',
    ]);
    const written = extracted.tasks.filter((t) => t.units.some((u) => unitName(u) === COUNTIES));
    expect(units.find((u) => u.name === COUNTIES)!.taskCount).toBe(written.length);
    // The extracted plan is not rewritten: the store normalises only what it keeps.
    expect(extracted.tasks.find((t) => t.seq === 12)!.units).toEqual(['各县(市)政府']);

    const view = await loadPlanProgress(f.store, plan.id, { asOfYear: 2024 });
    expect(view.units.filter((u) => u.unit.startsWith('各县'))).toMatchObject([{ unit: COUNTIES, total: 2 }]);
    const filtered = await loadPlanProgress(f.store, plan.id, { asOfYear: 2024, unit: '各县(市)政府' });
    expect(filtered.tasks.map((t) => t.seq)).toEqual([7, 12, 44, 45]);
  });

  it('lists a unit written twice on one task once, leading when either mention leads', async () => {
    const { plan } = await f.store.importPlan(
      { extracted: mixedPlan, title: '混写单位', sourceName: 'mixed.txt', sourceHash: hashOf('units-mixed') },
      'tester',
    );
    const [task] = await f.store.listTasks(plan.id);
    expect(task!.units).toEqual([
      { name: '市教育局', role: 'lead' },
      { name: COUNTIES, role: 'support' },
    ]);
    const names = (await f.store.listUnits()).map((u) => u.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n !== n.trim() || /[()]/.test(n))).toEqual([]);
  });

  it('merges the duplicate units of a database written before, keeping every task its units', async () => {
    const old = await dialect.create();
    const db = createDatabase({ database: old.database });
    const kind = dialectOf({ database: old.database });
    try {
      await createMigrator(db, kind).migrateTo('0002-plan-revisions');
      // Today's import writes the lifecycle columns of 0008 and the audit log of 0007: they are there for the import
      // only, so the plan is left as the code of that time wrote it.
      await planLifecycleMigration().up(db);
      await auditMigration(kind).up(db);
      const imported = createStore(db).importPlan(
        {
          extracted: goldPlan('000_3cb08648fdcd494e'),
          title: JILIN_TITLE,
          sourceName: '000.txt',
          sourceHash: hashOf('old'),
        },
        'tester',
      );
      const { plan } = await imported;
      await auditMigration(kind).down!(db);
      await planLifecycleMigration().down!(db);
      await writeUnitsAsBefore(db, plan.id);
      expect((await createStore(db).listUnits()).map((u) => u.name)).toContain('各县(市)政府');

      expect(await migrateToLatest(db, kind)).toEqual([
        '0003-unit-identity',
        '0004-scale-indexes',
        '0005-accounts',
        '0006-target-change',
        '0007-audit',
        '0008-plan-lifecycle',
        '0009-figure-sources',
        '0010-plan-data-version',
      ]);
      const store = createStore(db);
      const units = await store.listUnits();
      expect(units.map((u) => u.name).filter((n) => /[()]|^\s|\s$/.test(n))).toEqual([]);
      expect(units.filter((u) => u.name === COUNTIES)).toMatchObject([{ taskCount: 4 }]);
      expect(units.find((u) => u.name === '市教育局')!.taskCount).toBe(
        goldPlan('000_3cb08648fdcd494e').tasks.filter((t) => t.units.includes('市教育局')).length,
      );
      const task45 = (await store.listTasks(plan.id)).find((t) => t.seq === 45)!;
      expect(task45.units).toEqual([
        { name: '市教育局', role: 'lead' },
        { name: COUNTIES, role: 'support' },
      ]);
      const view = await loadPlanProgress(store, plan.id, { asOfYear: 2024 });
      expect(view.units.filter((u) => u.unit.startsWith('各县'))).toMatchObject([
        { unit: COUNTIES, total: 2 },
      ]);
    } finally {
      await db.destroy();
      await old.dispose();
    }
  });

  describe('over HTTP', () => {
    const env = useSeededServer({ dialect });

    it('shows 各县（市）政府 once in /api/plans/:id/units and finds it by either spelling', async () => {
      const { seeded } = env;
      const { leader } = env.users;
      const all = await leader.call('GET', `/api/plans/${seeded.jilin.id}/units?year=2024`);
      const names = all.body.units.map((u: { unit: string }) => u.unit);
      expect(names.filter((n: string) => n.startsWith('各县'))).toEqual([COUNTIES]);
      const one = await leader.call(
        'GET',
        `/api/plans/${seeded.jilin.id}/units?year=2024&unit=${encodeURIComponent('各县(市)政府 ')}`,
      );
      expect(one.body.units).toMatchObject([{ unit: COUNTIES, total: 2 }]);
    });
  });
});

/**
 * Puts the units back the way imports wrote them before names were normalised: the Jilin
 * plan's own spellings, one row each, and task 45 naming its county governments twice.
 */
async function writeUnitsAsBefore(db: ReturnType<typeof createDatabase>, planId: number) {
  const tasks = await db.selectFrom('tasks').select(['id', 'seq']).where('plan_id', '=', planId).execute();
  const taskId = (seq: number) => tasks.find((t) => t.seq === seq)!.id;
  const unitId = async (name: string) =>
    (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  await db
    .updateTable('units')
    .set({ name: '相关县(市)政府' })
    .where('name', '=', '相关县（市）政府')
    .execute();
  await db
    .updateTable('units')
    .set({ name: '各县(市)区政府' })
    .where('name', '=', '各县（市）区政府')
    .execute();
  const counties = await unitId(COUNTIES);
  const { id: halfWidth } = await db
    .insertInto('units')
    .values({ name: '各县(市)政府' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: spaced } = await db
    .insertInto('units')
    .values({ name: '市教育局 ' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('task_units')
    .set({ unit_id: halfWidth })
    .where('unit_id', '=', counties)
    .where('task_id', 'in', [taskId(7), taskId(12)])
    .execute();
  await db
    .insertInto('task_units')
    .values([
      { task_id: taskId(45), position: 2, unit_id: halfWidth, role: 'support' },
      { task_id: taskId(45), position: 3, unit_id: spaced, role: 'support' },
    ])
    .execute();
}
