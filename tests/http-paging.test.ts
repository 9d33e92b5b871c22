import { describe, expect, it } from 'vitest';
import { expectEnvelope, useSeededServer } from './support/http-harness';

const env = useSeededServer();

describe('paged lists', () => {
  it('pages the plans by limit and cursor, with the total in X-Total-Count', async () => {
    const c = env.users.leader;
    const first = await c.call('GET', '/api/plans?limit=1');
    expect(first.body).toHaveLength(1);
    expect(first.headers.get('x-total-count')).toBe('2');
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toBe(String(first.body[0].id));
    const second = await c.call('GET', `/api/plans?limit=1&after=${cursor}`);
    expect(second.body.map((p: { id: number }) => p.id)).not.toContain(first.body[0].id);
    expect(second.body).toHaveLength(1);
    expect(second.headers.get('x-next-cursor')).toBeNull();
  });

  it('pages the responsible units with each unit its task count', async () => {
    const c = env.users.leader;
    const all = (await c.call('GET', '/api/units?limit=500')).body as { id: number; taskCount: number }[];
    const total = Number((await c.call('GET', '/api/units?limit=3')).headers.get('x-total-count'));
    expect(total).toBe(all.length);
    const pages: { id: number; taskCount: number }[] = [];
    let after = 0;
    for (;;) {
      const r = await c.call('GET', `/api/units?limit=7&after=${after}`);
      pages.push(...r.body);
      const next = r.headers.get('x-next-cursor');
      if (next === null) break;
      after = Number(next);
    }
    expect(pages).toEqual(all);
    expect(all.every((u) => u.taskCount > 0)).toBe(true);
  });

  it('refuses a limit past 500 naming the field', async () => {
    expectEnvelope(await env.users.leader.call('GET', '/api/units?limit=501'), 400, 'validation_failed');
  });

  it('gives the plans page every plan with the counts of its progress view, in one request', async () => {
    const c = env.users.leader;
    const page = (await c.call('GET', '/api/plan-summaries')).body;
    expect(page.total).toBe(2);
    expect(page.nextCursor).toBeNull();
    for (const summary of page.items) {
      const view = (await c.call('GET', `/api/plans/${summary.plan.id}/progress`)).body;
      expect(summary).toEqual({
        plan: expect.objectContaining({ id: view.plan.id, title: view.plan.title }),
        taskCount: view.tasks.length,
        targetCount: view.targets.length,
        asOfYear: view.asOfYear,
        statusCounts: view.statusCounts,
        attainment: view.attainment,
        overallCompletion: view.overallCompletion,
        // Every target of a freshly imported plan is still 待确认.
        reviewCounts: { pending: view.targets.length, confirmed: 0, edited: 0, manual: 0 },
      });
    }
  });
});
