/** 退回 with its reason, 填报人 apart from 核实人, and a returned figure sent again (form or upload). */
import { describe, expect, it } from 'vitest';
import { expectEnvelope, useSeededServer } from './support/http-harness';
import { plainTarget } from './support/http-seed';

const env = useSeededServer();

describe('returning a figure', () => {
  it('needs a reason, keeps it, and names who entered and who returned apart', async () => {
    const t = plainTarget(env.seeded.sipingTargets);
    const entered = await env.users.statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 2024,
      value: 3,
    });
    expect(entered.status).toBe(201);
    const state = { targetId: t.id, year: 2024, state: 'returned', revision: entered.body.revision };
    const bare = await env.users.evaluator.call('POST', '/api/measurements/state', state);
    expectEnvelope(bare, 400, 'validation_failed');
    expect(bare.body.error.issues[0].path).toEqual(['reason']);
    const r = await env.users.evaluator.call('POST', '/api/measurements/state', {
      ...state,
      reason: '与年报不一致',
    });
    expect(r.body).toMatchObject({
      state: 'returned',
      reason: '与年报不一致',
      enteredBy: 'statistician',
      enteredAt: entered.body.enteredAt,
      verifiedBy: 'evaluator',
    });
    expect(r.body.verifiedAt >= entered.body.enteredAt).toBe(true);
  });

  it('an upload of the same value again submits a returned figure anew', async () => {
    const t = plainTarget(env.seeded.jilinTargets);
    const first = await env.users.statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 2024,
      value: 5,
    });
    await env.users.evaluator.call('POST', '/api/measurements/state', {
      targetId: t.id,
      year: 2024,
      state: 'returned',
      revision: first.body.revision,
      reason: '请附佐证',
    });
    const csv = `目标编号,年度,成员,数值\n${t.id},2024,,5\n`;
    const up = await env.users.statistician.upload(
      `/api/plans/${env.seeded.jilin.id}/measurements/upload`,
      'again.csv',
      csv,
    );
    expect(up.body).toMatchObject({ recorded: 1, unchanged: 0 });
    const read = (await env.users.leader.call('GET', `/api/targets/${t.id}/measurements`)).body;
    expect(read.current.find((m: { year: number }) => m.year === 2024)).toMatchObject({
      value: 5,
      state: 'reported',
      reason: null,
      verifiedBy: null,
    });
  });
});
