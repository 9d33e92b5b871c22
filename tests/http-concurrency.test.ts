/**
 * Twenty writers at once on every write path, on every database: each answers success or 409
 * (changed by someone else), never 500, and what is stored afterwards is one of the writes.
 */
import { describe, expect, it } from 'vitest';
import { useSeededServer, type Reply } from './support/http-harness';
import { plainTarget } from './support/http-seed';
import { dialects } from './support/store-dialects';

const WRITERS = 20;

function expectSuccessOr409(replies: Reply[]): void {
  const statuses = replies.map((r) => r.status);
  for (const r of replies) {
    if (r.status >= 300) {
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error.message).toMatch(/\//);
    }
  }
  expect(statuses.some((s) => s < 300)).toBe(true);
}

describe.each(dialects.map((d) => [d.name, d] as const))('20 concurrent writers on %s', (_name, dialect) => {
  const env = useSeededServer({ dialect });
  const all = <T>(make: (i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: WRITERS }, (_, i) => make(i)));

  it('task status', async () => {
    const tasks = (await env.users.evaluator.call('GET', `/api/plans/${env.seeded.jilin.id}/tasks`)).body as {
      id: number;
      qualitative: boolean;
    }[];
    const task = tasks.find((t) => t.qualitative)!;
    const statuses = ['done', 'in_progress', 'not_started'];
    expectSuccessOr409(
      await all((i) =>
        env.users.evaluator.call('PATCH', `/api/tasks/${task.id}/status`, { status: statuses[i % 3] }),
      ),
    );
  });

  it('member lists', async () => {
    const path = `/api/plans/${env.seeded.jilin.id}/members`;
    const members = (await env.users.admin.call('GET', path)).body as { name: string; kind: string }[];
    const { revision } = await env.server.store.getPlan(env.seeded.jilin.id);
    expectSuccessOr409(
      await all((i) =>
        env.users.admin.call('PUT', path, {
          revision,
          members: (i % 2 ? [...members].reverse() : members).map((m) => ({ name: m.name, kind: m.kind })),
        }),
      ),
    );
    expect(((await env.users.admin.call('GET', path)).body as unknown[]).length).toBe(members.length);
  });

  it('target edits with the same revision', async () => {
    const t = plainTarget(env.seeded.sipingTargets);
    const replies = await all((i) =>
      env.users.evaluator.call('PATCH', `/api/targets/${t.id}`, {
        revision: t.revision,
        subject: `对象${i}`,
      }),
    );
    expectSuccessOr409(replies);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('the first figure of one target and year', async () => {
    const t = plainTarget(env.seeded.jilinTargets);
    const replies = await all((i) =>
      env.users.statistician.call('POST', `/api/targets/${t.id}/measurements`, { year: 2029, value: i }),
    );
    expectSuccessOr409(replies);
    // Each accepted write is a revision of its own: the last one stands, none half-written.
    const stored = (await env.server.store.listMeasurements({ planId: env.seeded.jilin.id })).find(
      (m) => m.targetId === t.id && m.year === 2029,
    );
    const accepted = replies.filter((r) => r.status < 300);
    expect(accepted.map((r) => r.body.revision).sort((a, b) => a - b)).toContain(stored!.revision);
    expect(accepted.map((r) => r.body.value)).toContain(stored!.value);
  });

  it('figures for different targets of one plan: none is refused', async () => {
    // No two writers share a series, so nothing is a conflict: each must land. (Each write
    // raises its plan's data version; on PostgreSQL taking the plan's row too strongly made
    // writers that had checked the same plan's key deadlock, answered 409.)
    const targets = env.seeded.jilinTargets.filter((t) => t.each === null).slice(0, WRITERS);
    expect(targets.length).toBeGreaterThan(10);
    const replies = await all((i) =>
      env.users.statistician.call('POST', `/api/targets/${targets[i % targets.length]!.id}/measurements`, {
        year: 2030 + Math.floor(i / targets.length),
        value: i,
      }),
    );
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
  });

  it('plan edits', async () => {
    const plan = await env.server.store.getPlan(env.seeded.siping.id);
    const replies = await all((i) =>
      env.users.evaluator.call('PATCH', `/api/plans/${plan.id}`, {
        revision: plan.revision,
        title: `四平方案${i}`,
      }),
    );
    expectSuccessOr409(replies);
    // Every edit was made from the same revision: exactly one lands, the others are told to reload.
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
  });
});
