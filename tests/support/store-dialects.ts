/**
 * The databases the repository suite runs against, like Kysely's own test suite: a real
 * SQLite file always, and PostgreSQL when one is reachable (`DABIAO_TEST_PG_URL`, else
 * postgres://postgres@127.0.0.1:5432/postgres). Each opened store gets a fresh, uniquely
 * named database that `dispose()` drops again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/db/open-store';
import type { Store } from '../../src/db/store';

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

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
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

export const dialects: DialectFixture[] = (await pgReachable()) ? [sqlite, postgres] : [sqlite];

/** A fresh database with a migrated store on it; `reopen` closes and opens the same database. */
export async function openFresh(dialect: DialectFixture) {
  const db = await dialect.create();
  let store: Store = await openStore({ database: db.database });
  return {
    database: db.database,
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = await openStore({ database: db.database });
      return store;
    },
    async dispose() {
      await store.close();
      await db.dispose();
    },
  };
}
