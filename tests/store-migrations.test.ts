import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase, dialectOf } from '../src/db/database';
import { migrateToLatest, pendingMigrations } from '../src/db/migrations';
import { openStore } from '../src/db/open-store';
import { dialects } from './support/store-dialects';
import { testConfig } from './support/test-config';

const postgres = dialects.filter((d) => d.name === 'postgres');

describe.each(dialects)('migrations on $name', (dialect) => {
  it('names the migrations a database has not run yet, for the readiness check', async () => {
    const db = await dialect.create();
    const k = createDatabase({ database: db.database });
    try {
      const kind = dialectOf({ database: db.database });
      expect(await pendingMigrations(k, kind)).toContain('0001-initial');
      await migrateToLatest(k, kind);
      expect(await pendingMigrations(k, kind)).toEqual([]);
    } finally {
      await k.destroy();
      await db.dispose();
    }
  });
});

describe.each(postgres)('migrations on $name with several instances', (dialect) => {
  it('lets several instances start on one new database at once: one migrates, all open it', async () => {
    const db = await dialect.create();
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openStore(testConfig({ database: db.database }))));
      await Promise.all(stores.map((s) => s.close()));
      const k = createDatabase({ database: db.database });
      expect(await pendingMigrations(k, dialectOf({ database: db.database }))).toEqual([]);
      await k.destroy();
    } finally {
      await db.dispose();
    }
  });

  it('creates every table in that schema, also beside another migrated schema in public', async () => {
    const db = await dialect.create();
    try {
      // A database whose public schema already holds a dabiao (or any Kysely app).
      const publicStore = await openStore(testConfig({ database: db.database }));
      await publicStore.close();
      const url = new URL(db.database);
      url.searchParams.set('options', '-c search_path=province');
      const store = await openStore(testConfig({ database: url.toString() }));
      await store.createUser({
        username: 'sheng',
        displayName: '省',
        role: 'admin',
        password: 'sheng-pass-1',
      });
      expect(await store.findUser('sheng')).not.toBeNull();
      await store.close();
      const client = new pg.Client({ connectionString: db.database });
      await client.connect();
      const { rows } = await client.query(
        `select table_schema, count(*)::int as n from information_schema.tables
         where table_name in ('users', 'measurements', 'kysely_migration') group by table_schema order by 1`,
      );
      const { rows: users } = await client.query(`select username from province.users`);
      await client.end();
      expect(rows).toEqual([
        { table_schema: 'province', n: 3 },
        { table_schema: 'public', n: 3 },
      ]);
      expect(users).toEqual([{ username: 'sheng' }]);
    } finally {
      await db.dispose();
    }
  });
});
