/**
 * Accounts over HTTP: which statistician may write which figure, and what an admin does with
 * users and tokens. Units and members are read from the seed plans, never typed in here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TargetRecord, TaskRecord } from '../src/db/store';
import { expectEnvelope, login, type Client } from './support/http-harness';
import { useSeededServer } from './support/http-harness';

const env = useSeededServer();

interface Scene {
  tasks: TaskRecord[];
  target: TargetRecord;
  unit: string;
  foreign: TargetRecord;
  perMember: TargetRecord;
  member: string;
  otherMember: string;
}
let scene: Scene;

async function makeUser(body: Record<string, unknown>): Promise<Client> {
  const password = 'a-good-password';
  const r = await env.users.admin.call('POST', '/api/users', { displayName: '测试', password, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return login(env.server.url, body.username as string, password);
}

const unitsOf = (s: Scene, t: TargetRecord) =>
  s.tasks.find((k) => k.id === t.taskId)!.units.map((u) => u.name);

beforeAll(async () => {
  const planId = env.seeded.jilin.id;
  const tasks = (await env.users.leader.call('GET', `/api/plans/${planId}/tasks`)).body as TaskRecord[];
  const targets = env.seeded.jilinTargets;
  // A unit named on one whole-area target's task and not on another's: the pair to test with.
  const plain = targets.filter((t) => t.each === null);
  const unitsAt = (t: TargetRecord) => tasks.find((k) => k.id === t.taskId)!.units.map((u) => u.name);
  const [target, unit, foreign] = plain
    .flatMap((t) => unitsAt(t).map((u) => [t, u, plain.find((f) => !unitsAt(f).includes(u))] as const))
    .find(([, , f]) => f !== undefined)!;
  const partial = { tasks, target, unit, foreign: foreign! } as Scene;
  const perMember = targets.find((t) => t.each !== null && !unitsOf(partial, t).includes(unit))!;
  const members = (await env.users.leader.call('GET', `/api/plans/${planId}/members`)).body;
  const counties = members.filter((m: { kind: string }) => m.kind !== 'district');
  scene = { ...partial, perMember, member: counties[0].name, otherMember: counties[1].name };
});

describe('a statistician writes figures only for its own units and members', () => {
  it('enters a figure for a target whose task names its unit, and is refused elsewhere with the unit named', async () => {
    const stat = await makeUser({ username: 'unit-stat', role: 'statistician', units: [scene.unit] });
    const ok = await stat.call('POST', `/api/targets/${scene.target.id}/measurements`, {
      year: 2024,
      value: 1,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const refused = await stat.call('POST', `/api/targets/${scene.foreign.id}/measurements`, {
      year: 2024,
      value: 1,
    });
    expectEnvelope(refused, 403, 'forbidden');
    expect(refused.body.error.message).toContain(unitsOf(scene, scene.foreign)[0]);
    expect(refused.body.error.message).toContain(scene.unit);
  });

  it('a member account enters its own member only', async () => {
    const stat = await makeUser({ username: 'member-stat', role: 'statistician', members: [scene.member] });
    const url = `/api/targets/${scene.perMember.id}/measurements`;
    expect((await stat.call('POST', url, { year: 2024, member: scene.member, value: 1 })).status).toBe(201);
    expectEnvelope(
      await stat.call('POST', url, { year: 2024, member: scene.otherMember, value: 1 }),
      403,
      'forbidden',
    );
  });

  it('refuses a whole upload naming the rows outside its units, writing nothing', async () => {
    const stat = await makeUser({ username: 'upload-stat', role: 'statistician', units: [scene.unit] });
    const planId = env.seeded.jilin.id;
    const csv = ['目标编号,年度,成员,数值', `${scene.target.id},2025,,3`, `${scene.foreign.id},2025,,4`].join(
      '\n',
    );
    const r = await stat.upload(`/api/plans/${planId}/measurements/upload`, 'figures.csv', csv);
    expectEnvelope(r, 403, 'forbidden');
    expect(r.body.error.issues).toEqual([expect.objectContaining({ path: ['rows', 3, '目标编号'] })]);
    const read = (await stat.call('GET', `/api/targets/${scene.target.id}/measurements`)).body;
    expect(read.current.filter((m: { year: number }) => m.year === 2025)).toEqual([]);
  });

  it('an account without units writes nothing; an evaluator limited to a plan verifies only there', async () => {
    const none = await makeUser({ username: 'no-unit', role: 'statistician' });
    expectEnvelope(
      await none.call('POST', `/api/targets/${scene.target.id}/measurements`, { year: 2023, value: 1 }),
      403,
      'forbidden',
    );
    const evaluator = await makeUser({
      username: 'siping-eval',
      role: 'evaluator',
      plans: [env.seeded.siping.id],
    });
    const r = await evaluator.call('POST', '/api/measurements/state', {
      targetId: scene.target.id,
      year: 2024,
      state: 'verified',
      revision: 1,
    });
    expectEnvelope(r, 403, 'forbidden');
  });
});

describe('user administration', () => {
  it('lists, edits and disables a user; a disabled user is signed out at once', async () => {
    const client = await makeUser({ username: 'to-disable', role: 'leader' });
    const list = (await env.users.admin.call('GET', '/api/users')).body as { username: string; id: number }[];
    const user = list.find((u) => u.username === 'to-disable')!;
    const edited = await env.users.admin.call('PATCH', `/api/users/${user.id}`, {
      role: 'statistician',
      units: [scene.unit],
      displayName: '新名字',
    });
    expect(edited.body).toMatchObject({ role: 'statistician', units: [scene.unit], displayName: '新名字' });
    expect((await client.call('GET', '/api/session')).body.user.role).toBe('statistician');
    await env.users.admin.call('PATCH', `/api/users/${user.id}`, { disabled: true });
    expectEnvelope(await client.call('GET', '/api/plans'), 401, 'unauthenticated');
    await expect(login(env.server.url, 'to-disable', 'a-good-password')).rejects.toThrow(/401/);
  });

  it('a reset password must be changed before anything else; changing it ends the other sessions', async () => {
    await makeUser({ username: 'to-reset', role: 'leader' });
    const id = (await env.users.admin.call('GET', '/api/users')).body.find(
      (u: { username: string }) => u.username === 'to-reset',
    ).id;
    const reset = await env.users.admin.call('POST', `/api/users/${id}/password`, {});
    expect(reset.body.password).toMatch(/^[\w-]{16}$/);
    const first = await login(env.server.url, 'to-reset', reset.body.password);
    expectEnvelope(await first.call('GET', '/api/plans'), 403, 'password_change_required');
    const second = await login(env.server.url, 'to-reset', reset.body.password);
    const changed = await first.call('PUT', '/api/session/password', {
      currentPassword: reset.body.password,
      password: '自己的新密码-long',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await first.call('GET', '/api/plans')).status).toBe(200);
    expectEnvelope(await second.call('GET', '/api/plans'), 401, 'unauthenticated');
  });

  it('a named token works as a bearer until it is revoked, and is listed without its secret', async () => {
    const made = await env.users.evaluator.call('POST', '/api/session/tokens', { name: '月报脚本' });
    expect(made.status).toBe(201);
    const script = await fetch(`${env.server.url}/api/plans`, {
      headers: { authorization: `Bearer ${made.body.token}` },
    });
    expect(script.status).toBe(200);
    const listed = (await env.users.evaluator.call('GET', '/api/session/tokens')).body;
    expect(listed).toEqual([expect.objectContaining({ name: '月报脚本' })]);
    expect(listed[0].token).toBeUndefined();
    const del = await env.users.evaluator.call(
      'DELETE',
      `/api/session/tokens/${encodeURIComponent('月报脚本')}`,
    );
    expect(del.status).toBe(204);
    const after = await fetch(`${env.server.url}/api/plans`, {
      headers: { authorization: `Bearer ${made.body.token}` },
    });
    expect(after.status).toBe(401);
  });

  it('only an admin manages users, and an admin cannot disable itself', async () => {
    for (const role of ['statistician', 'evaluator', 'leader'] as const)
      expectEnvelope(await env.users[role].call('GET', '/api/users'), 403, 'forbidden');
    const me = (await env.users.admin.call('GET', '/api/session')).body.user;
    expectEnvelope(
      await env.users.admin.call('PATCH', `/api/users/${me.id}`, { disabled: true }),
      422,
      'unprocessable',
    );
  });
});
