/**
 * A plan's lifecycle and every field of it over HTTP, on every database the store supports:
 * imports are drafts seen by evaluators and admins only, every read route answers 404 for a
 * plan its caller may not see, publish / withdraw / restore / delete by role with stale
 * revisions and wrong states refused, every field edited with a revision, figures kept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { expectEnvelope, useSeededServer, type Client } from './support/http-harness';
import { dialects } from './support/store-dialects';
import { ROLES, maySeePlan, rolesFor, type UserRole } from '../src/shared/index.js';

const TEXT = readFileSync(
  path.join(PROJECT_ROOT, 'tests/fixtures/documents/huangshi-digital-plan.txt'),
  'utf8',
);
let imports = 0;

describe.each(dialects.map((d) => [d.name, d] as const))('plan lifecycle on %s', (_name, dialect) => {
  const env = useSeededServer({ dialect });

  /** A new draft from the prose fixture (a different text each time, so a different plan). */
  async function importDraft(by: Client = env.users.evaluator) {
    const r = await by.call('POST', '/api/plans', {
      title: '导入标题',
      text: `${TEXT}\n（第 ${++imports} 份）`,
      sourceName: `huangshi-${imports}.txt`,
    });
    expect(r.status).toBe(201);
    return r.body.plan as { id: number; revision: number; state: string; title: string };
  }

  const current = (id: number) => env.server.store.getPlan(id);

  it('imports a draft with the metadata its document proposes, each with its source line', async () => {
    const plan = await importDraft();
    expect(plan).toMatchObject({
      state: 'draft',
      revision: 1,
      // A title given with the import wins; the document's proposal stays beside it.
      title: '导入标题',
      issuer: '黄石市人民政府办公室',
      documentNumber: '黄石政办发〔2024〕8号',
      startYear: 2024,
      horizonYear: 2026,
      jurisdiction: '黄石市',
      proposal: {
        title: { value: '黄石市数字经济发展三年行动计划（2024—2026年）' },
        documentNumber: { value: '黄石政办发〔2024〕8号', source: '黄石政办发〔2024〕8号' },
        members: { value: expect.arrayContaining([{ name: '大冶市', kind: 'city' }]) },
      },
    });
    expect((await env.users.evaluator.call('GET', `/api/plans/${plan.id}/members`)).body).toHaveLength(6);
  });

  it('hides a draft from statisticians and leaders on every route, as if it did not exist', async () => {
    const plan = await importDraft();
    const [target] = await env.server.store.listTargets(plan.id);
    const [task] = await env.server.store.listTasks(plan.id);
    const jilin = env.seeded.jilin.id;
    const reads: [string, string, unknown?][] = [
      ['GET', `/api/plans/${plan.id}`],
      ['GET', `/api/plans/${plan.id}/tasks`],
      ['GET', `/api/plans/${plan.id}/targets`],
      ['GET', `/api/plans/${plan.id}/members`],
      ['GET', `/api/plans/${plan.id}/history`],
      ['GET', `/api/plans/${plan.id}/progress`],
      ['GET', `/api/plans/${plan.id}/units`],
      ['GET', `/api/plans/${plan.id}/progress.xlsx`],
      ['GET', `/api/plans/${plan.id}/charts/status.png`],
      ['GET', `/api/plans/${plan.id}/report.pdf`],
      ['GET', `/api/plans/${plan.id}/measurements/template.csv`],
      ['GET', `/api/targets/${target!.id}`],
      ['GET', `/api/targets/${target!.id}/measurements`],
      ['GET', `/api/targets/${target!.id}/chart.png`],
      ['GET', `/api/charts/compare.png?plans=${jilin},${plan.id}`],
      ['POST', `/api/targets/${target!.id}/measurements`, { year: 2024, value: 1 }],
      ['PATCH', `/api/tasks/${task!.id}/status`, { status: 'done' }],
    ];
    for (const role of ['statistician', 'leader'] as const) {
      for (const [method, url, body] of reads)
        expectEnvelope(await env.users[role].call(method, url, body), 404, 'not_found');
      const listed = await env.users[role].call('GET', '/api/plans');
      expect(listed.body.map((p: { id: number }) => p.id)).not.toContain(plan.id);
      expect(Number(listed.headers.get('x-total-count'))).toBe(listed.body.length);
      const summaries = (await env.users[role].call('GET', '/api/plan-summaries')).body;
      expect(summaries.items.map((s: { plan: { id: number } }) => s.plan.id)).not.toContain(plan.id);
    }
    for (const role of ['evaluator', 'admin'] as const) {
      for (const [, url] of reads.slice(0, 7))
        expect((await env.users[role].call('GET', url)).status).toBe(200);
      const summaries = (await env.users[role].call('GET', '/api/plan-summaries')).body;
      const mine = summaries.items.find((s: { plan: { id: number } }) => s.plan.id === plan.id);
      const targets = await env.server.store.listTargets(plan.id);
      expect(mine.reviewCounts).toEqual({ pending: targets.length, confirmed: 0, edited: 0, manual: 0 });
    }
  });

  it('lists the responsible units of a draft only to those who may see the draft', async () => {
    const unit = `市政务服务和大数据管理局（草稿${imports + 1}）`;
    const r = await env.users.evaluator.call('POST', '/api/plans', {
      title: '草稿单位',
      text: `${TEXT.replaceAll('市政务服务和大数据管理局', unit)}\n（第 ${++imports} 份）`,
      sourceName: `huangshi-${imports}.txt`,
    });
    const plan = r.body.plan as { id: number; revision: number };
    const names = async (role: UserRole) =>
      ((await env.users[role].call('GET', '/api/units?limit=500')).body as { name: string }[]).map(
        (u) => u.name,
      );
    for (const role of ROLES)
      expect(await names(role), role).toEqual(
        maySeePlan(role, 'draft') ? expect.arrayContaining([unit]) : expect.not.arrayContaining([unit]),
      );
    const published = await env.users.evaluator.call('POST', `/api/plans/${plan.id}/publish`, {
      revision: plan.revision,
    });
    expect(published.status).toBe(200);
    for (const role of ROLES) expect(await names(role), role).toContain(unit);
  });

  it('publishes, withdraws and restores by role; stale revisions, wrong states and bad bodies are refused', async () => {
    const plan = await importDraft();
    const url = (move: string) => `/api/plans/${plan.id}/${move}`;
    // Roles that cannot see a draft cannot find it to publish it either.
    for (const role of ROLES.filter((r) => !maySeePlan(r, 'draft')))
      expectEnvelope(await env.users[role].call('POST', url('publish'), { revision: 1 }), 404, 'not_found');
    expectEnvelope(await env.users.evaluator.call('POST', url('publish'), {}), 400, 'validation_failed');
    expectEnvelope(
      await env.users.evaluator.call('POST', url('publish'), { revision: 7 }),
      409,
      'stale_revision',
    );
    expectEnvelope(await env.users.evaluator.call('POST', url('withdraw'), { revision: 1 }), 409, 'conflict');
    const published = await env.users.evaluator.call('POST', url('publish'), { revision: 1 });
    expect(published.body).toMatchObject({ state: 'published', revision: 2 });
    expect((await env.users.leader.call('GET', `/api/plans/${plan.id}`)).status).toBe(200);
    expectEnvelope(await env.users.evaluator.call('POST', url('publish'), { revision: 2 }), 409, 'conflict');

    // A statistician records a figure on the published plan; withdrawing must keep it.
    const target = (await env.server.store.listTargets(plan.id)).find((t) => t.each === null)!;
    await env.server.store.updateUser((await env.server.store.findUser('statistician'))!.id, {
      units: (await env.server.store.listUnits()).map((u) => u.name),
    });
    const figure = await env.users.statistician.call('POST', `/api/targets/${target.id}/measurements`, {
      year: 2024,
      value: 7,
    });
    expect(figure.status).toBe(201);
    const figures = await env.server.store.listMeasurements({ planId: plan.id });

    for (const role of ['statistician', 'leader'] as UserRole[])
      expectEnvelope(await env.users[role].call('POST', url('withdraw'), { revision: 2 }), 403, 'forbidden');
    expect((await env.users.evaluator.call('POST', url('withdraw'), { revision: 2 })).body.state).toBe(
      'withdrawn',
    );
    for (const role of ['statistician', 'leader', 'evaluator'] as UserRole[])
      expectEnvelope(await env.users[role].call('GET', `/api/plans/${plan.id}/progress`), 404, 'not_found');
    // Restoring is the admin's: an evaluator cannot even find the withdrawn plan.
    expectEnvelope(await env.users.evaluator.call('POST', url('restore'), { revision: 3 }), 404, 'not_found');
    expect(rolesFor('restorePlan')).toEqual(['admin']);
    expectEnvelope(
      await env.users.admin.call('POST', url('restore'), { revision: 2 }),
      409,
      'stale_revision',
    );
    expect((await env.users.admin.call('POST', url('restore'), { revision: 3 })).body.state).toBe(
      'published',
    );
    expect(await env.server.store.listMeasurements({ planId: plan.id })).toEqual(figures);
    const history = (await env.users.leader.call('GET', `/api/plans/${plan.id}/history`)).body;
    expect(history.map((h: { state: string }) => h.state)).toEqual([
      'draft',
      'published',
      'withdrawn',
      'published',
    ]);
  });

  it('deletes a draft outright, but not a published plan nor a draft holding figures', async () => {
    const plan = await importDraft();
    const units = (await env.server.store.listUnits()).length;
    expectEnvelope(
      await env.users.evaluator.call('DELETE', `/api/plans/${plan.id}`),
      400,
      'validation_failed',
    );
    expectEnvelope(
      await env.users.evaluator.call('DELETE', `/api/plans/${plan.id}?revision=2`),
      409,
      'stale_revision',
    );
    expect((await env.users.evaluator.call('DELETE', `/api/plans/${plan.id}?revision=1`)).status).toBe(204);
    expectEnvelope(await env.users.admin.call('GET', `/api/plans/${plan.id}`), 404, 'not_found');
    // Units only the deleted draft named are gone with it.
    expect((await env.server.store.listUnits()).length).toBeLessThanOrEqual(units);

    const jilin = await current(env.seeded.jilin.id);
    expectEnvelope(
      await env.users.leader.call('DELETE', `/api/plans/${jilin.id}?revision=${jilin.revision}`),
      403,
      'forbidden',
    );
    expectEnvelope(
      await env.users.evaluator.call('DELETE', `/api/plans/${jilin.id}?revision=${jilin.revision}`),
      409,
      'conflict',
    );

    const held = await importDraft();
    const target = (await env.server.store.listTargets(held.id)).find((t) => t.each === null)!;
    await env.server.store.recordMeasurement(target.id, { year: 2024, value: 1 }, 'admin');
    expectEnvelope(
      await env.users.evaluator.call('DELETE', `/api/plans/${held.id}?revision=1`),
      422,
      'unprocessable',
    );
    expect(await env.server.store.listMeasurements({ planId: held.id })).toHaveLength(1);
  });

  it('finds the existing plan when the same file is imported twice, and does not show a withdrawn one', async () => {
    const body = { title: '同一文件', text: `${TEXT}\n（重复导入）`, sourceName: 'same.txt' };
    const first = await env.users.evaluator.call('POST', '/api/plans', body);
    const again = await env.users.evaluator.call('POST', '/api/plans', body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toMatchObject({ created: false, plan: { id: first.body.plan.id, state: 'draft' } });
    const id = first.body.plan.id;
    await env.users.evaluator.call('POST', `/api/plans/${id}/publish`, { revision: 1 });
    await env.users.evaluator.call('POST', `/api/plans/${id}/withdraw`, { revision: 2 });
    expectEnvelope(await env.users.evaluator.call('POST', '/api/plans', body), 409, 'conflict');
    expect((await env.users.admin.call('POST', '/api/plans', body)).body.plan).toMatchObject({
      id,
      state: 'withdrawn',
    });
  });

  it('edits every field of a plan as one revision, refusing a stale one and bad input', async () => {
    const plan = await importDraft();
    const url = `/api/plans/${plan.id}`;
    const edit = {
      revision: 1,
      title: '黄石市数字经济发展三年行动计划',
      issuer: '黄石市人民政府',
      documentNumber: '黄石政发〔2024〕3号',
      startYear: 2024,
      horizonYear: 2027,
      jurisdiction: '大冶市',
      members: [{ name: '金湖街道', kind: 'district' }],
    };
    for (const role of ['statistician', 'leader'] as const)
      expectEnvelope(await env.users[role].call('PATCH', url, edit), 404, 'not_found');
    const saved = await env.users.evaluator.call('PATCH', url, edit);
    const { members: _members, ...fields } = edit;
    expect(saved.body).toMatchObject({ ...fields, revision: 2 });
    expect((await env.users.evaluator.call('GET', `${url}/members`)).body).toEqual(edit.members);
    expectEnvelope(
      await env.users.evaluator.call('PATCH', url, { ...edit, title: '旧版' }),
      409,
      'stale_revision',
    );
    expect((await current(plan.id)).title).toBe(edit.title);
    expectEnvelope(
      await env.users.evaluator.call('PATCH', url, { title: '无版本' }),
      400,
      'validation_failed',
    );
    expectEnvelope(await env.users.evaluator.call('PATCH', url, { revision: 2 }), 400, 'validation_failed');
    expectEnvelope(
      await env.users.evaluator.call('PATCH', url, { revision: 2, documentNumber: '' }),
      400,
      'validation_failed',
    );
    expectEnvelope(
      await env.users.evaluator.call('PATCH', url, { revision: 2, startYear: 2030 }),
      422,
      'unprocessable',
    );
    expectEnvelope(
      await env.users.evaluator.call('PATCH', url, {
        revision: 2,
        members: [
          { name: '下陆区', kind: 'district' },
          { name: '下陆区', kind: 'district' },
        ],
      }),
      422,
      'unprocessable',
    );
    // Clearing optional fields, and the members list through its own route, each a revision.
    const cleared = await env.users.evaluator.call('PATCH', url, {
      revision: 2,
      documentNumber: null,
      jurisdiction: null,
    });
    expect(cleared.body).toMatchObject({ documentNumber: null, jurisdiction: null, revision: 3 });
    expectEnvelope(
      await env.users.evaluator.call('PUT', `${url}/members`, { members: [] }),
      400,
      'validation_failed',
    );
    expectEnvelope(
      await env.users.evaluator.call('PUT', `${url}/members`, { revision: 2, members: [] }),
      409,
      'stale_revision',
    );
    expect(
      (await env.users.evaluator.call('PUT', `${url}/members`, { revision: 3, members: [] })).body,
    ).toEqual([]);
    const history = (await env.users.evaluator.call('GET', `${url}/history`)).body;
    expect(history.map((h: { revision: number }) => h.revision)).toEqual([1, 2, 3, 4]);
    expect(history[1]).toMatchObject({
      title: edit.title,
      documentNumber: edit.documentNumber,
      members: edit.members,
    });
    expect(history[0].members).toHaveLength(6);
  });

  it('lists the divisions and a division with its county-level members', async () => {
    const names = (await env.users.leader.call('GET', '/api/divisions')).body;
    expect(names).toContainEqual({ name: '四平市', province: '吉林省' });
    const siping = (await env.users.leader.call('GET', `/api/divisions/${encodeURIComponent('四平市')}`))
      .body;
    expect(siping.members).toEqual([
      { name: '铁西区', kind: 'district' },
      { name: '铁东区', kind: 'district' },
      { name: '梨树县', kind: 'county' },
      { name: '伊通满族自治县', kind: 'county' },
      { name: '双辽市', kind: 'city' },
    ]);
    expectEnvelope(
      await env.users.leader.call('GET', `/api/divisions/${encodeURIComponent('无此市')}`),
      404,
      'not_found',
    );
  });
});
