/**
 * `npm run bench scale [-- --plans N]`: whether reads stay proportional to their answer as
 * the database grows. Builds the demo database (2 plans) and a database of N more plans
 * (copies of the seed plans, each with 10 years of figures for every target and member),
 * both through the product's own write path (importPlanFile, recordMeasurements), on SQLite
 * and on PostgreSQL when one answers; then measures the main routes over loopback HTTP with 4
 * concurrent clients on both and prints the growth ratio, the bulk write against a bare
 * multi-row insert of the same rows, and the query plan of a plan's current figures.
 * Default N = 10 so CI-sized runs finish; `--plans 1000` for the province figure.
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { createDatabase } from '../src/db/database';
import { explainQuery } from '../src/db/explain-query';
import { currentMeasurementsQuery } from '../src/db/measurement-series';
import { openStore } from '../src/db/open-store';
import { seedBench } from '../src/demo/seed-bench';
import { seedDemo } from '../src/demo/seed-demo';
import { startServer } from '../src/http/start-server';

const CLIENTS = 4;
const DURATION_MS = 2000;

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

/** `CLIENTS` loops requesting `url` for `DURATION_MS`; percentiles of every answer's time. */
async function load(url: string, token: string): Promise<Latency> {
  const times: number[] = [];
  const end = performance.now() + DURATION_MS;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        times.push(performance.now() - s);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    rps: times.length / ((performance.now() - t0) / 1000),
  };
}

async function measure(database: string): Promise<Map<string, Latency>> {
  const config = loadConfig({}, { database, port: 0, host: '127.0.0.1' });
  const store = await openStore(config);
  if (!(await store.findUser('bench')))
    await store.createUser({
      username: 'bench',
      displayName: '基准',
      role: 'admin',
      password: 'bench-pass-1',
    });
  const server = await startServer(config, store);
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-pass-1' }),
  });
  const { token } = (await login.json()) as { token: string };
  const routes: Record<string, string> = {
    'GET /api/plans/1/progress': '/api/plans/1/progress',
    'GET /api/units (first page)': '/api/units',
    'GET /api/plans (first page)': '/api/plans',
    'GET /api/plan-summaries (plans page)': '/api/plan-summaries?limit=20',
  };
  const out = new Map<string, Latency>();
  for (const [name, route] of Object.entries(routes)) out.set(name, await load(server.url + route, token));
  await server.close();
  return out;
}

const REPORTS = 4;

/** autocannon on one URL: latency percentiles (ms) and requests per second. */
async function cannon(url: string): Promise<Latency> {
  const r = await autocannon({ url, connections: CLIENTS, duration: DURATION_MS / 1000 });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { p50: r.latency.p50, p95: r.latency.p97_5, p99: r.latency.p99, rps: r.requests.average };
}

/**
 * `/api/health` alone, then while ${REPORTS} reports are kept drawing (each a different unit
 * and year, so neither the report cache nor a drawing under way can serve it).
 */
