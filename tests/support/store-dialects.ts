/**
 * The databases the repository suite runs against, like Kysely's own test suite: a real
 * SQLite file always, and PostgreSQL when one is reachable (`DABIAO_TEST_PG_URL`, else
 * postgres://postgres@127.0.0.1:5432/postgres). In CI (`CI` set) PostgreSQL is always on
 * the list: CI provides one, so an unreachable server fails every PostgreSQL suite instead
 * of quietly leaving them out. Each opened store gets a fresh, uniquely named database that
 * `dispose()` drops again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/db/open-store';
import type { Store } from '../../src/db/store';
import type { ConfigOverrides } from '../../src/config';
import { testConfig } from './test-config';

const PG_ADMIN_URL = process.env.DABIAO_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** What `openStore` takes: a file path or a postgres:// URL. */
  database: string;
  dispose(): Promise<void>;
}

export interface DialectFixture {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

/** Whether the environment says it is CI (`CI=true`, as CI services set it; `CI=false` is not). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/** Null when PostgreSQL answers, else why not. */
async function pgProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    // A refused connection may come as an AggregateError with an empty message.
    return (e as Error).message || (e as { code?: string }).code || String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sqlite: DialectFixture = {
  name: 'sqlite',
  async create() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-store-'));
    return {
      database: path.join(dir, 'dabiao.db'),
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const postgres: DialectFixture = {
  name: 'postgres',
  async create() {
    if (postgresProblem !== null) {
      throw new Error(
        `CI is set but PostgreSQL at ${new URL(PG_ADMIN_URL).host} is unreachable (${postgresProblem}); ` +
          'the PostgreSQL suites must run in CI',
      );
    }
    const name = `dabiao_test_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    return {
      database: url.toString(),
      async dispose() {
        const c = new pg.Client({ connectionString: PG_ADMIN_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  },
};

/** Why PostgreSQL cannot be used here, or null when it can. */
export const postgresProblem: string | null = await pgProblem();

export const dialects: DialectFixture[] = postgresProblem === null || inCi() ? [sqlite, postgres] : [sqlite];

/**
 * A fresh database with a migrated store on it; `reopen` closes and opens the same database
 * (with other settings, if given).
 */
export async function openFresh(dialect: DialectFixture) {
  const db = await dialect.create();
  let store: Store = await openStore(testConfig({ database: db.database }));
  return {
    database: db.database,
    get store() {
      return store;
    },
    async reopen(overrides: ConfigOverrides = {}) {
      await store.close();
      store = await openStore(testConfig({ ...overrides, database: db.database }));
      return store;
    },
    async dispose() {
      await store.close();
      await db.dispose();
    },
  };
}

/**
 * A fresh store for the tests of the describe block this is called in, opened before them and
 * disposed after them. Its parts are read inside hooks and tests: before then they throw.
 */
export function useFreshStore(dialect: DialectFixture) {
  let fresh: Awaited<ReturnType<typeof openFresh>> | undefined;
  beforeAll(async () => {
    fresh = await openFresh(dialect);
  });
  afterAll(() => fresh?.dispose());
  const opened = () => {
    if (!fresh) throw new Error('the fresh store is read before it opened: use it inside a hook or test');
    return fresh;
  };
  return {
    get database() {
      return opened().database;
    },
    get store() {
      return opened().store;
    },
    reopen: () => opened().reopen(),
  };
}
