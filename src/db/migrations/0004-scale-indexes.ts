/**
 * Indexes for the reads a province-sized database makes, and the shared login-throttle
 * table. Every filter a request applies finds its rows through an index, so one plan's
 * progress or one unit's page costs the same whether the database holds 2 plans or 1,000:
 * tasks by unit (`/api/units`, a unit's page), targets by task, a plan's current figures in
 * series order, a plan's members in order, expired sessions. Throttle state and finished
 * reports live in the database so that every instance behind a load balancer shares them.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database';

export function scaleIndexesMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createIndex('task_units_unit')
        .on('task_units')
        .columns(['unit_id', 'task_id'])
        .execute();
      await db.schema.createIndex('targets_task').on('targets').column('task_id').execute();
      // A plan's figures in series order: the plan filter, the sort and the latest-revision
      // lookup all read this one index.
      await db.schema
        .createIndex('measurements_plan_series')
        .on('measurements')
        .columns(['plan_id', 'target_id', 'year', 'member', 'revision'])
        .execute();
      await db.schema.dropIndex('measurements_plan').execute();
      await db.schema
        .createIndex('plan_members_plan')
        .on('plan_members')
        .columns(['plan_id', 'position'])
        .execute();
      await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();
      await db.schema
        .createTable('login_failures')
        // `address:…` or `account:…`: one row per client address and per typed user name.
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', 'text', (c) => c.notNull())
        .addColumn('blocked_until', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_failures_age')
        .on('login_failures')
        .column('last_failure_at')
        .execute();
      // Finished reports by content key (plan, figures, options), so any instance serves a
      // report another one drew.
      await db.schema
        .createTable('report_cache')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('body', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('report_cache_age').on('report_cache').column('created_at').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('report_cache').execute();
      await db.schema.dropTable('login_failures').execute();
      await db.schema.dropIndex('sessions_expiry').execute();
      await db.schema.dropIndex('plan_members_plan').execute();
      await db.schema.createIndex('measurements_plan').on('measurements').column('plan_id').execute();
      await db.schema.dropIndex('measurements_plan_series').execute();
      await db.schema.dropIndex('targets_task').execute();
      await db.schema.dropIndex('task_units_unit').execute();
    },
  };
}
