import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/db/open-store';
import type { Store } from '../src/db/store';
import { goldPlan, hashOf } from './support/gold-plans';
import { testConfig } from './support/test-config';

// Another process (a `dabiao import` beside `dabiao serve`) holding SQLite's write lock.
const HOLD_WRITE_LOCK = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
db.exec('begin immediate');
db.prepare("insert into units (name) values ('另一进程写入的单位')").run();
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
db.exec('commit');
db.close();
`;

function holdWriteLock(file: string, ms: number): Promise<{ done: Promise<number | null> }> {
  const child = spawn(process.execPath, ['-e', HOLD_WRITE_LOCK, file, String(ms)], {
    cwd: path.resolve(import.meta.dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve) => child.stdout.once('data', () => resolve({ done })));
}

describe('two processes writing one SQLite file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-two-'));
  const file = path.join(dir, 'dabiao.db');
  let store: Store;
  beforeAll(async () => {
    store = await openStore(testConfig({ database: file }));
    await store.importPlan(
      {
        extracted: goldPlan('000_3cb08648fdcd494e'),
        title: '吉林',
        sourceName: '000.txt',
        sourceHash: hashOf('jilin'),
      },
      'importer',
    );
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a write that meets another process mid-transaction waits for it instead of failing', async () => {
    const plan = (await store.listPlans())[0]!;
    const target = (await store.listTargets(plan.id))[0]!;
    const other = await holdWriteLock(file, 400);
    const recorded = await store.recordMeasurement(target.id, { year: 2024, value: 12 }, 'stat');
    expect(await other.done).toBe(0);
    expect(recorded.revision).toBe(1);
    expect((await store.listUnits()).map((u) => u.name)).toContain('另一进程写入的单位');
  });
});
