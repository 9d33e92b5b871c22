/**
 * The one set of migrations, for both dialects, provided in code (no migration folder to
 * read at run time). Append new migrations; never edit one that has shipped.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from '../database';
import { initialMigration } from './0001-initial';
import { planRevisionsMigration } from './0002-plan-revisions';
import { unitIdentityMigration } from './0003-unit-identity';
import { accountsMigration } from './0005-accounts';

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-plan-revisions': planRevisionsMigration(dialect),
    '0003-unit-identity': unitIdentityMigration(),
    '0005-accounts': accountsMigration(),
  };
}

/** A Kysely migrator over the in-code migrations (tests use it to stop at an older schema). */
export function createMigrator(db: Kysely<any>, dialect: Dialect): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  return new Migrator({ db, provider });
}

/** Brings the database to the latest schema; safe to run on every start. */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const { error, results } = await createMigrator(db, dialect).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
