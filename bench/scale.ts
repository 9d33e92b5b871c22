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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { createDatabase } from '../src/db/database';
import { explainQuery } from '../src/db/explain-query';
import { importPlanFile } from '../src/app/import-plan-file';
import { membersForScope } from '../src/db/members-for-scope';
import { currentMeasurementsQuery } from '../src/db/measurement-series';
import { openStore } from '../src/db/open-store';
import type { MeasurementRow, PlanRecord, Store } from '../src/db/store';
import { seedDemo, SEED_PLANS } from '../src/demo/seed-demo';
import { startServer } from '../src/http/start-server';

const CLIENTS = 4;
const DURATION_MS = 2000;

/** Ten years of figures for every target (and member) of a plan, as one bulk upload. */
async function figuresFor(store: Store, plan: PlanRecord): Promise<MeasurementRow[]> {
  const [targets, members] = await Promise.all([store.listTargets(plan.id), store.listMembers(plan.id)]);
  const rows: MeasurementRow[] = [];
  for (const t of targets) {
    for (let year = plan.startYear; year < plan.startYear + 10; year++) {
      const value = Math.max(0, Math.round(t.value * (0.5 + ((t.id * 7 + year) % 10) / 15)));
      if (t.base !== null) continue;
      const inScope = t.each === null ? [] : membersForScope(t.each, members);
      if (inScope.length > 0)
        for (const m of inScope) rows.push({ targetId: t.id, year, member: m.name, value });
      else rows.push({ targetId: t.id, year, value });
    }
  }
  return rows;
}

/** Imports `count` copies of the seed plans (each its own file hash) with their figures. */
async function grow(store: Store, count: number): Promise<{ rows: number; ms: number }> {
  let rows = 0;
  let ms = 0;
  for (let i = 0; i < count; i++) {
    const seed = SEED_PLANS[i % SEED_PLANS.length]!;
    const data = Buffer.concat([
      fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'plans', seed.file)),
      Buffer.from('\n'.repeat(i + 1)),
    ]);
    const { plan } = await importPlanFile(
      store,
      seed.file,
      data,
      {
        title: `${seed.title}（副本 ${i + 1}）`,
        issuer: seed.issuer,
        year: seed.year,
        jurisdiction: seed.jurisdiction,
        // Published like the demo's plans: the copies stand for plans every role reads.
        state: 'published',
      },
      'bench',
    );
    const figures = await figuresFor(store, plan);
    const t0 = performance.now();
    try {
      await store.recordMeasurements(figures, 'bench');
      rows += figures.length;
    } catch (e) {
      console.log(JSON.stringify((e as { issues?: unknown[] }).issues?.slice(0, 3) ?? String(e)));
    }
    ms += performance.now() - t0;
  }
  return { rows, ms };
}

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
    const grown = await grow(store, plans);
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
    const db = createDatabase({ database: big });
    console.log(`query plan of a plan's current figures (${name}):`);
    for (const line of await explainQuery(db, currentMeasurementsQuery(db, { planId: 1 })))
      console.log(`  ${line}`);
    await db.destroy();
  }
}
