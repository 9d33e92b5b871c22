/**
 * The one set of migrations, for both dialects, provided in code (no migration folder to
 * read at run time). Append new migrations; never edit one that has shipped.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from '../database';
import { initialMigration } from './0001-initial';
import { planRevisionsMigration } from './0002-plan-revisions';
import { unitIdentityMigration } from './0003-unit-identity';
import { scaleIndexesMigration } from './0004-scale-indexes';
import { accountsMigration } from './0005-accounts';
import { targetChangeMigration } from './0006-target-change';
import { auditMigration } from './0007-audit';
import { planLifecycleMigration } from './0008-plan-lifecycle';
import { figureSourcesMigration } from './0009-figure-sources';
import { planDataVersionMigration } from './0010-plan-data-version';

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-plan-revisions': planRevisionsMigration(dialect),
    '0003-unit-identity': unitIdentityMigration(),
    '0004-scale-indexes': scaleIndexesMigration(dialect),
    '0005-accounts': accountsMigration(),
    '0006-target-change': targetChangeMigration(),
    '0007-audit': auditMigration(dialect),
    '0008-plan-lifecycle': planLifecycleMigration(),
    '0009-figure-sources': figureSourcesMigration(),
    '0010-plan-data-version': planDataVersionMigration(dialect),
  };
}

/** Any fixed number: every dabiao instance asks PostgreSQL for this one session lock. */
const MIGRATION_LOCK = 0x0da01a0;

/**
 * The schema the connection writes to: the first schema of its search_path that exists, else
 * the first one it names (created by the migration). Named to the migrator so that its
 * bookkeeping tables land beside ours, also when another schema on the database (public)
 * holds a `kysely_migration` of its own.
 */
async function targetSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ current: string | null; path: string }>`
    select current_schema() as current, current_setting('search_path') as path`.execute(db);
  const named = (rows[0]?.path ?? '')
    .split(',')
    .map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
    .find((s) => s !== '' && s !== '$user');
  return rows[0]?.current ?? named ?? 'public';
}

/** A Kysely migrator over the in-code migrations (tests use it to stop at an older schema). */
export function createMigrator(db: Kysely<any>, dialect: Dialect, schema?: string): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  return new Migrator({ db, provider, ...(schema !== undefined && { migrationTableSchema: schema }) });
}

/**
 * Brings the database to the latest schema; safe to run on every start, and by several
 * instances starting at once: on PostgreSQL they queue on one advisory lock held on one
 * connection for the whole run (creating the bookkeeping tables included), on SQLite on the
 * write lock, so the first migrates and the others find nothing left to do.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  if (dialect === 'sqlite') {
    // Kysely runs SQLite migrations outside a transaction; one `begin immediate` around the
    // whole run makes a second process wait for the first and then find nothing to do.
    return db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const names = applied(await createMigrator(conn, dialect).migrateToLatest());
        await sql`commit`.execute(conn);
        return names;
      } catch (e) {
        await sql`rollback`.execute(conn);
        throw e;
      }
    });
  }
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      const schema = await targetSchema(conn);
      await sql`create schema if not exists ${sql.id(schema)}`.execute(conn);
      return applied(await createMigrator(conn, dialect, schema).migrateToLatest());
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

function applied({ error, results }: Awaited<ReturnType<Migrator['migrateToLatest']>>): string[] {
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of the migrations this code has that the database has not run (empty: current). */
export async function pendingMigrations(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const schema = dialect === 'postgres' ? await targetSchema(db) : undefined;
  const all = await createMigrator(db, dialect, schema).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
