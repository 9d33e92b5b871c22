/**
 * Reports drawn off the event loop, on a real server: while four reports are drawn on the
 * render workers (at the lowest thread priority) the health check still answers; ten simultaneous requests for one uncached
 * report get the same PDF from one drawing; past the queue a request is told 503 with
 * Retry-After in the one error envelope. Speed itself is measured in `npm run bench scale`.
 */
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { expectEnvelope, readReply, useSeededServer, type SeededServer } from './support/http-harness';

/** The nice value of every thread of this process (Linux keeps one per thread). */
function threadNiceValues(): number[] {
  return fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the command name in parentheses; nice is the 19th field of the line.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

/** A unit answering for few targets: a short report, drawn in seconds. */
const UNIT = encodeURIComponent('市人社局');
const reportPath = (env: SeededServer, query: string) =>
  `/api/plans/${env.seeded.jilin.id}/report.pdf?unit=${UNIT}&${query}`;
const get = (env: SeededServer, path: string) =>
  env.users.leader
    .raw(path, { headers: { authorization: `Bearer ${env.users.leader.token}` } })
    .then(readReply);

describe('with two render workers and a queue of eight', () => {
  const env = useSeededServer({ overrides: { renderThreads: 2, renderQueue: 8 } });

  it('answers the health check while four reports are being drawn', async () => {
    let pending = 4;
    const reports = ['year=2023', 'year=2024', 'year=2025', 'year=2024&verified=1'].map(async (q) => {
      const r = await get(env, reportPath(env, q));
      pending--;
      return r;
    });
    const health: { status: number; whileDrawing: number }[] = [];
    // Asked once both workers are drawing and two reports wait, then again until all are done.
    const { renderer } = env.server.running;
    while (renderer.load().running + renderer.load().waiting < 4)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(renderer.load()).toEqual({ running: 2, waiting: 2 });
    // Every 20 ms, as a load balancer would check (far more often): asked back to back, the
    // checks took the CPU the drawings needed and made them last three times as long.
    while (pending > 0) {
      const res = await fetch(`${env.server.url}/api/health`);
      health.push({ status: res.status, whileDrawing: pending });
      await res.json();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The drawing threads run at the lowest priority, the thread answering requests does not.
    // (The threads stay, idle, after the drawings.)
    expect(os.getPriority()).toBe(0);
    expect(threadNiceValues().filter((n) => n === 19).length).toBeGreaterThanOrEqual(2);
    for (const r of await Promise.all(reports)) {
      expect(r.status).toBe(200);
      expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(health.length).toBeGreaterThan(1);
    expect(health.every((h) => h.status === 200)).toBe(true);
    // Answered while all four reports were still being drawn, not only between them.
    expect(health[0]!.whileDrawing).toBe(4);
  });

  it('draws a report asked for ten times at once once, and gives all ten the same PDF', async () => {
    // Counted from an idle renderer, whatever the test before left drawing.
    const { renderer } = env.server.running;
    await expect.poll(() => renderer.load(), { timeout: 60_000 }).toEqual({ running: 0, waiting: 0 });
    const before = env.server.running.renderer.drawn();
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => get(env, reportPath(env, 'year=2022'))),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(replies.map((r) => r.headers.get('etag'))).size).toBe(1);
    expect(replies.every((r) => r.body.equals(replies[0]!.body))).toBe(true);
    expect(env.server.running.renderer.drawn() - before).toBe(1);
  });
});

describe('with one render worker and a queue of one', () => {
  const env = useSeededServer({ overrides: { renderThreads: 1, renderQueue: 1 } });

  it('tells the requests past the queue 503 with Retry-After, and draws the others', async () => {
    const replies = await Promise.all(
      ['year=2023', 'year=2024', 'year=2025', 'year=2023&verified=1'].map((q) =>
        get(env, reportPath(env, q)),
      ),
    );
    const busy = replies.filter((r) => r.status === 503);
    const drawn = replies.filter((r) => r.status === 200);
    expect(drawn).toHaveLength(2);
    expect(busy).toHaveLength(2);
    for (const r of busy) {
      expect(r.headers.get('retry-after')).toBe('5');
      expectEnvelope(r, 503, 'unavailable');
      expect(r.body.error.message).toMatch(/繁忙/);
    }
    // Once the queue has drained the same report is drawn.
    const again = await get(env, reportPath(env, 'year=2025'));
    expect(again.status).toBe(200);
  });
});
