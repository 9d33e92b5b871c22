/**
 * A plan too big to read back in proportion is refused at import, naming the limit, and
 * nothing of it is stored: 10,000 targets in one task once made every progress read fail.
 */
import { describe, expect, it } from 'vitest';
import { PLAN_LIMITS } from '../src/db/validate-plan';
import { expectEnvelope, useSeededServer } from './support/http-harness';

const env = useSeededServer();

/** A task-division table whose one task lists `n` quantified targets. */
function planWithTargets(n: number): string {
  const targets = Array.from({ length: n }, (_, i) => `建成第${i + 1}类设施 ${i + 3} 个`).join('，');
  return `序号\t工作任务\t牵头单位\n1\t${targets}\t市住建局\n`;
}

describe('plan size limits at import', () => {
  it(`refuses a task with more than ${PLAN_LIMITS.targetsPerTask} targets and stores nothing`, async () => {
    const before = (await env.users.evaluator.call('GET', '/api/plans')).body;
    const r = await env.users.evaluator.call('POST', '/api/plans', {
      title: '超大方案',
      text: planWithTargets(PLAN_LIMITS.targetsPerTask + 50),
    });
    expectEnvelope(r, 422, 'unprocessable');
    expect(r.body.error.issues[0].path).toEqual(['tasks', 0, 'targets']);
    expect(r.body.error.issues[0].message).toContain(`超过上限 ${PLAN_LIMITS.targetsPerTask} 个`);
    expect((await env.users.evaluator.call('GET', '/api/plans')).body).toEqual(before);
  });

  it('imports a task at the limit', async () => {
    const r = await env.users.evaluator.call('POST', '/api/plans', {
      title: '到上限的方案',
      text: planWithTargets(PLAN_LIMITS.targetsPerTask),
    });
    expect(r.status).toBe(201);
    expect(r.body.targets).toBe(PLAN_LIMITS.targetsPerTask);
  });
});
