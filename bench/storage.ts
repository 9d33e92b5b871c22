/**
 * Storage speed on a real SQLite file (and PostgreSQL when reachable): importing a seed plan,
 * the demo seed, a 500-row bulk upload in one transaction against the same 500 rows entered
 * one request at a time (the reference), and reading a plan's current figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../src/db/open-store';
import type { MeasurementRow, Store } from '../src/db/store';
import { seedDemo } from '../src/demo/seed-demo';

const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await work();
  return [result, performance.now() - t0];
}

async function measure(label: string, store: Store) {
  const [seeded, seedMs] = await timed(() => seedDemo(store));
  const plan = seeded[0]!.plan;
  const targets = (await store.listTargets(plan.id)).filter((t) => t.each === null && t.base === null);
  const rows = (year: number): MeasurementRow[] =>
    Array.from({ length: 500 }, (_, i) => ({
      targetId: targets[i % targets.length]!.id,
      year: year + Math.floor(i / targets.length),
      value: i,
    }));
  const [, bulkMs] = await timed(() => store.recordMeasurements(rows(2030), 'bench'));
  const [, singleMs] = await timed(async () => {
    for (const r of rows(2060)) await store.recordMeasurement(r.targetId, r, 'bench');
  });
  const [figures, readMs] = await timed(() => store.listMeasurements({ planId: plan.id }));
  console.log(
    `${label.padEnd(10)} seed both plans ${seedMs.toFixed(0).padStart(5)} ms | 500 rows bulk ${bulkMs.toFixed(0).padStart(5)} ms` +
      ` vs one by one ${singleMs.toFixed(0).padStart(5)} ms (×${(singleMs / bulkMs).toFixed(1)})` +
      ` | read ${figures.length} current figures ${readMs.toFixed(1)} ms`,
  );
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-bench-'));
  const sqlite = await openStore({ database: path.join(dir, 'bench.db') });
  await measure('SQLite', sqlite);
  await sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 1500 });
  try {
    await admin.connect();
  } catch {
    console.log('PostgreSQL   (not reachable, skipped)');
    return;
  }
  const name = `dabiao_bench_${process.pid}`;
  await admin.query(`create database ${name}`);
  const store = await openStore({ database: `postgres://postgres@127.0.0.1:5432/${name}` });
  try {
    await measure('PostgreSQL', store);
  } finally {
    await store.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
