/**
 * The audit log (操作日志) over HTTP on both databases: every change leaves one entry written
 * with it (who, when, from which address, before and after), a refused change leaves none,
 * admins and evaluators read it with filters and pages, export it as XLSX with formula cells
 * defused, and a deleted target comes back from its deletion's entry. No route changes it.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectEnvelope, login, useSeededServer, type Client } from './support/http-harness';
import { plainTarget } from './support/http-seed';
import { dialects } from './support/store-dialects';

async function entries(client: Client, query = ''): Promise<any[]> {
  const r = await client.call('GET', `/api/audit${query}`);
  expect(r.status).toBe(200);
  return r.body;
}

describe.each(dialects)('audit log ($name)', (dialect) => {
  const env = useSeededServer({ dialect });

  it('records a figure entered, revised, returned with its reason and verified, with before and after', async () => {
    const t = plainTarget(env.seeded.jilinTargets);
    const { statistician, evaluator } = env.users;
    const first = await statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 2023,
      value: 4,
    });
    const second = await statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 2023,
      value: 6,
    });
    const returned = await evaluator.call('POST', '/api/measurements/state', {
      targetId: t.id,
      year: 2023,
      state: 'returned',
      revision: second.body.revision,
      reason: '数据口径不一致',
    });
    const again = await statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 2023,
      value: 6,
    });
    await evaluator.call('POST', '/api/measurements/state', {
      targetId: t.id,
      year: 2023,
      state: 'verified',
      revision: again.body.revision,
    });
    const list = await entries(evaluator, `?target=${t.id}`);
    // Newest first.
    expect(list.map((e) => e.action)).toEqual([
      'figure.verify',
      'figure.revise',
      'figure.return',
      'figure.revise',
      'figure.enter',
    ]);
    const [verified, resent, ret, revised, entered] = list;
    expect(verified).toMatchObject({ actor: 'evaluator', before: { state: 'reported' } });
    expect(verified.after).toMatchObject({
      state: 'verified',
      verifiedBy: 'evaluator',
      enteredBy: 'statistician',
    });
    expect(entered).toMatchObject({
      actor: 'statistician',
      planId: env.seeded.jilin.id,
      targetId: t.id,
      subject: '2023',
      before: null,
    });
    expect(entered.after).toMatchObject({ value: 4, revision: first.body.revision, state: 'reported' });
    expect(entered.address).toMatch(/127\.0\.0\.1/);
    expect(revised.before).toMatchObject({ value: 4 });
    expect(revised.after).toMatchObject({ value: 6 });
    expect(ret).toMatchObject({ actor: 'evaluator' });
    expect(ret.after).toMatchObject({
      state: 'returned',
      reason: '数据口径不一致',
      enteredBy: 'statistician',
      verifiedBy: 'evaluator',
    });
    expect(returned.status).toBe(200);
    expect(resent.before).toMatchObject({ state: 'returned' });
    expect(resent.after).toMatchObject({ value: 6, state: 'reported' });
  });

  it('a refused change leaves no entry (written in the same transaction)', async () => {
    const t = plainTarget(env.seeded.sipingTargets);
    const before = (await env.users.admin.call('GET', '/api/audit?limit=1')).headers.get('x-total-count');
    const stale = await env.users.evaluator.call('PATCH', `/api/targets/${t.id}`, { revision: 99, value: 9 });
    expectEnvelope(stale, 409, 'stale_revision');
    const bad = await env.users.statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 1800,
      value: 1,
    });
    expect(bad.status).toBe(400);
    const after = (await env.users.admin.call('GET', '/api/audit?limit=1')).headers.get('x-total-count');
    expect(after).toBe(before);
  });

  it('records target edits, confirmation and deletion; a deleted target is restored from the log', async () => {
    const { evaluator } = env.users;
    const t = env.seeded.sipingTargets.find((x) => x.each === null)!;
    const edited = await evaluator.call('PATCH', `/api/targets/${t.id}`, {
      revision: t.revision,
      value: t.value + 1,
    });
    const confirmed = await evaluator.call('POST', `/api/targets/${t.id}/confirm`, {
      revision: edited.body.revision,
    });
    const deleted = await evaluator.call(
      'DELETE',
      `/api/targets/${t.id}?revision=${confirmed.body.revision}`,
    );
    expect(deleted.status).toBe(200);
    const targets = (await evaluator.call('GET', `/api/plans/${env.seeded.siping.id}/targets`)).body;
    expect(targets.some((x: { id: number }) => x.id === t.id)).toBe(false);

    const [del, conf, edit] = await entries(evaluator, `?target=${t.id}&limit=3`);
    expect([del.action, conf.action, edit.action]).toEqual([
      'target.delete',
      'target.confirm',
      'target.edit',
    ]);
    expect(edit.before).toMatchObject({ value: t.value });
    expect(edit.after).toMatchObject({ value: t.value + 1, origin: 'edited' });
    // The deleted target's whole row is kept, so it can be brought back as it was.
    expect(del.before).toMatchObject({
      id: t.id,
      quote: t.quote,
      subject: t.subject,
      value: t.value + 1,
      confirmed: true,
    });
    expect(del.after).toBeNull();

    expectEnvelope(await env.users.leader.call('POST', `/api/audit/${del.id}/restore`), 403, 'forbidden');
    expectEnvelope(await evaluator.call('POST', `/api/audit/${edit.id}/restore`), 422, 'unprocessable');
    const restored = await evaluator.call('POST', `/api/audit/${del.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({
      id: t.id,
      value: t.value + 1,
      subject: t.subject,
      confirmed: true,
      deleted: false,
    });
    const back = (await evaluator.call('GET', `/api/plans/${env.seeded.siping.id}/targets`)).body;
    expect(back.some((x: { id: number }) => x.id === t.id)).toBe(true);
    expectEnvelope(await evaluator.call('POST', `/api/audit/${del.id}/restore`), 409, 'conflict');
    const [restoreEntry] = await entries(evaluator, `?target=${t.id}&limit=1`);
    expect(restoreEntry).toMatchObject({ action: 'target.restore', actor: 'evaluator', before: null });
  });

  it('records plan edits, member lists and task statuses with before and after', async () => {
    const { evaluator } = env.users;
    const plan = env.seeded.jilin;
    const revision = async () => (await evaluator.call('GET', `/api/plans/${plan.id}`)).body.revision;
    await evaluator.call('PATCH', `/api/plans/${plan.id}`, {
      title: '吉林市方案（修订）',
      revision: await revision(),
    });
    const members = (await evaluator.call('GET', `/api/plans/${plan.id}/members`)).body;
    await evaluator.call('PUT', `/api/plans/${plan.id}/members`, {
      members: members.slice(1),
      revision: await revision(),
    });
    const tasks = (await evaluator.call('GET', `/api/plans/${plan.id}/tasks`)).body;
    const task = tasks.find((x: { qualitative: boolean }) => x.qualitative) ?? tasks[0];
    await evaluator.call('PATCH', `/api/tasks/${task.id}/status`, { status: 'in_progress' });
    await evaluator.call('PATCH', `/api/tasks/${task.id}/status`, { status: 'done' });

    const [edit] = await entries(evaluator, `?plan=${plan.id}&action=plan.edit`);
    expect(edit.before).toMatchObject({ title: plan.title });
    expect(edit.after).toMatchObject({ title: '吉林市方案（修订）' });
    const [member] = await entries(evaluator, `?plan=${plan.id}&action=plan.members`);
    expect(member.before).toEqual(members);
    expect(member.after).toEqual(members.slice(1));
    const statuses = await entries(evaluator, `?plan=${plan.id}&action=task.status`);
    expect(statuses.slice(0, 2).map((e) => [e.taskId, e.before, e.after])).toEqual([
      [task.id, { status: 'in_progress' }, { status: 'done' }],
      [task.id, null, { status: 'in_progress' }],
    ]);
    const [imported] = await entries(evaluator, `?plan=${plan.id}&action=plan.import`);
    expect(imported).toMatchObject({ actor: 'tester', after: { title: plan.title } });
  });

  it('records users, passwords, tokens, sign-ins and refused sign-ins, never a password or hash', async () => {
    const { admin } = env.users;
    const created = await admin.call('POST', '/api/users', {
      username: 'audit-clerk',
      displayName: '日志测试',
      role: 'statistician',
      password: 'clerk-pass-1',
      units: ['市教育局'],
    });
    expect(created.status).toBe(201);
    await admin.call('PATCH', `/api/users/${created.body.id}`, { units: ['市卫健委'] });
    await admin.call('POST', `/api/users/${created.body.id}/password`, { password: 'clerk-pass-2' });
    const wrong = await fetch(`${env.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'audit-clerk', password: 'not-it-at-all' }),
    });
    expect(wrong.status).toBe(401);
    const clerk = await login(env.server.url, 'audit-clerk', 'clerk-pass-2');
    await clerk.call('PUT', '/api/session/password', {
      currentPassword: 'clerk-pass-2',
      password: 'clerk-pass-3',
    });
    await clerk.call('POST', '/api/session/tokens', { name: '月报脚本' });
    await clerk.call('DELETE', `/api/session/tokens/${encodeURIComponent('月报脚本')}`);
    await admin.call('PATCH', `/api/users/${created.body.id}`, { disabled: true });

    const mine = [
      ...(await entries(admin, '?user=admin&limit=500')),
      ...(await entries(admin, '?user=audit-clerk&limit=500')),
    ].sort((a, b) => a.id - b.id);
    const actions = mine.filter((e) => e.subject === 'audit-clerk').map((e) => `${e.actor} ${e.action}`);
    expect(actions).toEqual([
      'admin user.create',
      'admin user.edit',
      'admin user.password_reset',
      'audit-clerk session.refused',
      'audit-clerk session.signin',
      'audit-clerk user.password_change',
      'audit-clerk token.create',
      'audit-clerk token.revoke',
      'admin user.disable',
    ]);
    const edit = mine.find((e) => e.action === 'user.edit');
    expect(edit.before).toMatchObject({ units: ['市教育局'] });
    expect(edit.after).toMatchObject({ units: ['市卫健委'] });
    expect(mine.find((e) => e.action === 'session.refused').after).toEqual({ reason: 'credentials' });
    expect(mine.find((e) => e.action === 'token.create').after).toMatchObject({
      name: '月报脚本',
      user: 'audit-clerk',
    });
    const text = JSON.stringify(mine);
    expect(text).not.toMatch(/clerk-pass|scrypt|passwordHash/);
  });

  it('filters by user, action and date range, pages newest first with X-Total-Count', async () => {
    const { admin } = env.users;
    const all = await admin.call('GET', '/api/audit?limit=500');
    const total = Number(all.headers.get('x-total-count'));
    expect(total).toBe(all.body.length);
    const ids = all.body.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const first = await admin.call('GET', '/api/audit?limit=2');
    expect(first.headers.get('x-total-count')).toBe(String(total));
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toBe(String(ids[1]));
    const second = await admin.call('GET', `/api/audit?limit=2&after=${cursor}`);
    expect(second.body.map((e: { id: number }) => e.id)).toEqual(ids.slice(2, 4));

    const today = new Date().toISOString().slice(0, 10);
    const dated = await admin.call('GET', `/api/audit?from=${today}&to=${today}&limit=500`);
    expect(dated.body.length).toBe(total);
    expect((await admin.call('GET', '/api/audit?to=2000-01-01')).body).toEqual([]);
    const signins = await entries(admin, '?action=session.signin&limit=500');
    expect(signins.length).toBeGreaterThan(0);
    expect(signins.every((e) => e.action === 'session.signin')).toBe(true);
    expect((await entries(admin, '?user=nobody-at-all')).length).toBe(0);
    expectEnvelope(await admin.call('GET', '/api/audit?action=plan.explode'), 400, 'validation_failed');
    expectEnvelope(await admin.call('GET', '/api/audit?from=yesterday'), 400, 'validation_failed');
  });

  it('is read by admins and evaluators only, and no route changes an entry', async () => {
    expect((await env.users.evaluator.call('GET', '/api/audit')).status).toBe(200);
    expectEnvelope(await env.users.leader.call('GET', '/api/audit'), 403, 'forbidden');
    expectEnvelope(await env.users.statistician.call('GET', '/api/audit.xlsx'), 403, 'forbidden');
    const anonymous = await fetch(`${env.server.url}/api/audit`);
    expect(anonymous.status).toBe(401);
    const [newest] = await entries(env.users.admin, '?limit=1');
    for (const method of ['PATCH', 'PUT', 'DELETE'])
      expect((await env.users.admin.call(method, `/api/audit/${newest.id}`, {})).status).toBe(404);
    expect((await env.users.admin.call('DELETE', '/api/audit')).status).toBe(404);
  });

  it('exports the filtered log as XLSX with Chinese labels and formula cells defused', async () => {
    const { evaluator } = env.users;
    const plan = env.seeded.siping;
    await evaluator.call('PATCH', `/api/plans/${plan.id}`, {
      revision: (await evaluator.call('GET', `/api/plans/${plan.id}`)).body.revision,
      title: '=HYPERLINK("http://evil.example","点我")',
    });
    const r = await evaluator.raw(`/api/audit.xlsx?plan=${plan.id}`, {
      headers: { authorization: `Bearer ${evaluator.token}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    const sheet = book.getWorksheet('操作日志')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '编号',
      '时间',
      '操作人',
      '地址',
      '操作',
      '方案',
      '任务',
      '目标',
      '对象',
      '修改前',
      '修改后',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBe(Number(r.headers.get('x-total-count')));
    expect(rows.every((row) => row[6] === plan.id)).toBe(true);
    const edit = rows.find((row) => row[5] === '修改方案')!;
    expect(edit[9]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+@\t\r]/);
      }),
    );
  });
});
