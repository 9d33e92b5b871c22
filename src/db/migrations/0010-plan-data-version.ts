/**
 * `plans.data_version`: raised by the database itself whenever a plan gains a figure, a
 * target revision or a task status revision, in the same transaction as the write — the
 * version the progress cache keys on, read from the plan's own row instead of counting its
 * histories (counting grew with the plan, and on PostgreSQL with how recently it was
 * vacuumed). Triggers, so no write path can forget it. PostgreSQL raises it once per
 * statement for every plan the statement touched (a bulk write of 10 000 figures is one
 * update per plan, not 10 000), taking the plans' rows in id order so two bulk writes over
 * the same plans queue instead of deadlocking. It takes them `for no key update`, the lock
 * the update itself takes: every figure's foreign key has already taken its plan's row `for
 * key share`, which `for update` waits on, so two writers into one plan would each wait for
 * the other. SQLite has only row triggers.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database';

/** Each history table, and how one of its rows names its plan. */
const HISTORIES = [
  { table: 'measurements', planOf: (row: string) => `select ${row}.plan_id` },
  {
    table: 'target_revisions',
    planOf: (row: string) => `select plan_id from targets where id = ${row}.target_id`,
  },
  {
    table: 'task_status_revisions',
    planOf: (row: string) => `select plan_id from tasks where id = ${row}.task_id`,
  },
] as const;

const POSTGRES_PLAN_IDS: Record<(typeof HISTORIES)[number]['table'], string> = {
  measurements: 'select distinct plan_id from inserted',
  target_revisions: 'select distinct t.plan_id from inserted i join targets t on t.id = i.target_id',
  task_status_revisions: 'select distinct k.plan_id from inserted i join tasks k on k.id = i.task_id',
};

export function planDataVersionMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('plans')
        .addColumn('data_version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      for (const { table, planOf } of HISTORIES) {
        if (dialect === 'postgres') {
          const fn = `${table}_raise_plan_version`;
          await sql
            .raw(
              `create function ${fn}() returns trigger language plpgsql as $$
              begin
                perform 1 from plans where id in (${POSTGRES_PLAN_IDS[table]}) order by id for no key update;
                update plans set data_version = data_version + 1 where id in (${POSTGRES_PLAN_IDS[table]});
                return null;
              end $$`,
            )
            .execute(db);
          await sql
            .raw(
              `create trigger ${fn} after insert on ${table} referencing new table as inserted
              for each statement execute function ${fn}()`,
            )
            .execute(db);
        } else {
          await sql
            .raw(
              `create trigger ${table}_raise_plan_version after insert on ${table} begin
              update plans set data_version = data_version + 1 where id = (${planOf('new')});
              end`,
            )
            .execute(db);
        }
      }
    },
    async down(db: Kysely<any>) {
      for (const { table } of HISTORIES) {
        await sql
          .raw(
            `drop trigger if exists ${table}_raise_plan_version${dialect === 'postgres' ? ` on ${table}` : ''}`,
          )
          .execute(db);
        if (dialect === 'postgres')
          await sql.raw(`drop function if exists ${table}_raise_plan_version()`).execute(db);
      }
      await db.schema.alterTable('plans').dropColumn('data_version').execute();
    },
  };
}
