/**
 * The first schema. Portable column types only; the one dialect difference is how an
 * integer id counts itself up (SQLite `integer primary key autoincrement`, PostgreSQL
 * `serial`), so every table is created through `idTable`.
 */
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { Dialect } from '../database';

/** The first schema, for the given dialect. */
export function initialMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      const idTable = (name: string): CreateTableBuilder<string, 'id'> =>
        dialect === 'postgres'
          ? db.schema.createTable(name).addColumn('id', 'serial', (c) => c.primaryKey())
          : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

      await idTable('plans')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text')
        .addColumn('year', 'integer')
        .addColumn('source_name', 'text', (c) => c.notNull())
        .addColumn('source_hash', 'text', (c) => c.notNull().unique())
        .addColumn('start_year', 'integer', (c) => c.notNull())
        .addColumn('horizon_year', 'integer', (c) => c.notNull())
        .addColumn('jurisdiction', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text')
        .execute();

      await idTable('plan_members')
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addUniqueConstraint('plan_members_plan_name', ['plan_id', 'name'])
        .execute();

      await idTable('units')
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .execute();

      await idTable('tasks')
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('time_limit', 'text')
        .addColumn('qualitative', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tasks_plan').on('tasks').columns(['plan_id', 'position']).execute();

      await db.schema
        .createTable('task_units')
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'position'])
        .execute();

      await idTable('task_status_revisions')
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('task_status_series', ['task_id', 'revision'])
        .execute();

      await idTable('targets')
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('targets_plan').on('targets').column('plan_id').execute();

      await idTable('target_revisions')
        .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('max_value', 'double precision')
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        .addColumn('deadline', 'integer')
        .addColumn('per', 'text')
        .addColumn('each_scope', 'text')
        .addColumn('base', 'text')
        .addColumn('span_start', 'integer')
        .addColumn('span_end', 'integer')
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('confirmed', 'integer', (c) => c.notNull())
        .addColumn('confirmed_by', 'text')
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('target_revision_series', ['target_id', 'revision'])
        .execute();

      await idTable('measurements')
        .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('member', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('numerator', 'double precision')
        .addColumn('denominator', 'double precision')
        .addColumn('note', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('measurement_series', ['target_id', 'year', 'member', 'revision'])
        .execute();
      await db.schema.createIndex('measurements_plan').on('measurements').column('plan_id').execute();

      await idTable('users')
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>) {
      const tables = [
        'sessions',
        'users',
        'measurements',
        'target_revisions',
        'targets',
        'task_status_revisions',
      ];
      for (const t of [...tables, 'task_units', 'tasks', 'units', 'plan_members', 'plans']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
