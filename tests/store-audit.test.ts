/**
 * The audit table on both databases: entries cannot be updated or deleted (the database
 * refuses, whatever the code asks), a bulk upload writes one entry per figure in its own
 * all-or-nothing transaction, and plan and task-status history kept before the log existed
 * is copied into it by the migration.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase, dialectOf } from '../src/db/database';
import { createMigrator } from '../src/db/migrations';
import { openStore } from '../src/db/open-store';
import { goldPlan, hashOf } from './support/gold-plans';
import { dialects } from './support/store-dialects';
import { testConfig } from './support/test-config';

describe.each(dialects)('audit table on $name', (dialect) => {
  it('refuses to update or delete an entry', async () => {
    const db = await dialect.create();
    const store = await openStore(testConfig({ database: db.database }));
    const k = createDatabase({ database: db.database });
    try {
      await store.recordAudit(
        { name: 'evaluator', address: '10.0.0.7' },
        { action: 'session.refused', subject: 'x' },
      );
      const [entry] = (await store.pageAudit({}, { limit: 1 })).items;
      expect(entry).toMatchObject({ actor: 'evaluator', address: '10.0.0.7', action: 'session.refused' });
      await expect(sql`update audit_log set actor = 'someone'`.execute(k)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(k)).rejects.toThrow(/append-only/);
      expect((await store.getAuditEntry(entry!.id)).actor).toBe('evaluator');
    } finally {
      await k.destroy();
      await store.close();
      await db.dispose();
    }
  });

  it('writes one entry per uploaded figure, and none when the upload is refused', async () => {
    const db = await dialect.create();
    const store = await openStore(testConfig({ database: db.database }));
    try {
      const { plan } = await store.importPlan(
        {
          extracted: goldPlan('000_3cb08648fdcd494e'),
          title: '吉林市',
          sourceName: 'a.txt',
          sourceHash: hashOf('a'),
        },
        'importer',
      );
      const targets = (await store.listTargets(plan.id)).filter((t) => t.each === null && t.base === null);
      const [a, b] = targets;
      await store.recordMeasurement(a!.id, { year: 2024, value: 1 }, 'stat');
      const count = async () => (await store.pageAudit({ planId: plan.id }, { limit: 1 })).total;
      const before = await count();
      await expect(
        store.recordMeasurements(
          [
            { targetId: a!.id, year: 2024, value: 2 },
            { targetId: b!.id, year: 1800, value: 2 },
          ],
          'stat',
        ),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      expect(await count()).toBe(before);
      await store.recordMeasurements(
        [
          { targetId: a!.id, year: 2024, value: 2 },
          { targetId: b!.id, year: 2024, value: 7 },
        ],
        { name: 'stat', address: '192.0.2.1' },
      );
      const page = await store.pageAudit({ planId: plan.id, user: 'stat' }, { limit: 10 });
      const byTarget = new Map(page.items.slice(0, 2).map((e) => [e.targetId, e]));
      expect(byTarget.get(a!.id)).toMatchObject({
        action: 'figure.revise',
        address: '192.0.2.1',
        before: { value: 1, revision: 1 },
        after: { value: 2, revision: 2 },
      });
      expect(byTarget.get(b!.id)).toMatchObject({
        action: 'figure.enter',
        before: null,
        after: { value: 7 },
      });
    } finally {
      await store.close();
      await db.dispose();
    }
  });

  it('copies plan edits and task statuses kept before the log into it, in time order', async () => {
    const db = await dialect.create();
    let store = await openStore(testConfig({ database: db.database }));
    try {
      const { plan } = await store.importPlan(
        {
          extracted: goldPlan('002_36169d261e098f31'),
          title: '四平市',
          sourceName: 'b.txt',
          sourceHash: hashOf('b'),
        },
        'importer',
      );
      await store.updatePlan(plan.id, { title: '四平市（修订）' }, plan.revision, 'evaluator');
      const task = (await store.listTasks(plan.id))[0]!;
      await store.setTaskStatus(task.id, 'in_progress', 'evaluator');
      await store.setTaskStatus(task.id, 'done', 'evaluator2');
      await store.close();
      // Back to the schema before the audit log, then forward again: the migration copies.
      const k = createDatabase({ database: db.database });
      const kind = dialectOf({ database: db.database });
      const down = await createMigrator(k, kind).migrateTo('0006-target-change');
      expect(down.results?.map((r) => r.migrationName)).toEqual([
        '0010-plan-data-version',
        '0009-figure-sources',
        '0008-plan-lifecycle',
        '0007-audit',
      ]);
      await k.destroy();
      store = await openStore(testConfig({ database: db.database }));
      const items = (await store.pageAudit({ planId: plan.id }, { limit: 10 })).items.reverse();
      expect(items.map((e) => [e.action, e.actor, e.address, e.before, e.after])).toEqual([
        [
          'plan.import',
          'importer',
          null,
          null,
          { title: '四平市', issuer: null, startYear: plan.startYear, horizonYear: plan.horizonYear },
        ],
        [
          'plan.edit',
          'evaluator',
          null,
          { title: '四平市', issuer: null, startYear: plan.startYear, horizonYear: plan.horizonYear },
          { title: '四平市（修订）', issuer: null, startYear: plan.startYear, horizonYear: plan.horizonYear },
        ],
        ['task.status', 'evaluator', null, null, { status: 'in_progress' }],
        ['task.status', 'evaluator2', null, { status: 'in_progress' }, { status: 'done' }],
      ]);
      expect(items[2]!.taskId).toBe(task.id);
    } finally {
      await store.close();
      await db.dispose();
    }
  });
});
