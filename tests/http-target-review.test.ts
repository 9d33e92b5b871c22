/**
 * Reviewing targets fast over HTTP, on every database the store supports: confirming many
 * in one request (all or nothing), undoing a deletion, splitting and merging, proposing a
 * target from selected words and adding it with its span — by role, with stale revisions and
 * bad input refused.
 */
import { describe, expect, it } from 'vitest';
import { expectEnvelope, useSeededServer } from './support/http-harness';
import { dialects } from './support/store-dialects';
import { ROLES, may } from '../src/shared/index.js';

describe.each(dialects.map((d) => [d.name, d] as const))('target review on %s', (_name, dialect) => {
  const env = useSeededServer({ dialect });
  const store = () => env.server.store;

  it('confirms several targets in one request, all or nothing, evaluators and admins only', async () => {
    const [a, b, c] = env.seeded.sipingTargets;
    const body = { targets: [a, b].map((t) => ({ id: t!.id, revision: t!.revision })) };
    for (const role of ROLES.filter((r) => !may(r, 'editTargets')))
      expectEnvelope(await env.users[role].call('POST', '/api/targets/confirm', body), 403, 'forbidden');
    // One stale revision in the list: nothing is confirmed.
    const stale = { targets: [...body.targets, { id: c!.id, revision: c!.revision + 5 }] };
    expectEnvelope(
      await env.users.evaluator.call('POST', '/api/targets/confirm', stale),
      409,
      'stale_revision',
    );
    expect((await store().getTarget(a!.id)).confirmed).toBe(false);
    expectEnvelope(
      await env.users.evaluator.call('POST', '/api/targets/confirm', { targets: [] }),
      400,
      'validation_failed',
    );
    expectEnvelope(
      await env.users.evaluator.call('POST', '/api/targets/confirm', {
        targets: [body.targets[0], body.targets[0]],
      }),
      422,
      'unprocessable',
    );
    const jilinOne = env.seeded.jilinTargets[0]!;
    expectEnvelope(
      await env.users.evaluator.call('POST', '/api/targets/confirm', {
        targets: [...body.targets, { id: jilinOne.id, revision: jilinOne.revision }],
      }),
      422,
      'unprocessable',
    );
    expectEnvelope(
      await env.users.evaluator.call('POST', '/api/targets/confirm', {
        targets: [{ id: 999999, revision: 1 }],
      }),
      404,
      'not_found',
    );
    const done = await env.users.evaluator.call('POST', '/api/targets/confirm', body);
    expect(
      done.body.map((t: { confirmed: boolean; confirmedBy: string }) => [t.confirmed, t.confirmedBy]),
    ).toEqual([
      [true, 'evaluator'],
      [true, 'evaluator'],
    ]);
  });

  it('undoes a deletion, keeping the history; refuses to restore a live target', async () => {
    const t = env.seeded.sipingTargets[3]!;
    const gone = await env.users.evaluator.call('DELETE', `/api/targets/${t.id}?revision=${t.revision}`);
    expect(gone.body.deleted).toBe(true);
    expect(
      (await env.users.leader.call('GET', `/api/plans/${t.planId}/targets`)).body.map(
        (x: { id: number }) => x.id,
      ),
    ).not.toContain(t.id);
    expectEnvelope(
      await env.users.leader.call('POST', `/api/targets/${t.id}/restore`, { revision: gone.body.revision }),
      403,
      'forbidden',
    );
    expectEnvelope(
      await env.users.evaluator.call('POST', `/api/targets/${t.id}/restore`, { revision: 1 }),
      409,
      'stale_revision',
    );
    const back = await env.users.evaluator.call('POST', `/api/targets/${t.id}/restore`, {
      revision: gone.body.revision,
    });
    expect(back.body).toMatchObject({
      id: t.id,
      deleted: false,
      quote: t.quote,
      revision: gone.body.revision + 1,
    });
    expectEnvelope(
      await env.users.evaluator.call('POST', `/api/targets/${t.id}/restore`, {
        revision: back.body.revision,
      }),
      409,
      'conflict',
    );
    const history = (await env.users.leader.call('GET', `/api/targets/${t.id}`)).body.history;
    expect(history.map((h: { deleted: boolean }) => h.deleted)).toEqual([false, true, false]);
  });

  it('splits a target in two and merges two of one task back into one', async () => {
    const t = env.seeded.jilinTargets.find((x) => x.each === null && x.base === null)!;
    const fields = { quote: t.quote, subject: t.subject, value: t.value, unit: t.unit, op: t.op };
    expectEnvelope(
      await env.users.evaluator.call('POST', `/api/targets/${t.id}/split`, {
        revision: t.revision,
        parts: [fields],
      }),
      400,
      'validation_failed',
    );
    const split = await env.users.evaluator.call('POST', `/api/targets/${t.id}/split`, {
      revision: t.revision,
      parts: [fields, { ...fields, subject: '拆出的目标', value: 1 }],
    });
    expect(split.status).toBe(201);
    const [kept, added] = split.body;
    expect(kept).toMatchObject({ id: t.id, origin: 'edited', confirmed: false });
    expect(added).toMatchObject({ taskId: t.taskId, subject: '拆出的目标', origin: 'manual' });
    expectEnvelope(
      await env.users.evaluator.call('POST', `/api/targets/${t.id}/split`, {
        revision: t.revision,
        parts: [fields, fields],
      }),
      409,
      'stale_revision',
    );
    const other = env.seeded.jilinTargets.find((x) => x.taskId !== t.taskId)!;
    expectEnvelope(
      await env.users.evaluator.call('POST', `/api/targets/${t.id}/merge`, {
        revision: kept.revision,
        with: { id: other.id, revision: other.revision },
        fields,
      }),
      422,
      'unprocessable',
    );
    const merged = await env.users.evaluator.call('POST', `/api/targets/${t.id}/merge`, {
      revision: kept.revision,
      with: { id: added.id, revision: added.revision },
      fields: { ...fields, subject: '合并后的目标' },
    });
    expect(merged.body).toMatchObject({ id: t.id, subject: '合并后的目标' });
    expect((await store().getTarget(added.id)).deleted).toBe(true);
  });

  it('proposes a target from selected words and adds it with the span of the selection', async () => {
    const task = (await store().listTasks(env.seeded.jilin.id)).find((k) => /\d/.test(k.text))!;
    const m = /\d+\s*[个所家人名项门]/.exec(task.text)!;
    const span = { start: Math.max(0, m.index - 4), end: m.index + m[0].length };
    for (const role of ROLES.filter((r) => !may(r, 'editTargets')))
      expectEnvelope(
        await env.users[role].call('POST', `/api/tasks/${task.id}/proposal`, span),
        403,
        'forbidden',
      );
    const proposal = (await env.users.evaluator.call('POST', `/api/tasks/${task.id}/proposal`, span)).body;
    expect(proposal).toMatchObject({ ...span, quote: task.text.slice(span.start, span.end) });
    expect(proposal.value).toBe(Number(/\d+/.exec(m[0])![0]));
    expectEnvelope(
      await env.users.evaluator.call('POST', `/api/tasks/${task.id}/proposal`, { start: 5, end: 5 }),
      400,
      'validation_failed',
    );
    expectEnvelope(
      await env.users.evaluator.call('POST', `/api/tasks/${task.id}/proposal`, {
        start: 0,
        end: task.text.length + 1,
      }),
      422,
      'unprocessable',
    );
    expectEnvelope(
      await env.users.evaluator.call('POST', '/api/tasks/999999/proposal', span),
      404,
      'not_found',
    );

    const { reading: _reading, ...fields } = proposal;
    const wrongQuote = await env.users.evaluator.call('POST', `/api/tasks/${task.id}/targets`, {
      ...fields,
      quote: '别的字',
    });
    expectEnvelope(wrongQuote, 422, 'unprocessable');
    expect(wrongQuote.body.error.issues[0].path).toEqual(['quote']);
    const added = await env.users.evaluator.call('POST', `/api/tasks/${task.id}/targets`, {
      ...fields,
      unit: fields.unit || '个',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      origin: 'manual',
      start: span.start,
      end: span.end,
      quote: proposal.quote,
    });
  });
});
