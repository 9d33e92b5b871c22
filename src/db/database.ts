/**
 * Opens the database named by the configuration: a `postgres://…` URL gives a `pg` pool,
 * anything else is a SQLite file (created with its folder when missing) in WAL mode with
 * foreign keys on and a busy timeout, so a second process waits instead of failing.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  sql,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { isPostgres, type Config } from '../config';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Transactions take SQLite's write lock when they begin (`begin immediate`), waiting out
 * another process's writer under the busy timeout. With a plain `begin`, a transaction that
 * read before another process (say `dabiao import` beside `dabiao serve`) committed could
 * no longer write and would fail at once with SQLITE_BUSY.
 */
class WriteFirstSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class WriteFirstSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new WriteFirstSqliteDriver(this.#config);
  }
}

/** Statements kept prepared per SQLite connection; the product has a few hundred distinct queries. */
const PREPARED_STATEMENTS = 500;

/**
 * The connection Kysely prepares every query on, keeping the prepared statements: Kysely
 * prepares each query anew, and compiling the SQL was a twentieth of a simple request's CPU
 * here. A statement still being iterated (a streamed query) is busy, so then a fresh one is
 * prepared for the other caller; the least recently used are let go past the limit.
 */
function withPreparedStatements(sqlite: SQLite.Database): SqliteDialectConfig['database'] {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    prepare(text: string) {
      const kept = prepared.get(text);
      if (kept && !kept.busy) {
        prepared.delete(text);
        prepared.set(text, kept);
        return kept;
      }
      const statement = sqlite.prepare(text);
      if (!kept) {
        prepared.set(text, statement);
        if (prepared.size > PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value!);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

/** Which dialect a database setting names. */
export function dialectOf(config: Pick<Config, 'database'>): Dialect {
  return isPostgres(config) ? 'postgres' : 'sqlite';
}

/** A Kysely instance over SQLite or PostgreSQL; migrations are not run here. */
export function createDatabase(config: Pick<Config, 'database'>): Kysely<Database> {
  if (dialectOf(config) === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.database, max: 10 });
    // An idle connection the server drops (restart, failover) is discarded by the pool and
    // the next query reconnects; unhandled, the event would end the process.
    pool.on('error', () => undefined);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (config.database !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(config.database)), { recursive: true });
  const sqlite = new SQLite(config.database);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({
    dialect: new WriteFirstSqliteDialect({ database: withPreparedStatements(sqlite) }),
  });
}

/** Which dialect an open database speaks. */
export function dialectOfDb(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Rows written at once before the planner's statistics may be stale (see `refreshAfterGrowth`). */
const BULK_ROWS = 1000;

/**
 * The share of a table a write must add before its statistics are refreshed: PostgreSQL's own
 * autovacuum_analyze_scale_factor, so the product asks for an ANALYZE exactly when autovacuum
 * would, without waiting for it (or when it is off).
 */
const GROWTH_TO_ANALYZE = 0.1;

/**
 * After a write added `rows` rows to `table`, refreshes its planner statistics on PostgreSQL
 * when they grew it by a tenth or more (or the table was never analyzed): a first bulk load
 * needs them (see `refreshStatistics`), while an upload of 10,000 figures into a province's
 * 1.6 million would wait a quarter of a second for an ANALYZE that changes nothing.
 */
export async function refreshAfterGrowth(
  db: Kysely<any>,
  table: keyof Database,
  rows: number,
): Promise<void> {
  if (dialectOfDb(db) !== 'postgres' || rows < BULK_ROWS) return;
  const { rows: found } = await sql<{
    estimate: number | null;
  }>`select reltuples::float8 as estimate from pg_class where oid = to_regclass(${table})`.execute(db);
  // reltuples is -1 until the table's first ANALYZE.
  const estimate = found[0]?.estimate ?? -1;
  if (estimate < 0 || rows >= GROWTH_TO_ANALYZE * estimate) {
    await refreshStatistics(db, [table]);
  }
}

/**
 * Refreshes PostgreSQL's planner statistics of tables a bulk write just grew: without them
 * the planner guesses from an empty table and a plan's progress took 220 ms instead of 44 ms
 * after a bulk load. Without `tables`, every table of the database. SQLite plans from its
 * indexes and needs nothing.
 */
export async function refreshStatistics(db: Kysely<any>, tables?: (keyof Database)[]): Promise<void> {
  if (dialectOfDb(db) !== 'postgres') return;
  if (!tables) await sql`analyze`.execute(db);
  else for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}
