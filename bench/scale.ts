/**
 * `npm run bench scale [-- --plans N]`: whether reads stay proportional to their answer as
 * the database grows. Builds the demo database (2 plans) and a database of N more plans
 * (copies of the seed plans, each with 10 years of figures for every target and member),
 * both through the product's own write path (importPlanFile, recordMeasurements), on SQLite
 * and on PostgreSQL when one answers. Every measurement runs against `dabiao serve` started
 * as a child process (its own event loop, as in production) and loaded with autocannon from
 * this process over loopback: the main routes with 4 connections on both databases and the
 * growth ratio; /api/health while reports render in the server's worker threads; single
 * figure writes over HTTP against a bare one-row insert of as many rows; on PostgreSQL, one
 * instance against two on the same database under a mixed load. Also the bulk write against
 * a bare multi-row insert of the same rows and the query plan of a plan's current figures.
 * Default N = 10 so CI-sized runs finish; `--plans 1000` for the province figure.
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDatabase } from '../src/db/database';
import { explainQuery } from '../src/db/explain-query';
import { currentMeasurementsQuery } from '../src/db/measurement-series';
import { openStore } from '../src/db/open-store';
import { seedBench } from '../src/demo/seed-bench';
import { seedDemo } from '../src/demo/seed-demo';
import { YEAR_BOUNDS } from '../src/shared/vocabulary.js';
import { startChildServer } from '../tests/support/child-server';

const CLIENTS = 4;
const DURATION_MS = 2000;
/** Untimed requests per load before it is measured: the child's JIT and caches warm up. */
const WARMUP = 200;
/** The mixed load of "two instances vs one": connections in all and its length. */
const MIXED_CLIENTS = 8;
const MIXED_DURATION_MS = 3000;
/**
 * scrypt cost of the bench user's hash and of the spawned servers (DABIAO_PASSWORD_COST), the
 * same on both sides so a sign-in checks the stored hash and rehashes nothing.
 */
const PASSWORD_COST = 10;
const BENCH_USER = { username: 'bench', password: 'bench-pass-1' };
/** What a browser (and undici's fetch) asks for: the server compresses JSON as it would in use. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

const ROUTES: Record<string, string> = {
  'GET /api/plans/1/progress': '/api/plans/1/progress',
  'GET /api/units (first page)': '/api/units',
  'GET /api/plans (first page)': '/api/plans',
  'GET /api/plan-summaries (plans page)': '/api/plan-summaries?limit=20',
};

/**
 * autocannon's latencies (whole milliseconds: its histogram's resolution; it has no p95, so
 * p97.5 stands next to p99) and completed requests per second.
 */
interface Latency {
  p50: number;
  p97_5: number;
  p99: number;
  rps: number;
  /** 2xx answers in the measured run. */
  count: number;
}

interface ServerProcess {
  url: string;
  /** SIGTERM, then waits for the exit; throws when it did not exit with 0. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `dabiao serve` on `database` and a free loopback port (tests/support/child-server.ts),
 * resolved once `GET /api/ready` answers 200. Request log off (warn: 5xx still printed),
 * reports in a temporary directory.
 */
async function spawnServer(database: string): Promise<ServerProcess> {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-scale-reports-'));
  const env = {
    DABIAO_PASSWORD_COST: String(PASSWORD_COST),
    DABIAO_LOG_LEVEL: 'warn',
    DABIAO_REPORTS_DIR: reports,
  };
  const server = await startChildServer(database, env, 'serve', ['--host', '127.0.0.1'], 60_000).catch(
    (e: unknown) => {
      fs.rmSync(reports, { recursive: true, force: true });
      throw e;
    },
  );
  const stop = async () => {
    const code = await server.stop();
    fs.rmSync(reports, { recursive: true, force: true });
    return code;
  };
  const url = `http://127.0.0.1:${new URL(server.url).port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${url}/api/ready`).catch(() => null);
    await res?.arrayBuffer();
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`dabiao serve was not ready within 60 s:\n${server.output()}`);
    }
    await sleep(100);
  }
  return {
    url,
    async stop() {
      const code = await stop();
      if (code !== 0) throw new Error(`dabiao serve exited with ${code} on SIGTERM:\n${server.output()}`);
    },
  };
}

