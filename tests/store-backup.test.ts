/**
 * `dabiao backup` while the service writes, on every database: every figure acknowledged
 * before the backup began is in it, the backup finishes although writes never pause, and
 * `dabiao restore` puts it back.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { backupDatabase, restoreDatabase } from '../src/db/backup';
import { openStore } from '../src/db/open-store';
import { useSeededServer } from './support/http-harness';
import { plainTarget } from './support/http-seed';
import { dialects } from './support/store-dialects';
import { testConfig } from './support/test-config';

describe.each(dialects.map((d) => [d.name, d] as const))('backup and restore on %s', (_name, dialect) => {
  const env = useSeededServer({ dialect });

  it('keeps every acknowledged write made before the backup, under continuous writes', async () => {
    const t = plainTarget(env.seeded.jilinTargets);
    const stat = env.users.statistician;
    const url = `/api/targets/${t.id}/measurements`;
    let acknowledged = 0;
    let revision: number | undefined;
    let writing = true;
    // One writer revising the same figure as fast as the service answers: value n is revision n.
    const writer = (async () => {
      for (let value = 1; writing; value++) {
        const r = await stat.call('POST', url, { year: 2024, value, ...(revision ? { revision } : {}) });
        expect(r.status).toBeLessThan(300);
        revision = r.body.revision;
        acknowledged = value;
      }
    })();
    while (acknowledged < 20) await new Promise((r) => setTimeout(r, 5));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-backup-'));
    const out = path.join(dir, dialect.name === 'sqlite' ? 'backup.db' : 'backup.dump');
    // As an operator runs it: another process, beside the serving one.
    const before = acknowledged;
    await promisify(execFile)(process.execPath, [
      'bin/dabiao.js',
      'backup',
      out,
      '--db',
      env.server.database,
    ]);
    const after = acknowledged;
    writing = false;
    await writer;
    expect(after).toBeGreaterThan(before); // writes went on during the backup

    let copy = out;
    const restored = await dialect.create();
    if (dialect.name === 'postgres') {
      await restoreDatabase(out, restored.database);
      copy = restored.database;
    }
    const store = await openStore(testConfig({ database: copy }));
    try {
      const figure = (await store.listMeasurements({ planId: env.seeded.jilin.id })).find(
        (m) => m.targetId === t.id && m.year === 2024 && m.member === null,
      );
      expect(figure!.value).toBeGreaterThanOrEqual(before);
      expect(figure!.value).toBeLessThanOrEqual(after + 1);
      expect((await store.listPlans()).length).toBe(2);
    } finally {
      await store.close();
      await restored.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to overwrite a backup, and to restore what is not a dabiao backup', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-backup-'));
    const taken = path.join(dir, 'taken');
    fs.writeFileSync(taken, 'x');
    await expect(backupDatabase(env.server.database, taken)).rejects.toThrow(/已存在.*not overwritten/);
    if (dialect.name === 'sqlite') {
      await expect(restoreDatabase(taken, path.join(dir, 'new.db'))).rejects.toThrow(/不是/);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the backup and restore commands', () => {
  it('backs a SQLite database up and restores it only with --replace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-backup-cli-'));
    const db = path.join(dir, 'live.db');
    const store = await openStore(testConfig({ database: db }));
    await store.createUser({
      username: 'reader',
      displayName: '用户',
      role: 'leader',
      password: 'long-enough-pass',
    });
    await store.close();
    const out = path.join(dir, 'copy.db');
    expect(await main(['backup', out, '--db', db])).toBe(0);
    expect(await main(['restore', out, '--db', db])).toBe(1);
    expect(await main(['restore', out, '--db', db, '--replace'])).toBe(0);
    const back = await openStore(testConfig({ database: db }));
    expect(await back.verifyPassword('reader', 'long-enough-pass')).not.toBeNull();
    await back.close();
    expect(await main(['backup'])).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
