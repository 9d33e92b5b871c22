/**
 * Accounts that say what they may touch: a user's units (责任单位), members (县（市）区) and
 * plans are rows of `user_scopes`; a user can be disabled and be told to change a reset
 * password; a session may carry a name, which makes it a long-lived API token listed and
 * revoked by that name. Portable column types only.
 */
import type { Kysely, Migration } from 'kysely';

/** Scopes, disabling, forced password change and named tokens (both dialects alike). */
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
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('sessions').dropColumn('name').execute();
      await db.schema.alterTable('users').dropColumn('must_change_password').execute();
      await db.schema.alterTable('users').dropColumn('disabled').execute();
      await db.schema.dropTable('user_scopes').ifExists().execute();
    },
  };
}
