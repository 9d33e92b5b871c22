import { describe, expect, it } from 'vitest';
import {
  clientFor,
  expectEnvelope,
  login,
  PASSWORDS,
  readReply,
  startTestServer,
  useSeededServer,
  type Client,
} from './support/http-harness';
import { plainTarget } from './support/http-seed';
import { ROLES, may, rolesFor, type UserRole } from '../src/shared/index.js';

const env = useSeededServer();

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns a CSRF token', async () => {
    const res = await fetch(`${env.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: PASSWORDS.leader }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^dabiao_session=[^;]{20,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const body = (await res.json()) as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toEqual({
      id: expect.any(Number),
      username: 'leader',
      displayName: '测试leader',
      role: 'leader',
      units: [],
      members: [],
      plans: [],
      disabled: false,
      mustChangePassword: false,
    });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['wrong password', { username: 'admin', password: 'nope' }, 401, 'unauthenticated'],
    ['unknown user', { username: 'ghost', password: 'whatever' }, 401, 'unauthenticated'],
    ['missing password', { username: 'admin' }, 400, 'validation_failed'],
  ])('refuses a login with %s', async (_case, body, status, code) => {
    const res = await fetch(`${env.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const reply = await readReply(res);
    expectEnvelope(reply, status, code);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('holds a username back a second after five wrong passwords, then lets the right one in, and only that username', async () => {
    await env.server.store.createUser({
      username: 'wang',
      displayName: '王',
      role: 'leader',
      password: 'wang-pass-123',
    });
    const attempt = async (username: string, password: string) =>
      readReply(
        await fetch(`${env.server.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        }),
      );
    for (let i = 0; i < 5; i++) expectEnvelope(await attempt('wang', `guess-${i}`), 401, 'unauthenticated');
    const held = await attempt('wang', 'wang-pass-123');
    expectEnvelope(held, 429, 'too_many_requests');
    // A short wait that grows with each further failure, not a lock: the right password works after it.
    expect(held.body.error.issues[0].message).toContain('1 秒后再试');
    expect((await attempt('leader', PASSWORDS.leader)).status).toBe(201);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await attempt('wang', 'wang-pass-123')).status).toBe(201);
  });

  it('marks the cookie Secure when configured for HTTPS', async () => {
    const secure = await startTestServer({ secureCookies: true });
    try {
      await secure.store.createUser({
        username: 'zhang',
        displayName: '张',
        role: 'leader',
        password: 'zhang-pass-1',
      });
      const res = await fetch(`${secure.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'zhang', password: 'zhang-pass-1' }),
      });
      expect(res.headers.get('set-cookie')).toContain('Secure');
    } finally {
      await secure.close();
    }
  });

  it('tells a reloaded page who is signed in and its CSRF token', async () => {
    const c = await login(env.server.url, 'evaluator', PASSWORDS.evaluator);
    const r = await c.call('GET', '/api/session', undefined, { cookie: true });
    expect(r.body).toMatchObject({
      user: { username: 'evaluator', role: 'evaluator' },
      csrfToken: c.csrfToken,
    });
    expect(r.body.token).toBeUndefined();
    expect(Date.parse(r.body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('ends the session on logout: the token no longer works', async () => {
    const c = await login(env.server.url, 'leader', PASSWORDS.leader);
    expect((await c.call('GET', '/api/plans')).status).toBe(200);
    expect((await c.call('DELETE', '/api/session', undefined, { cookie: true })).status).toBe(204);
    expectEnvelope(await c.call('GET', '/api/plans'), 401, 'unauthenticated');
  });
});

describe('authentication by default', () => {
  it.each([
    ['GET', '/api/plans'],
    ['GET', '/api/plans/1/progress'],
    ['POST', '/api/targets/1/measurements'],
    ['GET', '/api/plans/1/report.pdf'],
    ['GET', '/api/no-such-thing'],
  ])('%s %s without a session is 401', async (method, path) => {
    expectEnvelope(
      await readReply(await fetch(`${env.server.url}${path}`, { method })),
      401,
      'unauthenticated',
    );
  });

  it('rejects a forged bearer token', async () => {
    const forged = clientFor(env.server.url, 'x'.repeat(43), '', '');
    expectEnvelope(await forged.call('GET', '/api/plans'), 401, 'unauthenticated');
  });

  it.each([['/api/health'], ['/api/openapi.json']])('%s is public', async (path) => {
    expect((await fetch(`${env.server.url}${path}`)).status).toBe(200);
  });
});

describe('CSRF for cookie sessions', () => {
  it('refuses a cookie write without the X-CSRF-Token header, and leaves the plan unchanged', async () => {
    const before = await env.users.evaluator.call('GET', `/api/plans/${env.seeded.jilin.id}`);
    const reply = await env.users.evaluator.call(
      'PATCH',
      `/api/plans/${env.seeded.jilin.id}`,
      { title: '被篡改的标题' },
      { cookie: true, csrf: null },
    );
    expectEnvelope(reply, 403, 'csrf_failed');
    expect(reply.body.error.issues[0].path).toEqual(['X-CSRF-Token']);
    expect((await env.users.evaluator.call('GET', `/api/plans/${env.seeded.jilin.id}`)).body).toEqual(
      before.body,
    );
  });

  it('refuses a wrong token and accepts the right one', async () => {
    const path = `/api/plans/${env.seeded.siping.id}`;
    expectEnvelope(
      await env.users.evaluator.call('PATCH', path, { horizonYear: 2027 }, { cookie: true, csrf: 'forged' }),
      403,
      'csrf_failed',
    );
    const { revision } = await env.server.store.getPlan(env.seeded.siping.id);
    const ok = await env.users.evaluator.call(
      'PATCH',
      path,
      { revision, horizonYear: 2027 },
      { cookie: true },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.horizonYear).toBe(2027);
  });

  it('needs no token for reads with a cookie', async () => {
    expect((await env.users.leader.call('GET', '/api/plans', undefined, { cookie: true })).status).toBe(200);
  });
});

describe('roles', () => {
  const target = () => plainTarget(env.seeded.jilinTargets);
  it('gives the demo roles the powers the README lists', () => {
    expect(ROLES.filter((r) => may(r, 'manageUsers'))).toEqual(['admin']);
    expect(may('leader', 'read') && may('leader', 'report')).toBe(true);
    expect(may('leader', 'recordMeasurements') || may('leader', 'editTargets')).toBe(false);
    expect(may('statistician', 'recordMeasurements') && !may('statistician', 'verifyMeasurements')).toBe(
      true,
    );
    expect(may('evaluator', 'verifyMeasurements') && !may('evaluator', 'recordMeasurements')).toBe(true);
  });

  // Each route enforces the action the route table names for it (src/shared PERMISSIONS).
  const cases: [string, (c: Client) => Promise<{ status: number }>, UserRole[]][] = [
    ['read plans', (c) => c.call('GET', '/api/plans'), rolesFor('read')],
    [
      'read progress',
      (c) => c.call('GET', `/api/plans/${env.seeded.jilin.id}/progress?year=2024`),
      rolesFor('read'),
    ],
    [
      'record a figure',
      (c) => c.call('POST', `/api/targets/${target().id}/measurements`, { year: 2023, value: 1 }),
      rolesFor('recordMeasurements'),
    ],
    [
      'rename a plan',
      async (c) =>
        c.call('PATCH', `/api/plans/${env.seeded.jilin.id}`, {
          revision: (await env.server.store.getPlan(env.seeded.jilin.id)).revision,
          title: '吉林市推动现代职业教育高质量发展建设技能社会实施方案',
        }),
      rolesFor('editPlan'),
    ],
    [
      'set a task status',
      (c) => c.call('PATCH', `/api/tasks/${target().taskId}/status`, { status: 'in_progress' }),
      rolesFor('setTaskStatus'),
    ],
    [
      'set the jurisdiction',
      async (c) => {
        const members = (await c.call('GET', `/api/plans/${env.seeded.jilin.id}/members`)).body;
        const { revision } = await env.server.store.getPlan(env.seeded.jilin.id);
        return c.call('PUT', `/api/plans/${env.seeded.jilin.id}/members`, { revision, members });
      },
      rolesFor('editMembers'),
    ],
    [
      'create a user',
      (c) =>
        c.call('POST', '/api/users', {
          username: `u${Math.random().toString(36).slice(2, 8)}`,
          displayName: '李四',
          role: 'leader',
          password: 'long-enough-pass',
        }),
      rolesFor('manageUsers'),
    ],
  ];

  it.each(cases)('only the right roles may %s', async (_action, act, allowed) => {
    for (const role of Object.keys(env.users) as UserRole[]) {
      const reply = await act(env.users[role]);
      if (allowed.includes(role)) expect(reply.status, `${role}`).toBeLessThan(300);
      else expectEnvelope(reply as never, 403, 'forbidden');
    }
  });
});

describe('security headers', () => {
  it('sends nosniff, frame denial and a CSP on API answers and errors alike', async () => {
    for (const res of [
      await fetch(`${env.server.url}/api/health`),
      await fetch(`${env.server.url}/api/plans`),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});
