/**
 * The progress answer names each task once and pages its targets: a task with hundreds of
 * targets sends its text one time, the answer grows with the targets (not targets × text),
 * the pages cover every target exactly once, and one target can be asked for alone; a reader
 * who holds the current answer is told 304.
 */
import { describe, expect, it } from 'vitest';
import { PLAN_LIMITS } from '../src/db/validate-plan';
import { useSeededServer, type Reply } from './support/http-harness';

const env = useSeededServer();

/** A task-division table whose one task lists `n` quantified targets. */
function planWithTargets(n: number, tag: string): string {
  const targets = Array.from({ length: n }, (_, i) => `建成第${i + 1}类${tag}设施 ${i + 3} 个`).join('，');
  return `序号\t工作任务\t牵头单位\n1\t${targets}\t市住建局\n`;
}

async function importPlan(n: number, tag: string): Promise<number> {
  const r = await env.users.evaluator.call('POST', '/api/plans', {
    title: `${tag}方案`,
    text: planWithTargets(n, tag),
  });
  expect(r.status).toBe(201);
  // An import is a draft; published, every role reads its progress.
  const published = await env.users.evaluator.call('POST', `/api/plans/${r.body.plan.id}/publish`, {
    revision: r.body.plan.revision,
  });
  expect(published.status).toBe(200);
  return r.body.plan.id;
}

describe('the progress answer', () => {
  it('sends a long task’s text once and grows in proportion to its targets', async () => {
    const n = Math.min(400, PLAN_LIMITS.targetsPerTask);
    const small = await importPlan(n / 2, '甲');
    const large = await importPlan(n, '乙');
    const read = async (id: number) => {
      const r = await env.users.leader.call('GET', `/api/plans/${id}/progress?limit=2000`);
      expect(r.status).toBe(200);
      return { body: r.body, bytes: JSON.stringify(r.body).length };
    };
    const a = await read(small);
    const b = await read(large);
    expect(b.body.tasks).toHaveLength(1);
    expect(b.body.targets).toHaveLength(n);
    expect(b.body.targets.every((t: { taskId: number }) => t.taskId === b.body.tasks[0].taskId)).toBe(true);
    const text = b.body.tasks[0].text as string;
    expect(JSON.stringify(b.body).split(text).length - 1).toBe(1);
    // Twice the targets, about twice the bytes (the old answer was four times as big).
    expect(b.bytes / a.bytes).toBeLessThan(2.3);
  });

  it('pages the targets with limit and offset, every target once, the total in X-Total-Count', async () => {
    const id = await importPlan(120, '丙');
    const seen: number[] = [];
    let offset: string | null = '0';
    let pages = 0;
    while (offset !== null) {
      const r: Reply = await env.users.leader.call(
        'GET',
        `/api/plans/${id}/progress?limit=50&offset=${offset}`,
      );
      expect(r.headers.get('x-total-count')).toBe('120');
      expect(r.body.statusCounts.unreported).toBe(120);
      seen.push(...r.body.targets.map((t: { targetId: number }) => t.targetId));
      offset = r.headers.get('x-next-cursor');
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(120);
    const one = await env.users.leader.call('GET', `/api/plans/${id}/progress?target=${seen[7]}`);
    expect(one.body.targets.map((t: { targetId: number }) => t.targetId)).toEqual([seen[7]]);
    expect(one.body.tasks).toHaveLength(1);
    expect(one.headers.get('x-total-count')).toBe('1');
    const bad = await env.users.leader.call('GET', `/api/plans/${id}/progress?limit=0`);
    expect(bad.status).toBe(400);
  });

  it('answers a reader who holds the current answer with 304, and a new figure with a new answer', async () => {
    const id = await importPlan(3, '丁');
    const path = `/api/plans/${id}/progress`;
    const first = await env.users.leader.call('GET', path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await env.users.leader.raw(path, {
      headers: { authorization: `Bearer ${env.users.leader.token}`, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const target = first.body.targets[0].targetId as number;
    const wrote = await env.users.admin.call('POST', `/api/targets/${target}/measurements`, {
      year: first.body.asOfYear,
      value: 5,
      revision: 0,
    });
    expect(wrote.status).toBe(201);
    const after = await env.users.leader.raw(path, {
      headers: { authorization: `Bearer ${env.users.leader.token}`, 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const row = (
      (await after.json()) as { targets: { targetId: number; progress: { latest: unknown } }[] }
    ).targets.find((t) => t.targetId === target)!;
    expect(row.progress.latest).toMatchObject({ value: 5 });
    // Compressed once for the readers that take it; plain for those that do not, under its own ETag.
    expect(['br', 'gzip']).toContain(after.headers.get('content-encoding'));
    const plain = await env.users.leader.raw(path, {
      headers: { authorization: `Bearer ${env.users.leader.token}`, 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('etag')).not.toBe(after.headers.get('etag'));
    expect(JSON.parse(await plain.text()).targets).toHaveLength(3);
    // Another page of the same view is another answer.
    const page = await env.users.leader.call('GET', `${path}?limit=1`);
    expect(page.body.targets).toHaveLength(1);
    expect(page.headers.get('etag')).not.toBe(after.headers.get('etag'));
  });
});
