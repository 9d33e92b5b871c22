/**
 * HTTP service speed over a real SQLite file with the demo data: each figure against an
 * in-process reference in the same run — progress over HTTP vs `loadPlanProgress` called
 * directly; 100 figures in one bulk upload vs 100 single requests; charts and the report
 * first drawn vs served from the content cache vs revalidated (304).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { openStore } from '../src/db/open-store';
import { seedDemo } from '../src/demo/seed-demo';
import { writeCsv } from '../src/documents/csv';
import { TEMPLATE_COLUMNS } from '../src/app/measurement-template';
import { startServer } from '../src/http/start-server';
import { loadPlanProgress } from '../src/app/load-plan-progress';

async function ms(work: () => Promise<unknown>, times = 1): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < times; i++) await work();
  return (performance.now() - t0) / times;
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-bench-http-'));
  const config = loadConfig({}, { database: path.join(dir, 'd.db'), port: 0, host: '127.0.0.1' });
  const rows: [string, string][] = [];
  const startMs = await ms(async () => {
    const s = await openStore(config);
    await (await startServer(config, s)).close();
  });
  rows.push(['open store + start + stop server (empty file)', `${startMs.toFixed(0)} ms`]);

  const store = await openStore(config);
  const seeded = await seedDemo(store);
  await store.createUser({ username: 'bench', displayName: '基准', role: 'admin', password: 'bench-pass-1' });
  const server = await startServer(config, store);
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-pass-1' }),
  });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const get = (p: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${p}`, { headers: { ...auth, ...headers } });
  const plan = seeded[0]!.plan;

  const direct = await ms(() => loadPlanProgress(store, plan.id, { asOfYear: 2025 }), 30);
  const viaHttp = await ms(async () => (await get(`/api/plans/${plan.id}/progress?year=2025`)).json(), 30);
  rows.push(['plan progress: loadPlanProgress in process (reference)', `${direct.toFixed(1)} ms`]);
  rows.push(['plan progress: GET /api/plans/:id/progress', `${viaHttp.toFixed(1)} ms`]);

  const targets = (await store.listTargets(plan.id)).filter((t) => t.each === null && t.base === null);
  const figures = Array.from({ length: 100 }, (_, i) => ({
    target: targets[i % targets.length]!,
    year: 2030 + Math.floor(i / targets.length),
  }));
  const single = await ms(async () => {
    for (const f of figures) {
      await fetch(`${server.url}/api/targets/${f.target.id}/measurements`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ year: f.year, value: 1 }),
      });
    }
  });
  const csv = writeCsv([
    [...TEMPLATE_COLUMNS],
    ...figures.map((f) =>
      TEMPLATE_COLUMNS.map((c) =>
        c === '目标编号' ? f.target.id : c === '年度' ? f.year : c === '数值' ? 2 : null,
      ),
    ),
  ]);
  const bulk = await ms(async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(csv)]), 'bench.csv');
    const r = await fetch(`${server.url}/api/plans/${plan.id}/measurements/upload`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    if (r.status !== 200) throw new Error(`upload ${r.status}: ${await r.text()}`);
  });
  rows.push(['100 figures, one POST each (reference)', `${single.toFixed(0)} ms`]);
  rows.push(['100 figures, one CSV bulk upload', `${bulk.toFixed(0)} ms`]);

  for (const [label, p] of [
    ['overview.png', `/api/plans/${plan.id}/charts/overview.png?year=2025`],
    ['report.pdf', `/api/plans/${plan.id}/report.pdf?year=2025`],
  ] as const) {
    let etag = '';
    const first = await ms(async () => (etag = (await get(p)).headers.get('etag') ?? ''));
    const cached = await ms(async () => (await get(p)).arrayBuffer(), 10);
    const revalidated = await ms(async () => {
      const r = await get(p, { 'if-none-match': etag });
      if (r.status !== 304) throw new Error(`expected 304, got ${r.status}`);
    }, 10);
    rows.push([`${label}: first`, `${first.toFixed(0)} ms`]);
    rows.push([`${label}: again, from the content cache`, `${cached.toFixed(1)} ms`]);
    rows.push([`${label}: revalidated (304)`, `${revalidated.toFixed(1)} ms`]);
  }

  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const width = Math.max(...rows.map(([l]) => l.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}
