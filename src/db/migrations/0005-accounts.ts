/**
 * Accounts that say what they may touch: a user's units (责任单位), members (县（市）区) and
 * plans are rows of `user_scopes`; a user can be disabled and be told to change a reset
 * password; a session may carry a name, which makes it a long-lived API token listed and
 * revoked by that name. A figure's state revision (核实 / 退回) names its checker apart from
 * who entered the figure, and a return carries its reason. Portable column types only.
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** Scopes, disabling, forced password change, named tokens, 核实人 and return reasons (both dialects). */
export function accountsMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('user_scopes')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_scopes_pk', ['user_id', 'kind', 'value'])
        .execute();
      await db.schema
        .alterTable('users')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('users')
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('sessions').addColumn('name', 'text').execute();
      for (const column of ['verified_by', 'verified_at', 'reason'])
        await db.schema.alterTable('measurements').addColumn(column, 'text').execute();
      // State revisions written before named the evaluator as 填报人: move it to 核实人 and give
      // back who entered the figure (the series' latest 已填报 revision before it).
      await sql`update measurements set verified_by = entered_by, verified_at = entered_at
        where state <> 'reported'`.execute(db);
      const earlier = (column: string) => sql`(select e.${sql.ref(column)} from measurements e
        where e.target_id = measurements.target_id and e.year = measurements.year
          and e.member = measurements.member and e.state = 'reported' and e.revision < measurements.revision
        order by e.revision desc limit 1)`;
      await sql`update measurements set entered_by = ${earlier('entered_by')}, entered_at = ${earlier('entered_at')}
        where state <> 'reported' and ${earlier('entered_by')} is not null`.execute(db);
    },
    async down(db: Kysely<any>) {
      for (const column of ['reason', 'verified_at', 'verified_by'])
        await db.schema.alterTable('measurements').dropColumn(column).execute();
      await db.schema.alterTable('sessions').dropColumn('name').execute();
      await db.schema.alterTable('users').dropColumn('must_change_password').execute();
      await db.schema.alterTable('users').dropColumn('disabled').execute();
      await db.schema.dropTable('user_scopes').ifExists().execute();
    },
  };
}
