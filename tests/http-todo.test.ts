/**
 * 待办 over HTTP: a statistician bound to 市教育局 is asked for its unit's figures due this
 * year (催报) and no other unit's, sees a figure it sent wait for verification, sees it come
 * back with the reason when returned, and sends it again with the same value; the header's
 * count says the same. Evaluators see what waits for them; leaders have nothing to do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TargetRecord } from '../src/db/store';
import { login, useSeededServer, type Client } from './support/http-harness';
import { dialects } from './support/store-dialects';

describe.each(dialects)('待办 ($name)', (dialect) => {
  const env = useSeededServer({ dialect });
  let jiaoyu: Client;
  let caizheng: Client;
  let education: TargetRecord;
  let notEducation: TargetRecord;
  let expectedYear: number;

  beforeAll(async () => {
    const { store } = env.server;
    for (const [username, unit] of [
      ['jiaoyu', '市教育局'],
      ['caizheng', '市财政局'],
    ] as const)
      await store.createUser({
        username,
        displayName: username,
        role: 'statistician',
        password: `${username}-pass-1`,
        units: [unit],
      });
    jiaoyu = await login(env.server.url, 'jiaoyu', 'jiaoyu-pass-1');
    caizheng = await login(env.server.url, 'caizheng', 'caizheng-pass-1');
    const plan = env.seeded.jilin;
    const tasks = [...(await store.listTasks(plan.id)), ...(await store.listTasks(env.seeded.siping.id))];
    const unitsOf = new Map(tasks.map((t) => [t.id, t.units.map((u) => u.name)]));
    const whole = env.seeded.jilinTargets.filter((t) => t.each === null && t.base === null);
    education = whole.find((t) => unitsOf.get(t.taskId)!.includes('市教育局'))!;
    // Any target of either plan whose task leaves 市教育局 out.
    notEducation = [...env.seeded.jilinTargets, ...env.seeded.sipingTargets].find(
      (t) => !unitsOf.get(t.taskId)!.includes('市教育局'),
    )!;
    expect(education).toBeDefined();
    expect(notEducation).toBeDefined();
    expectedYear = Math.min(
      new Date().getFullYear(),
      plan.horizonYear,
      education.deadline ?? plan.horizonYear,
    );
  });

  const todo = async (client: Client) => {
    const r = await client.call('GET', '/api/todo');
    expect(r.status).toBe(200);
    return r.body;
  };
  const has = (list: { targetId: number }[], id: number) => list.some((x) => x.targetId === id);

  it('asks a statistician for its own unit’s figures due this year, and not for other units’', async () => {
    const mine = await todo(jiaoyu);
    const item = mine.due.find((x: { targetId: number }) => x.targetId === education.id);
    expect(item).toMatchObject({
      year: expectedYear,
      member: null,
      value: null,
      planId: env.seeded.jilin.id,
    });
    expect(has(mine.due, notEducation.id)).toBe(false);
    expect(mine.returned).toEqual([]);
    expect(has((await todo(caizheng)).due, education.id)).toBe(false);
    const count = await jiaoyu.call('GET', '/api/todo/count');
    expect(count.body).toEqual({ ...mine.counts, total: mine.counts.returned + mine.counts.due });
  });

  it('moves a sent figure to 待核实, back to 退回 with the reason, and re-sends it with the same value', async () => {
    const sent = await jiaoyu.call('POST', `/api/targets/${education.id}/measurements`, {
      year: expectedYear,
      value: 7,
    });
    expect(sent.status).toBe(201);
    let mine = await todo(jiaoyu);
    expect(has(mine.due, education.id)).toBe(false);
    expect(mine.awaiting.find((x: { targetId: number }) => x.targetId === education.id)).toMatchObject({
      value: 7,
      enteredBy: 'jiaoyu',
    });
    const before = (await jiaoyu.call('GET', '/api/todo/count')).body.total;
    expect(has((await todo(env.users.evaluator)).awaiting, education.id)).toBe(true);

    await env.users.evaluator.call('POST', '/api/measurements/state', {
      targetId: education.id,
      year: expectedYear,
      state: 'returned',
      revision: sent.body.revision,
      reason: '请补充统计口径说明',
    });
    mine = await todo(jiaoyu);
    expect(mine.returned.find((x: { targetId: number }) => x.targetId === education.id)).toMatchObject({
      value: 7,
      reason: '请补充统计口径说明',
      verifiedBy: 'evaluator',
      enteredBy: 'jiaoyu',
    });
    expect((await jiaoyu.call('GET', '/api/todo/count')).body.total).toBe(before + 1);
    expect(has((await todo(caizheng)).returned, education.id)).toBe(false);
    expect(has((await todo(env.users.evaluator)).awaiting, education.id)).toBe(false);

    const again = await jiaoyu.call('POST', `/api/targets/${education.id}/measurements`, {
      year: expectedYear,
      value: 7,
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ state: 'reported', revision: sent.body.revision + 2 });
    mine = await todo(jiaoyu);
    expect(has(mine.returned, education.id)).toBe(false);
    expect(has(mine.awaiting, education.id)).toBe(true);
  });

  it('gives leaders nothing to do and counts what waits on an evaluator', async () => {
    expect((await env.users.leader.call('GET', '/api/todo/count')).body).toEqual({
      returned: 0,
      due: 0,
      awaiting: 0,
      total: 0,
    });
    const evaluator = await todo(env.users.evaluator);
    expect(evaluator.due).toEqual([]);
    expect(evaluator.counts.total).toBe(evaluator.counts.awaiting);
    expect((await fetch(`${env.server.url}/api/todo`)).status).toBe(401);
  });
});
