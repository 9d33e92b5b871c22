import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase, dialectOf } from '../src/db/database';
import { createMigrator, migrateToLatest } from '../src/db/migrations';
import { JILIN } from '../src/demo/jurisdictions';
import { goldPlan, hashOf, seedPlanImport } from './support/gold-plans';
import { dialects, useFreshStore } from './support/store-dialects';

const TABLES = [
  'audit_log',
  'figure_sources',
  'login_failures',
  'measurements',
  'plan_members',
  'plan_revisions',
  'plans',
  'report_cache',
  'sessions',
  'target_revisions',
  'targets',
  'task_status_revisions',
  'task_units',
  'tasks',
  'units',
  'user_scopes',
  'users',
];

/** A real trigger that fails the statement writing `column = value`: a mid-write failure such as a full disk. */
async function addFailingTrigger(database: string, table: string, condition: string) {
  const db = createDatabase({ database });
  try {
    if (dialectOf({ database }) === 'postgres') {
      await sql`create or replace function dabiao_fail() returns trigger as $$ begin raise exception 'simulated failure'; end $$ language plpgsql`.execute(
        db,
      );
      await sql`create trigger dabiao_fail_${sql.raw(table)} before insert on ${sql.table(table)} for each row when (${sql.raw(condition.replace(/NEW\./g, 'new.'))}) execute function dabiao_fail()`.execute(
        db,
      );
    } else {
      await sql`create trigger dabiao_fail_${sql.raw(table)} before insert on ${sql.table(table)} when ${sql.raw(condition)} begin select raise(abort, 'simulated failure'); end`.execute(
        db,
      );
    }
  } finally {
    await db.destroy();
  }
}

describe.each(dialects.map((d) => [d.name, d] as const))('database lifecycle on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);

  it('migrates an empty database to every table, and a second run changes nothing', async () => {
    const db = createDatabase({ database: f.database });
    const tables = (await db.introspection.getTables())
      .map((t) => t.name)
      .filter((n) => !n.startsWith('kysely_'));
    expect(tables.sort()).toEqual(TABLES);
    expect(await migrateToLatest(db, dialectOf({ database: f.database }))).toEqual([]);
    await db.destroy();
  });

  it('upgrades a database made by the first migration, giving its plans their first revision', async () => {
    const old = await dialect.create();
    const db = createDatabase({ database: old.database });
    try {
      const kind = dialectOf({ database: old.database });
      await createMigrator(db, kind).migrateTo('0001-initial');
      const at = '2024-01-02T03:04:05.000Z';
      await db
        .insertInto('plans')
        .values({
          title: '旧方案',
          issuer: null,
          year: 2023,
          source_name: 'old.txt',
          source_hash: 'old',
          start_year: 2023,
          horizon_year: 2025,
          jurisdiction: null,
          created_by: 'cli',
          created_at: at,
          updated_by: null,
          updated_at: null,
        })
        .execute();
      expect(await migrateToLatest(db, kind)).toEqual([
        '0002-plan-revisions',
        '0003-unit-identity',
        '0004-scale-indexes',
        '0005-accounts',
        '0006-target-change',
        '0007-audit',
        '0008-plan-lifecycle',
        '0009-figure-sources',
        '0010-plan-data-version',
      ]);
      const history = await db.selectFrom('plan_revisions').selectAll().execute();
      expect(history).toMatchObject([
        { revision: 1, title: '旧方案', horizon_year: 2025, changed_by: 'cli', changed_at: at },
      ]);
      // Plans stored before drafts existed were seen by everyone: they stay published.
      expect(await db.selectFrom('plans').select(['state', 'revision']).execute()).toEqual([
        { state: 'published', revision: 1 },
      ]);
    } finally {
      await db.destroy();
      await old.dispose();
    }
  });

  it('finds plans, edits, figures and users again after the database is closed and reopened', async () => {
    const { plan } = await f.store.importPlan(
      seedPlanImport('jilin', hashOf('jilin'), { sourceName: '000.txt' }),
      'importer',
    );
    const target = (await f.store.listTargets(plan.id))[0]!;
    await f.store.updateTarget(target.id, { value: 22 }, 1, 'evaluator');
    await f.store.recordMeasurement(target.id, { year: 2024, value: 15 }, 'stat');
    await f.store.createUser({
      username: 'tongji',
      displayName: '统计员',
      role: 'statistician',
      password: 'sample-pass-1',
    });
    const before = {
      plans: await f.store.listPlans(),
      tasks: await f.store.listTasks(plan.id),
      targets: await f.store.listTargets(plan.id),
      history: await f.store.targetHistory(target.id),
      figures: await f.store.listMeasurements({ planId: plan.id }),
      members: await f.store.listMembers(plan.id),
    };

    const store = await f.reopen();
    expect({
      plans: await store.listPlans(),
      tasks: await store.listTasks(plan.id),
      targets: await store.listTargets(plan.id),
      history: await store.targetHistory(target.id),
      figures: await store.listMeasurements({ planId: plan.id }),
      members: await store.listMembers(plan.id),
    }).toEqual(before);
    expect(await store.verifyPassword('tongji', 'sample-pass-1')).toMatchObject({ role: 'statistician' });
    expect(
      (
        await store.importPlan(
          {
            extracted: goldPlan('000_3cb08648fdcd494e'),
            title: 'x',
            sourceName: 'y',
            sourceHash: hashOf('jilin'),
          },
          'again',
        )
      ).created,
    ).toBe(false);
  });

  it('an import that fails half-way leaves no plan, task, unit or target behind', async () => {
    const plansBefore = await f.store.listPlans();
    const unitsBefore = await f.store.listUnits();
    await addFailingTrigger(f.database, 'tasks', 'NEW.seq = 30');
    const err = await f.store
      .importPlan(
        {
          extracted: goldPlan('002_36169d261e098f31'),
          title: '四平',
          sourceName: '002.txt',
          sourceHash: hashOf('siping'),
          jurisdiction: JILIN,
        },
        'importer',
      )
      .catch((e) => e);
    expect(String(err.message)).toContain('simulated failure');
    expect(await f.store.listPlans()).toEqual(plansBefore);
    expect(await f.store.listUnits()).toEqual(unitsBefore);
    expect(await f.store.findPlan('002.txt')).toBeNull();
  });

  it('a bulk upload that fails while writing leaves none of its rows behind', async () => {
    const plan = (await f.store.findPlan('000.txt'))!;
    const [a, b] = await f.store.listTargets(plan.id);
    const before = await f.store.listMeasurements({ planId: plan.id });
    await addFailingTrigger(f.database, 'measurements', 'NEW.value = 666');
    const rows = [
      { targetId: a!.id, year: 2025, value: 1 },
      { targetId: b!.id, year: 2025, value: 2 },
      { targetId: b!.id, year: 2024, value: 666 },
    ];
    await expect(f.store.recordMeasurements(rows, 'stat')).rejects.toThrow('simulated failure');
    expect(await f.store.listMeasurements({ planId: plan.id })).toEqual(before);
  });
});
