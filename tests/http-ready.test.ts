import { describe, expect, it } from 'vitest';
import { createDatabase, dialectOf } from '../src/db/database';
import { createStore } from '../src/db/create-store';
import { createMigrator } from '../src/db/migrations';
import { startServer } from '../src/http/start-server';
import { expectEnvelope, readReply } from './support/http-harness';
import { dialects } from './support/store-dialects';
import { testConfig } from './support/test-config';

describe.each(dialects)('health and readiness on $name', (dialect) => {
  it('is ready once every migration has run, and says which are pending before that', async () => {
    const fixture = await dialect.create();
    const config = testConfig({ database: fixture.database, port: 0, host: '127.0.0.1' });
    const db = createDatabase(config);
    await createMigrator(db, dialectOf(config)).migrateTo('0003-unit-identity');
    const running = await startServer(config, createStore(db));
    try {
      const health = await readReply(await fetch(`${running.url}/api/health`));
      expect(health.status).toBe(200);
      const behind = await readReply(await fetch(`${running.url}/api/ready`));
      expectEnvelope(behind, 503, 'unavailable');
      expect(behind.headers.get('retry-after')).toBe('5');
      expect(behind.body.error.message).toContain('0004-scale-indexes');
      await createMigrator(db, dialectOf(config)).migrateToLatest();
      const ready = await readReply(await fetch(`${running.url}/api/ready`));
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ready', database: 'ok', migrations: 'current' });
    } finally {
      await running.close();
      await fixture.dispose();
    }
  });
});
