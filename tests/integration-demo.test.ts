/**
 * The product on first start: `dabiao demo` builds the database from the two seed plans with
 * example figures, prints the address and demo logins, and on a second start adds nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer } from './support/child-server';
import { login, type Client } from './support/http-harness';

let dir: string;
let database: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-demo-'));
  database = path.join(dir, 'nested', 'dabiao.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Plans, how many current figures each holds, and the statuses they produce. */
async function state(c: Client) {
  const plans = (await c.call('GET', '/api/plans')).body as { id: number; title: string }[];
  const out = [];
  for (const plan of plans) {
    const template = (await c.call('GET', `/api/plans/${plan.id}/measurements/template.csv`)).body.toString(
      'utf8',
    );
    const progress = (await c.call('GET', `/api/plans/${plan.id}/progress?year=2025`)).body;
    out.push({ id: plan.id, title: plan.title, template, counts: progress.statusCounts });
  }
  return out;
}

describe('dabiao demo', () => {
  let first: Awaited<ReturnType<typeof state>>;

  it('creates the database, imports both seed plans with example figures, and prints the demo logins', async () => {
    const server = await startChildServer(database, {}, 'demo');
    try {
      const out = server.output();
      expect(out).toMatch(/达标已启动：http:\/\/localhost:\d+/);
      for (const login of ['admin', 'statistician', 'evaluator', 'leader'])
        expect(out).toContain(`${login} `);
      expect(out).toContain('demo-leader');
      expect(out).toContain('仅供演示');
      const leader = await login(server.url, 'leader', 'demo-leader');
      first = await state(leader);
      expect(first.map((p) => p.title)).toEqual([
        expect.stringContaining('吉林市'),
        expect.stringContaining('四平市'),
      ]);
      const total = { met: 0, on_track: 0, behind: 0, missed: 0, unreported: 0 };
      for (const p of first)
        for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += p.counts[k];
      // The example figures are chosen so that every status occurs.
      for (const [status, n] of Object.entries(total)) expect(n, status).toBeGreaterThan(0);
      const members = (await leader.call('GET', `/api/plans/${first[0]!.id}/members`)).body;
      expect(members.map((m: { name: string }) => m.name)).toContain('磐石市');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('finds its data on a second start and duplicates nothing', async () => {
    const server = await startChildServer(database, {}, 'demo');
    try {
      expect(await state(await login(server.url, 'leader', 'demo-leader'))).toEqual(first);
    } finally {
      await server.stop();
    }
  });

  it('starts again from nothing with --fresh', async () => {
    const leaderBefore = await (async () => {
      const server = await startChildServer(database, {}, 'demo');
      const c = await login(server.url, 'statistician', 'demo-statistician');
      const target = (await c.call('GET', `/api/plans/${first[1]!.id}/targets`)).body[0];
      await c.call('POST', `/api/targets/${target.id}/measurements`, {
        year: 2025,
        value: 999,
        note: '会被清除',
      });
      await server.stop();
      return target.id as number;
    })();
    const server = await startChildServer(database, {}, 'demo', ['--fresh']);
    try {
      const c = await login(server.url, 'leader', 'demo-leader');
      expect(await state(c)).toEqual(first);
      const figures = (await c.call('GET', `/api/targets/${leaderBefore}/measurements`)).body.current;
      expect(figures.some((m: { note: string | null }) => m.note === '会被清除')).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