async function healthUnderReports(database: string) {
  const config = loadConfig({}, { database, port: 0, host: '127.0.0.1' });
  const store = await openStore(config);
  const server = await startServer(config, store);
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-pass-1' }),
  });
  const { token } = (await login.json()) as { token: string };
  const units = (await store.pageUnits({ limit: 50 })).items.map((u) => u.name);
  const alone = await cannon(`${server.url}/api/health`);
  let next = 0;
  let drawn = 0;
  let running = true;
  const keepDrawing = async () => {
    while (running) {
      const k = next++;
      const unit = encodeURIComponent(units[k % units.length]!);
      const year = 2023 + Math.floor(k / units.length);
      const res = await fetch(`${server.url}/api/plans/1/report.pdf?unit=${unit}&year=${year}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await res.arrayBuffer();
      if (res.ok) drawn++;
    }
  };
  const drawers = Array.from({ length: REPORTS }, keepDrawing);
  // Let the render threads warm up (the first drawing loads Chart.js, canvas and the fonts).
  while (drawn === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const loaded = await cannon(`${server.url}/api/health`);
  running = false;
  await Promise.all(drawers);
  await server.close();
  return { alone, loaded, reports: drawn };
}

/** A bare multi-row insert of `rows` figure rows in one transaction: the write path's floor. */
async function bareInsert(database: string, rows: number): Promise<number> {
  const db = createDatabase({ database });
  const target = await db
    .selectFrom('targets')
    .select(['id', 'plan_id'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const t0 = performance.now();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows; i += 400) {
      const values = Array.from({ length: Math.min(400, rows - i) }, (_, k) => ({
        target_id: target.id,
        plan_id: target.plan_id,
        year: 3000 + ((i + k) % 50),
        member: `bare-${i + k}`,
        revision: 1,
        value: 1,
        numerator: null,
        denominator: null,
        note: null,
        state: 'reported',
        entered_by: 'bench',
        entered_at: new Date().toISOString(),
      }));
      await trx.insertInto('measurements').values(values).execute();
    }
  });
  const ms = performance.now() - t0;
  await db.deleteFrom('measurements').where('member', 'like', 'bare-%').execute();
  await db.destroy();
  return ms;
}

async function databases(): Promise<{ name: string; make: () => Promise<string> }[]> {
  const list = [
    {
      name: 'SQLite',
      make: async () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-scale-')), 'd.db'),
    },
  ];
  const admin = process.env.DABIAO_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    list.push({
      name: 'PostgreSQL',
      make: async () => {
        const name = `dabiao_scale_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`create database ${name}`);
        await c.end();
        const url = new URL(admin);
        url.pathname = `/${name}`;
        return url.toString();
      },
    });
  } catch {
    console.log('(PostgreSQL unreachable: SQLite only)');
  }
  return list;
}

const fmt = (l: Latency) =>
  `p50 ${l.p50.toFixed(1)} / p95 ${l.p95.toFixed(1)} / p99 ${l.p99.toFixed(1)} ms, ${l.rps.toFixed(0)} req/s`;

export async function run(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { plans: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const plans = Number(values.plans ?? 10);
  console.log(
    `${plans} plans beside the demo's 2; ${CLIENTS} clients, ${DURATION_MS / 1000} s per route, loopback`,
  );
  for (const { name, make } of await databases()) {
    const demo = await make();
    const big = await make();
    for (const database of [demo, big]) {
      const store = await openStore({ database });
      await seedDemo(store);
      await store.close();
    }
    const store = await openStore({ database: big });
    const seeded = await seedBench(store, plans);
    const grown = { rows: seeded.figures + seeded.corrections, ms: seeded.bulkMs };
    const counts = await Promise.all([store.pagePlans({ limit: 1 }), store.pageUnits({ limit: 1 })]);
    await store.close();
    const bare = await bareInsert(big, grown.rows);
    console.log(
      `\n-- ${name}: ${counts[0].total} plans, ${counts[1].total} units, ${grown.rows} figures written --`,
    );
    console.log(
      `bulk write: ${((grown.rows / grown.ms) * 1000).toFixed(0)} rows/s vs bare insert ${((grown.rows / bare) * 1000).toFixed(0)} rows/s (×${(grown.ms / bare).toFixed(2)})`,
    );
    const small = await measure(demo);
    const large = await measure(big);
    console.log('| route | demo (2 plans) | scaled | p95 growth |');
    console.log('|---|---|---|---|');
    for (const [route, d] of small) {
      const l = large.get(route)!;
      console.log(`| ${route} | ${fmt(d)} | ${fmt(l)} | ×${(l.p95 / d.p95).toFixed(2)} |`);
    }
    const health = await healthUnderReports(big);
    console.log(`\n/api/health (autocannon, ${CLIENTS} connections, ${DURATION_MS / 1000} s), ${name}:`);
    console.log('| | p50 | p99 | req/s |');
    console.log('|---|---|---|---|');
    for (const [label, l] of [
      ['alone', health.alone],
      [`while ${REPORTS} reports render`, health.loaded],
    ] as const)
      console.log(`| ${label} | ${l.p50.toFixed(1)} ms | ${l.p99.toFixed(1)} ms | ${l.rps.toFixed(0)} |`);
    console.log(
      `p99 under rendering ×${(health.loaded.p99 / health.alone.p99).toFixed(2)} of alone; ${health.reports} reports drawn meanwhile`,
    );
    const db = createDatabase({ database: big });
    console.log(`query plan of a plan's current figures (${name}):`);
    for (const line of await explainQuery(db, currentMeasurementsQuery(db, { planId: 1 })))
      console.log(`  ${line}`);
    await db.destroy();
  }
}