/** Starts `count` servers on `database`, runs `work` against them, stops them all. */
async function withServers<T>(
  database: string,
  count: number,
  work: (servers: ServerProcess[]) => Promise<T>,
): Promise<T> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => spawnServer(database)));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return await work(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** The bench account, made through the store (at the servers' password cost) before they start. */
async function ensureBenchUser(database: string): Promise<void> {
  const store = await openStore({ database, passwordCost: PASSWORD_COST });
  try {
    if (!(await store.findUser(BENCH_USER.username)))
      await store.createUser({ ...BENCH_USER, displayName: '基准', role: 'admin' });
  } finally {
    await store.close();
  }
}

/** Signs in as the bench user; the session token, good on every instance of the database. */
async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_USER),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

type LoadOptions = Omit<autocannon.Options, 'url'>;

function cannonOptions(url: string, token: string | null, extra: LoadOptions): autocannon.Options {
  return {
    url,
    connections: CLIENTS,
    ...extra,
    headers: {
      'accept-encoding': ACCEPT_ENCODING,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...extra.headers,
    },
  };
}

function checked(r: autocannon.Result, what: string): autocannon.Result {
  if (r.non2xx > 0 || r.errors > 0) {
    const codes = Object.entries(r.statusCodeStats ?? {})
      .map(([code, s]) => `${code}: ${s.count ?? 0}`)
      .join(', ');
    throw new Error(`${what}: ${r.non2xx} non-2xx (${codes}), ${r.errors} errors`);
  }
  return r;
}

/** `WARMUP` requests, not measured. */
async function warmUp(url: string, token: string | null, extra: LoadOptions = {}): Promise<void> {
  checked(await autocannon({ ...cannonOptions(url, token, extra), amount: WARMUP }), `${url} (warm-up)`);
}

/** autocannon for `DURATION_MS` (unless `extra` says otherwise); refuses any non-2xx answer. */
async function cannon(url: string, token: string | null, extra: LoadOptions = {}): Promise<Latency> {
  const r = checked(
    await autocannon({ duration: DURATION_MS / 1000, ...cannonOptions(url, token, extra) }),
    url,
  );
  return {
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    rps: r.requests.total / r.duration,
    count: r['2xx'],
  };
}

async function warmAndLoad(url: string, token: string | null, extra: LoadOptions = {}): Promise<Latency> {
  await warmUp(url, token, extra);
  return cannon(url, token, extra);
}

async function measure(database: string): Promise<Map<string, Latency>> {
  await ensureBenchUser(database);
  return withServers(database, 1, async ([server]) => {
    const token = await signIn(server!.url);
    const out = new Map<string, Latency>();
    for (const [name, route] of Object.entries(ROUTES))
      out.set(name, await warmAndLoad(server!.url + route, token));
    return out;
  });
}

const REPORTS = 4;

/**
 * `/api/health` alone, then while ${REPORTS} reports are kept drawing (each a different unit
 * and year, so neither the report cache nor a drawing under way can serve it). The reports are
 * drawn in the server's render threads; the report requests and the load come from here.
 */
async function healthUnderReports(database: string) {
  await ensureBenchUser(database);
  const store = await openStore({ database });
  const units = (await store.pageUnits({ limit: 50 })).items.map((u) => u.name);
  await store.close();
  return withServers(database, 1, async ([server]) => {
    const url = server!.url;
    const token = await signIn(url);
    const alone = await warmAndLoad(`${url}/api/health`, null);
    let next = 0;
    let drawn = 0;
    let running = true;
    const keepDrawing = async () => {
      while (running) {
        const k = next++;
        const unit = encodeURIComponent(units[k % units.length]!);
        const year = 2023 + Math.floor(k / units.length);
        const res = await fetch(`${url}/api/plans/1/report.pdf?unit=${unit}&year=${year}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await res.arrayBuffer();
        if (res.ok) drawn++;
      }
    };
    const drawers = Array.from({ length: REPORTS }, keepDrawing);
    // Let the render threads warm up (the first drawing loads Chart.js, canvas and the fonts).
    while (drawn === 0) await sleep(50);
    const loaded = await cannon(`${url}/api/health`, null);
    running = false;
    await Promise.all(drawers);
    return { alone, loaded, reports: drawn };
  });
}

interface Figure {
  targetId: number;
  year: number;
}

/**
 * Figures of series nobody has entered yet (whole-area targets of the first plans, each year
 * from the latest allowed down, targets in turn so no two requests in flight share a series),
 * handed out one by one: each POST with `revision: 0` is then a new figure, and a 409 would
 * be a real conflict.
 */
async function freshFigures(database: string): Promise<(() => Figure) & { left: () => number }> {
  const store = await openStore({ database });
  const pool: Figure[] = [];
  try {
    const targets: number[] = [];
    const used = new Set<string>();
    for (const plan of (await store.pagePlans({ limit: 20 })).items) {
      for (const t of await store.listTargets(plan.id)) if (t.each === null) targets.push(t.id);
      for (const m of await store.listMeasurements({ planId: plan.id })) used.add(`${m.targetId}|${m.year}`);
    }
    for (let year = YEAR_BOUNDS.max; year >= YEAR_BOUNDS.min; year--)
      for (const targetId of targets) if (!used.has(`${targetId}|${year}`)) pool.push({ targetId, year });
  } finally {
    await store.close();
  }
  let i = 0;
  const next = () => {
    if (i >= pool.length) throw new Error(`all ${pool.length} fresh series written`);
    return pool[i++]!;
  };
  return Object.assign(next, { left: () => pool.length - i });
}

/** One new figure per request: POST /api/targets/:id/measurements, as the figure form sends it. */
function figureRequest(next: () => Figure): autocannon.Request {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => {
      const f = next();
      return {
        ...req,
        path: `/api/targets/${f.targetId}/measurements`,
        body: JSON.stringify({ year: f.year, value: 1, revision: 0 }),
      };
    },
  };
}

/** Single validated, revisioned, audited figure writes over HTTP, `CLIENTS` connections. */
async function singleWrites(database: string, next: () => Figure): Promise<Latency> {
  await ensureBenchUser(database);
  return withServers(database, 1, async ([server]) => {
    const token = await signIn(server!.url);
    return warmAndLoad(server!.url, token, { requests: [figureRequest(next)] });
  });
}

/**
 * The mixed load, 4 reads : 1 write, against one instance with `MIXED_CLIENTS` connections and
 * against two instances on the same database with half the connections each, at the same time.
 */
async function instances(database: string, next: () => Figure) {
  await ensureBenchUser(database);
  const mixed: LoadOptions = {
    duration: MIXED_DURATION_MS / 1000,
    requests: [
      ...Object.values(ROUTES).map((p) => ({ method: 'GET' as const, path: p })),
      figureRequest(next),
    ],
  };
  const one = await withServers(database, 1, async ([server]) => {
    const token = await signIn(server!.url);
    return warmAndLoad(server!.url, token, { ...mixed, connections: MIXED_CLIENTS });
  });
  const two = await withServers(database, 2, async (servers) => {
    const token = await signIn(servers[0]!.url);
    const half = { ...mixed, connections: MIXED_CLIENTS / 2 };
    await Promise.all(servers.map((s) => warmUp(s.url, token, half)));
    return Promise.all(servers.map((s) => cannon(s.url, token, half)));
  });
  return { one, two };
}

/** The target the bare rows are written against (their members set them apart). */
const firstTarget = (db: ReturnType<typeof createDatabase>) =>
  db.selectFrom('targets').select(['id', 'plan_id']).orderBy('id').executeTakeFirstOrThrow();

const bareRow = (target: { id: number; plan_id: number }, k: number) => ({
  target_id: target.id,
  plan_id: target.plan_id,
  year: 3000 + (k % 50),
  member: `bare-${k}`,
  revision: 1,
  value: 1,
  numerator: null,
  denominator: null,
  note: null,
  state: 'reported',
  entered_by: 'bench',
  entered_at: new Date().toISOString(),
});

/**
 * A bare multi-row insert of `rows` figure rows, 400 to a statement, spread over
 * `transactions` transactions (as many as the bulk path committed): the write path's floor.
 */
async function bareInsert(
  database: string,
  rows: number,
  transactions = 1,
  /** The series to write (one row each, under a member of their own); else rows of one target. */
  series?: { targetId: number; year: number }[],
): Promise<number> {
  const db = createDatabase({ database });
  const planOf = new Map<number, number>();
  if (series) {
    const ids = [...new Set(series.map((f) => f.targetId))];
    for (let i = 0; i < ids.length; i += 400)
      for (const t of await db
        .selectFrom('targets')
        .select(['id', 'plan_id'])
        .where('id', 'in', ids.slice(i, i + 400))
        .execute())
        planOf.set(t.id, t.plan_id);
  }
  const rowAt = (k: number) => {
    const f = series?.[k];
    return f
      ? {
          ...bareRow(target, k),
          target_id: f.targetId,
          plan_id: planOf.get(f.targetId)!,
          year: f.year,
          member: 'bare-',
        }
      : bareRow(target, k);
  };
  const target = await firstTarget(db);
  const per = Math.ceil(rows / transactions);
  const t0 = performance.now();
  for (let start = 0; start < rows; start += per) {
    const end = Math.min(rows, start + per);
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < end; i += 400) {
        const values = Array.from({ length: Math.min(400, end - i) }, (_, k) => rowAt(i + k));
        await trx.insertInto('measurements').values(values).execute();
      }
    });
  }
  const ms = performance.now() - t0;
  await db.deleteFrom('measurements').where('member', 'like', 'bare-%').execute();
  await db.destroy();
  return ms;
}

/** Rows in the one large upload: a province's yearly figures for many plans at once. */
const LARGE_UPLOAD = 10_000;

/**
 * One upload of up to LARGE_UPLOAD new figures (whole-area targets of the first plans, years
 * nobody entered) through the product's bulk path — checked, revisioned, audited, one
 * transaction — against a bare insert of as many rows in one transaction.
 */
async function largeUpload(database: string): Promise<{ rows: number; ms: number; bare: number }> {
  const next = await freshFigures(database);
  // At a small scale, half the fresh series: the single-write run after this needs the rest.
  const count = Math.min(LARGE_UPLOAD, Math.floor(next.left() / 2));
  const rows = Array.from({ length: count }, (_, i) => {
    const f = next();
    return { targetId: f.targetId, year: f.year, value: 1 + (i % 97) };
  });
  const store = await openStore({ database });
  const t0 = performance.now();
  await store.recordMeasurements(rows, 'bench');
  const ms = performance.now() - t0;
  await store.close();
  // The same series, in the same order, so the indexes take the same spread of keys.
  return { rows: rows.length, ms, bare: await bareInsert(database, rows.length, 1, rows) };
}

/** `rows` bare one-row inserts, each its own autocommit statement, one after another. */
async function bareSingleInserts(database: string, rows: number): Promise<number> {
  const db = createDatabase({ database });
  const target = await firstTarget(db);
  const t0 = performance.now();
  for (let k = 0; k < rows; k++) await db.insertInto('measurements').values(bareRow(target, k)).execute();
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

const fmt = (l: Latency) => `p50 ${l.p50} / p97.5 ${l.p97_5} / p99 ${l.p99} ms, ${l.rps.toFixed(0)} req/s`;
const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(2)}` : '— (0 ms)');
const row = (label: string, l: Latency, extra = '') =>
  `| ${label} |${extra} ${l.p50} ms | ${l.p97_5} ms | ${l.p99} ms | ${l.rps.toFixed(0)} |`;

export async function run(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { plans: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const plans = Number(values.plans ?? 10);
  console.log(
    `${plans} plans beside the demo's 2; each load: \`dabiao serve\` as a child process, autocannon from ` +
      `this one over loopback, ${CLIENTS} connections, ${WARMUP} warm-up requests then ${DURATION_MS / 1000} s; ` +
      `latencies in whole ms (autocannon's resolution; it gives p97.5, not p95); ` +
      `${os.availableParallelism()} cores shared by client, server and database`,
  );
  for (const { name, make } of await databases()) {
    const demo = await make();
    const big = await make();
    const seedStart = performance.now();
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
    const seedS = (performance.now() - seedStart) / 1000;
    const bare = await bareInsert(big, grown.rows, seeded.uploads);
    console.log(
      `\n-- ${name}: ${counts[0].total} plans, ${counts[1].total} units, ${grown.rows} figures written (seeded in ${seedS.toFixed(1)} s) --`,
    );
    console.log(
      `bulk writes while seeding (${seeded.uploads} uploads of ${Math.round(grown.rows / seeded.uploads)} rows on average, each its own transaction): ` +
        `${((grown.rows / grown.ms) * 1000).toFixed(0)} rows/s vs bare insert in as many transactions ${((grown.rows / bare) * 1000).toFixed(0)} rows/s (×${(grown.ms / bare).toFixed(2)})`,
    );
    const upload = await largeUpload(big);
    console.log(
      `one upload of ${upload.rows} figures: ${((upload.rows / upload.ms) * 1000).toFixed(0)} rows/s vs bare insert in one transaction ` +
        `${((upload.rows / upload.bare) * 1000).toFixed(0)} rows/s (×${(upload.ms / upload.bare).toFixed(2)})`,
    );
    const small = await measure(demo);
    const large = await measure(big);
    console.log('| route | demo (2 plans) | scaled | p97.5 growth |');
    console.log('|---|---|---|---|');
    for (const [route, d] of small) {
      const l = large.get(route)!;
      console.log(`| ${route} | ${fmt(d)} | ${fmt(l)} | ${ratio(l.p97_5, d.p97_5)} |`);
    }

    const health = await healthUnderReports(big);
    console.log(`\n/api/health (autocannon, ${CLIENTS} connections, ${DURATION_MS / 1000} s), ${name}:`);
    console.log('| | p50 | p97.5 | p99 | req/s |');
    console.log('|---|---|---|---|---|');
    console.log(row('alone', health.alone));
    console.log(row(`while ${REPORTS} reports render`, health.loaded));
    console.log(
      `p99 under rendering ${ratio(health.loaded.p99, health.alone.p99)} of alone; ${health.reports} reports drawn meanwhile`,
    );

    const next = await freshFigures(big);
    const writes = await singleWrites(big, next);
    const bareOne = await bareSingleInserts(big, writes.count);
    const bareRps = (writes.count / bareOne) * 1000;
    console.log(
      `\nsingle writes over HTTP vs bare insert, ${name} (POST /api/targets/:id/measurements, one new figure each, ${CLIENTS} connections, ${DURATION_MS / 1000} s):`,
    );
    console.log('| | p50 | p97.5 | p99 | rows/s |');
    console.log('|---|---|---|---|---|');
    console.log(row('validated, revisioned, audited write over HTTP', writes));
    console.log(
      `| bare one-row insert, autocommit, one connection in a loop (${writes.count} rows, as many as the HTTP run wrote) | | | | ${bareRps.toFixed(0)} |`,
    );
    console.log(
      `bare insert ${bareRps.toFixed(0)} rows/s ÷ HTTP ${writes.rps.toFixed(0)} writes/s: ${ratio(bareRps, writes.rps)}`,
    );

    if (name === 'PostgreSQL') {
      const { one, two } = await instances(big, next);
      const sum = two.reduce((n, l) => n + l.rps, 0);
      console.log(
        `\ntwo instances vs one, ${name}: mixed load (GET progress, units, plans, plan-summaries, POST a new figure, in turn), ` +
          `${MIXED_CLIENTS} connections in all, ${MIXED_DURATION_MS / 1000} s; ` +
          `${os.availableParallelism()} cores shared by the load generator, PostgreSQL and the instances:`,
      );
      console.log('| | connections | p50 | p97.5 | p99 | req/s |');
      console.log('|---|---|---|---|---|---|');
      console.log(row('one instance', one, ` ${MIXED_CLIENTS} |`));
      two.forEach((l, i) => console.log(row(`two instances: #${i + 1}`, l, ` ${MIXED_CLIENTS / 2} |`)));
      console.log(
        `two instances ${sum.toFixed(0)} req/s vs one ${one.rps.toFixed(0)} req/s: ${ratio(sum, one.rps)}`,
      );
    }

    const db = createDatabase({ database: big });
    console.log(`query plan of a plan's current figures (${name}):`);
    for (const line of await explainQuery(db, currentMeasurementsQuery(db, { planId: 1 })))
      console.log(`  ${line}`);
    await db.destroy();
  }
}
