/**
 * Plan edits (title, issuer, period) keep their history like targets and figures do: every
 * version of a plan's editable fields is a row here, and plans already stored get their
 * current fields as revision 1.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database';

/** The plan_revisions table, for the given dialect. */
export function planRevisionsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      const table = db.schema.createTable('plan_revisions');
      await (
        dialect === 'postgres'
          ? table.addColumn('id', 'serial', (c) => c.primaryKey())
          : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      )
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text')
        .addColumn('start_year', 'integer', (c) => c.notNull())
        .addColumn('horizon_year', 'integer', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('plan_revision_series', ['plan_id', 'revision'])
        .execute();
      await sql`insert into plan_revisions (plan_id, revision, title, issuer, start_year, horizon_year, changed_by, changed_at)
        select id, 1, title, issuer, start_year, horizon_year, coalesce(updated_by, created_by), coalesce(updated_at, created_at)
        from plans`.execute(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('plan_revisions').ifExists().execute();
    },
  };
}
