/**
 * The audit log (操作日志): one append-only table written in the same transaction as every
 * change — who, when, from which address, what (a closed list of actions, src/shared), on
 * which plan, task or target, and the record before and after as JSON. Triggers refuse
 * UPDATE and DELETE on both dialects, so not even a bug in a route can rewrite history.
 *
 * Plan edits and task statuses were kept as revisions before this log existed but nothing
 * read them; they are copied in as entries (without an address), so the log starts complete.
 */
import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database';

const CHUNK = 200;

export function auditMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      const table: CreateTableBuilder<string, 'id'> =
        dialect === 'postgres'
          ? db.schema.createTable('audit_log').addColumn('id', 'serial', (c) => c.primaryKey())
          : db.schema
              .createTable('audit_log')
              .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
      // No foreign keys: an entry outlives whatever it names.
      await table
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('plan_id', 'integer')
        .addColumn('task_id', 'integer')
        .addColumn('target_id', 'integer')
        .addColumn('subject', 'text')
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .execute();
      for (const column of ['plan_id', 'target_id', 'actor', 'action', 'at'])
        await db.schema.createIndex(`audit_log_${column}`).on('audit_log').columns([column, 'id']).execute();
      if (dialect === 'postgres') {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
          begin raise exception 'audit_log is append-only'; end $$`.execute(db);
        await sql`create trigger audit_log_append_only before update or delete on audit_log
          for each row execute function audit_log_append_only()`.execute(db);
      } else {
        for (const event of ['update', 'delete'])
          await sql`create trigger ${sql.raw(`audit_log_no_${event}`)} before ${sql.raw(event)} on audit_log
            begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      }
      // In time order, so that ids order the copied entries as they happened.
      const copied = [...(await planHistory(db)), ...(await taskStatusHistory(db))];
      copied.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      for (let i = 0; i < copied.length; i += CHUNK)
        await db
          .insertInto('audit_log')
          .values(copied.slice(i, i + CHUNK))
          .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('audit_log').execute();
      if (dialect === 'postgres') await sql`drop function if exists audit_log_append_only()`.execute(db);
    },
  };
}

const planFields = (r: any) => ({
  title: r.title,
  issuer: r.issuer,
  startYear: r.start_year,
  horizonYear: r.horizon_year,
});

/** plan_revisions: revision 1 is the import, each later one an edit of the one before. */
async function planHistory(db: Kysely<any>): Promise<{ at: string }[]> {
  const rows = await db
    .selectFrom('plan_revisions')
    .selectAll()
    .orderBy('plan_id')
    .orderBy('revision')
    .execute();
  return rows.map((r: any, i: number) => {
    const previous = i > 0 && rows[i - 1]!.plan_id === r.plan_id ? rows[i - 1] : null;
    return {
      at: r.changed_at,
      actor: r.changed_by,
      address: null,
      action: r.revision === 1 ? 'plan.import' : 'plan.edit',
      plan_id: r.plan_id,
      task_id: null,
      target_id: null,
      subject: r.title,
      before_json: previous ? JSON.stringify(planFields(previous)) : null,
      after_json: JSON.stringify(planFields(r)),
    };
  });
}

/** task_status_revisions: each one a status set, with the status before it. */
async function taskStatusHistory(db: Kysely<any>): Promise<{ at: string }[]> {
  const rows = await db
    .selectFrom('task_status_revisions as s')
    .innerJoin('tasks as t', 't.id', 's.task_id')
    .select(['s.task_id', 's.revision', 's.status', 's.set_by', 's.set_at', 't.plan_id', 't.seq'])
    .orderBy('s.task_id')
    .orderBy('s.revision')
    .execute();
  return rows.map((r: any, i: number) => {
    const previous = i > 0 && rows[i - 1]!.task_id === r.task_id ? rows[i - 1] : null;
    return {
      at: r.set_at,
      actor: r.set_by,
      address: null,
      action: 'task.status',
      plan_id: r.plan_id,
      task_id: r.task_id,
      target_id: null,
      subject: r.seq === null ? null : `任务 ${r.seq}`,
      before_json: previous ? JSON.stringify({ status: previous.status }) : null,
      after_json: JSON.stringify({ status: r.status }),
    };
  });
}
