/**
 * Every route of the OpenAPI document × every kind of caller, against a table of the statuses
 * a person would expect — written out here, not derived from the code's own permission
 * rules. Callers: nobody signed in, each role, a statistician of the right unit (市教育局,
 * member 磐石市), of another unit (市财政局), one reporting for another member (桦甸市), a
 * disabled account and a revoked token. Writes that would change what later rows read are
 * sent with a stale revision (409 shows the caller got past the permission check).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clientFor, login, PASSWORDS, readReply, useSeededServer, type Client } from './support/http-harness';

const env = useSeededServer();

const CALLERS = [
  'anonymous',
  'admin',
  'evaluator',
  'leader',
  'right',
  'other',
  'member',
  'disabled',
  'revoked',
] as const;
type Caller = (typeof CALLERS)[number];

interface Ctx {
  plan: number;
  otherPlan: number;
  /** A whole-area target of a task 市教育局 leads or supports (not 市财政局). */
  unitTarget: number;
  /** A per-member target of a task naming neither 市教育局 nor 市财政局. */
  memberTarget: number;
  task: number;
  dummyUser: number;
  auditEntry: number;
  members: unknown;
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
  csv?: string;
}

// Shorthands for rows: every signed-in caller gets `s`; anonymous, disabled and revoked 401.
const signedIn = (s: number) => [401, s, s, s, s, s, s, 401, 401];
const everyone = (s: number) => CALLERS.map(() => s);
const adminOnly = (s: number) => [401, s, 403, 403, 403, 403, 403, 401, 401];
const evaluators = (s: number) => [401, s, s, 403, 403, 403, 403, 401, 401];

/** [route as in the OpenAPI document, request, statuses in CALLERS order]. */
const TABLE: [string, (c: Ctx, i: number) => Call, number[]][] = [
  ['GET /api/health', () => ({ method: 'GET', path: '/api/health' }), everyone(200)],
  ['GET /api/ready', () => ({ method: 'GET', path: '/api/ready' }), everyone(200)],
  ['GET /api/openapi.json', () => ({ method: 'GET', path: '/api/openapi.json' }), everyone(200)],
  [
    'POST /api/session',
    (_c, i) => ({
      method: 'POST',
      path: '/api/session',
      body: { username: `matrix-nobody-${i}`, password: 'wrong-pass' },
    }),
    everyone(401),
  ],
  ['GET /api/session', () => ({ method: 'GET', path: '/api/session' }), signedIn(200)],
  [
    'PUT /api/session/password',
    () => ({
      method: 'PUT',
      path: '/api/session/password',
      body: { currentPassword: 'not-mine-1', password: 'whatever-1' },
    }),
    signedIn(400),
  ],
  ['GET /api/session/tokens', () => ({ method: 'GET', path: '/api/session/tokens' }), signedIn(200)],
  [
    'POST /api/session/tokens',
    (_c, i) => ({ method: 'POST', path: '/api/session/tokens', body: { name: `matrix-${i}` } }),
    signedIn(201),
  ],
  [
    'DELETE /api/session/tokens/{name}',
    () => ({ method: 'DELETE', path: '/api/session/tokens/none-such' }),
    signedIn(404),
  ],
  ['GET /api/users', () => ({ method: 'GET', path: '/api/users' }), adminOnly(200)],
  [
    'POST /api/users',
    (_c, i) => ({
      method: 'POST',
      path: '/api/users',
      body: { username: `matrix-new-${i}`, displayName: '矩阵', role: 'leader', password: 'matrix-pass-1' },
    }),
    adminOnly(201),
  ],
  [
    'PATCH /api/users/{id}',
    (c) => ({ method: 'PATCH', path: `/api/users/${c.dummyUser}`, body: { displayName: '矩阵甲' } }),
    adminOnly(200),
  ],
  [
    'POST /api/users/{id}/password',
    (c) => ({ method: 'POST', path: `/api/users/${c.dummyUser}/password`, body: {} }),
    adminOnly(200),
  ],
  [
    'GET /api/users/{id}/tokens',
    (c) => ({ method: 'GET', path: `/api/users/${c.dummyUser}/tokens` }),
    adminOnly(200),
  ],
  [
    'DELETE /api/users/{id}/tokens/{name}',
    (c) => ({ method: 'DELETE', path: `/api/users/${c.dummyUser}/tokens/none-such` }),
    adminOnly(404),
  ],
  [
    'POST /api/plans',
    (_c, i) => ({
      method: 'POST',
      path: '/api/plans',
      body: {
        title: `矩阵方案${i}`,
        text: `序号\t工作任务\t牵头单位\n1\t建成矩阵第${i}类设施 ${i + 3} 个\t市住建局\n`,
      },
    }),
    evaluators(201),
  ],
  ['GET /api/plans', () => ({ method: 'GET', path: '/api/plans' }), signedIn(200)],
  ['GET /api/plan-summaries', () => ({ method: 'GET', path: '/api/plan-summaries' }), signedIn(200)],
  ['GET /api/plans/{id}', (c) => ({ method: 'GET', path: `/api/plans/${c.plan}` }), signedIn(200)],
  [
    'PATCH /api/plans/{id}',
    (c) => ({
      method: 'PATCH',
      path: `/api/plans/${c.otherPlan}`,
      body: { issuer: '四平市人民政府', revision: 9999 },
    }),
    evaluators(409),
  ],
  [
    'GET /api/plans/{id}/tasks',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/tasks` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/targets',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/targets` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/members',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/members` }),
    signedIn(200),
  ],
  [
    'PUT /api/plans/{id}/members',
    (c) => ({
      method: 'PUT',
      path: `/api/plans/${c.plan}/members`,
      body: { members: c.members, revision: 9999 },
    }),
    evaluators(409),
  ],
  [
    'PATCH /api/tasks/{id}/status',
    (c) => ({ method: 'PATCH', path: `/api/tasks/${c.task}/status`, body: { status: 'in_progress' } }),
    evaluators(200),
  ],
  [
    'POST /api/tasks/{id}/targets',
    (c) => ({
      method: 'POST',
      path: `/api/tasks/${c.task}/targets`,
      body: { subject: '矩阵目标', value: 3, unit: '个', op: 'gte' },
    }),
    evaluators(201),
  ],
  ['GET /api/targets/{id}', (c) => ({ method: 'GET', path: `/api/targets/${c.unitTarget}` }), signedIn(200)],
  [
    'PATCH /api/targets/{id}',
    (c) => ({ method: 'PATCH', path: `/api/targets/${c.unitTarget}`, body: { revision: 9999, value: 1 } }),
    evaluators(409),
  ],
  [
    'POST /api/targets/{id}/confirm',
    (c) => ({ method: 'POST', path: `/api/targets/${c.unitTarget}/confirm`, body: { revision: 9999 } }),
    evaluators(409),
  ],
  [
    'DELETE /api/targets/{id}',
    (c) => ({ method: 'DELETE', path: `/api/targets/${c.unitTarget}?revision=9999` }),
    evaluators(409),
  ],
  [
    'POST /api/targets/{id}/measurements',
    (c, i) => ({
      method: 'POST',
      path: `/api/targets/${c.unitTarget}/measurements`,
      body: { year: 2024, value: i },
    }),
    [401, 201, 403, 403, 201, 403, 403, 401, 401],
  ],
  [
    'POST /api/targets/{id}/measurements',
    (c, i) => ({
      method: 'POST',
      path: `/api/targets/${c.memberTarget}/measurements`,
      body: { year: 2024, value: i, member: '磐石市' },
    }),
    [401, 201, 403, 403, 201, 403, 403, 401, 401],
  ],
  [
    'POST /api/targets/{id}/measurements',
    (c, i) => ({
      method: 'POST',
      path: `/api/targets/${c.memberTarget}/measurements`,
      body: { year: 2024, value: i, member: '桦甸市' },
    }),
    [401, 201, 403, 403, 403, 403, 201, 401, 401],
  ],
  [
    'GET /api/targets/{id}/measurements',
    (c) => ({ method: 'GET', path: `/api/targets/${c.unitTarget}/measurements` }),
    signedIn(200),
  ],
  [
    'POST /api/measurements/state',
    (c) => ({
      method: 'POST',
      path: '/api/measurements/state',
      body: { targetId: c.unitTarget, year: 2024, state: 'verified', revision: 9999 },
    }),
    evaluators(409),
  ],
  [
    'GET /api/plans/{id}/measurements/template.xlsx',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/measurements/template.xlsx` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/measurements/template.csv',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/measurements/template.csv` }),
    signedIn(200),
  ],
  [
    'POST /api/plans/{id}/measurements/upload',
    (c, i) => ({
      method: 'POST',
      path: `/api/plans/${c.plan}/measurements/upload`,
      csv: `目标编号,年度,成员,数值\n${c.unitTarget},2023,,${i + 10}\n`,
    }),
    [401, 200, 403, 403, 200, 403, 403, 401, 401],
  ],
  [
    'GET /api/plans/{id}/progress',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/progress` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/units',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/units` }),
    signedIn(200),
  ],
  ['GET /api/units', () => ({ method: 'GET', path: '/api/units' }), signedIn(200)],
  [
    'GET /api/plans/{id}/progress.xlsx',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/progress.xlsx` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/charts/overview.png',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/charts/overview.png` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/charts/overview.pdf',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/charts/overview.pdf` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/charts/units.png',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/charts/units.png` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/charts/units.pdf',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/charts/units.pdf` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/charts/status.png',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/charts/status.png` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/charts/status.pdf',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/charts/status.pdf` }),
    signedIn(200),
  ],
  [
    'GET /api/charts/compare.png',
    (c) => ({ method: 'GET', path: `/api/charts/compare.png?plans=${c.plan},${c.otherPlan}` }),
    signedIn(200),
  ],
  [
    'GET /api/targets/{id}/chart.png',
    (c) => ({ method: 'GET', path: `/api/targets/${c.unitTarget}/chart.png` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/report.pdf',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/report.pdf` }),
    signedIn(200),
  ],
  [
    'GET /api/plans/{id}/report.docx',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/report.docx` }),
    signedIn(200),
  ],
  // The plan lifecycle (issue 9): stale revisions, so the seed plans stay published.
  [
    'POST /api/plans/{id}/publish',
    (c) => ({ method: 'POST', path: `/api/plans/${c.otherPlan}/publish`, body: { revision: 9999 } }),
    evaluators(409),
  ],
  [
    'POST /api/plans/{id}/withdraw',
    (c) => ({ method: 'POST', path: `/api/plans/${c.otherPlan}/withdraw`, body: { revision: 9999 } }),
    evaluators(409),
  ],
  [
    'POST /api/plans/{id}/restore',
    (c) => ({ method: 'POST', path: `/api/plans/${c.otherPlan}/restore`, body: { revision: 9999 } }),
    adminOnly(409),
  ],
  [
    'DELETE /api/plans/{id}',
    (c) => ({ method: 'DELETE', path: `/api/plans/${c.otherPlan}?revision=9999` }),
    evaluators(409),
  ],
  [
    'GET /api/plans/{id}/history',
    (c) => ({ method: 'GET', path: `/api/plans/${c.plan}/history` }),
    signedIn(200),
  ],
  [
    'POST /api/targets/confirm',
    (c) => ({
      method: 'POST',
      path: '/api/targets/confirm',
      body: { targets: [{ id: c.unitTarget, revision: 9999 }] },
    }),
    evaluators(409),
  ],
  [
    'POST /api/targets/{id}/restore',
    (c) => ({ method: 'POST', path: `/api/targets/${c.unitTarget}/restore`, body: { revision: 9999 } }),
    evaluators(409),
  ],
  [
    'POST /api/targets/{id}/split',
    (c) => ({ method: 'POST', path: `/api/targets/${c.unitTarget}/split`, body: { revision: 9999 } }),
    evaluators(400),
  ],
  [
    'POST /api/targets/{id}/merge',
    (c) => ({ method: 'POST', path: `/api/targets/${c.unitTarget}/merge`, body: { revision: 9999 } }),
    evaluators(400),
  ],
  [
    'POST /api/tasks/{id}/proposal',
    (c) => ({ method: 'POST', path: `/api/tasks/${c.task}/proposal`, body: { start: 0, end: 4 } }),
    evaluators(200),
  ],
  ['GET /api/divisions', () => ({ method: 'GET', path: '/api/divisions' }), signedIn(200)],
  [
    'GET /api/divisions/{name}',
    () => ({ method: 'GET', path: `/api/divisions/${encodeURIComponent('吉林市')}` }),
    signedIn(200),
  ],
  // Figures from completion reports (issue 13): a statistician may read reports for its units.
  [
    'POST /api/plans/{id}/report-figures',
    // A JSON body where a file belongs: 415 once past the permission check.
    (c) => ({ method: 'POST', path: `/api/plans/${c.plan}/report-figures`, body: {} }),
    [401, 415, 415, 403, 415, 415, 415, 401, 401],
  ],
  [
    'POST /api/plans/{id}/report-figures/accept',
    (c) => ({ method: 'POST', path: `/api/plans/${c.plan}/report-figures/accept`, body: {} }),
    [401, 400, 400, 403, 400, 400, 400, 401, 401],
  ],
  [
    'GET /api/targets/{id}/figure-sources',
    (c) => ({ method: 'GET', path: `/api/targets/${c.unitTarget}/figure-sources` }),
    signedIn(200),
  ],
  ['GET /api/audit', () => ({ method: 'GET', path: '/api/audit' }), evaluators(200)],
  [
    'GET /api/audit.xlsx',
    (c) => ({ method: 'GET', path: `/api/audit.xlsx?plan=${c.plan}` }),
    evaluators(200),
  ],
  [
    'POST /api/audit/{id}/restore',
    (c) => ({ method: 'POST', path: `/api/audit/${c.auditEntry}/restore` }),
    evaluators(422),
  ],
  ['GET /api/todo', () => ({ method: 'GET', path: '/api/todo' }), signedIn(200)],
  ['GET /api/todo/count', () => ({ method: 'GET', path: '/api/todo/count' }), signedIn(200)],
  // Last: it ends each caller's session.
  ['DELETE /api/session', () => ({ method: 'DELETE', path: '/api/session' }), signedIn(204)],
];

describe('the route table × every kind of caller', () => {
  const clients = new Map<Caller, Client | null>();
  let ctx: Ctx;

  beforeAll(async () => {
    const { store, url } = env.server;
    const plan = env.seeded.jilin.id;
    const tasks = await store.listTasks(plan);
    const units = new Map(tasks.map((t) => [t.id, t.units.map((u) => u.name)]));
    const targets = env.seeded.jilinTargets;
    const names = (id: number) => units.get(id) ?? [];
    const unitTarget = targets.find(
      (t) =>
        t.each === null &&
        t.base === null &&
        names(t.taskId).includes('市教育局') &&
        !names(t.taskId).includes('市财政局'),
    )!;
    const memberTarget = targets.find(
      (t) =>
        t.each !== null &&
        /县/.test(t.each) &&
        t.base === null &&
        !names(t.taskId).includes('市教育局') &&
        !names(t.taskId).includes('市财政局'),
    )!;
    expect(unitTarget).toBeDefined();
    expect(memberTarget).toBeDefined();
    const accounts: [string, Parameters<typeof store.createUser>[0]][] = [
      [
        'right',
        {
          username: 'm-right',
          displayName: '教育局填报员',
          role: 'statistician',
          password: 'matrix-pass-1',
          units: ['市教育局'],
          members: ['磐石市'],
        },
      ],
      [
        'other',
        {
          username: 'm-other',
          displayName: '财政局填报员',
          role: 'statistician',
          password: 'matrix-pass-1',
          units: ['市财政局'],
        },
      ],
      [
        'member',
        {
          username: 'm-member',
          displayName: '桦甸市填报员',
          role: 'statistician',
          password: 'matrix-pass-1',
          members: ['桦甸市'],
        },
      ],
      [
        'disabled',
        { username: 'm-disabled', displayName: '停用', role: 'leader', password: 'matrix-pass-1' },
      ],
      [
        'revoked',
        { username: 'm-revoked', displayName: '吊销', role: 'evaluator', password: 'matrix-pass-1' },
      ],
    ];
    for (const [caller, input] of accounts) {
      await store.createUser(input);
      clients.set(caller as Caller, await login(url, input.username, 'matrix-pass-1'));
    }
    for (const role of ['admin', 'evaluator', 'leader'] as const)
      clients.set(role, await login(url, role, PASSWORDS[role]));
    clients.set('anonymous', null);
    // A named token, then revoked; an account signed in, then disabled.
    const revokedUser = (await store.findUser('m-revoked'))!;
    const token = await store.createToken(revokedUser.id, '矩阵令牌');
    await store.revokeToken(revokedUser.id, '矩阵令牌');
    clients.set('revoked', clientFor(url, token.token, '', ''));
    const disabledUser = (await store.findUser('m-disabled'))!;
    await store.updateUser(disabledUser.id, { disabled: true });
    const dummy = await store.createUser({
      username: 'm-dummy',
      displayName: '矩阵',
      role: 'leader',
      password: 'matrix-pass-1',
    });
    // A figure to verify (the state row's stale revision needs one to exist).
    await store.recordMeasurement(unitTarget.id, { year: 2024, value: 2 }, 'seed');
    ctx = {
      plan,
      otherPlan: env.seeded.siping.id,
      unitTarget: unitTarget.id,
      memberTarget: memberTarget.id,
      task: unitTarget.taskId,
      dummyUser: dummy.id,
      auditEntry: (await store.pageAudit({ action: 'user.create' }, { limit: 1 })).items[0]!.id,
      members: (await store.listMembers(plan)).map((m) => ({ name: m.name, kind: m.kind })),
    };
  });

  it('has a row for every operation of the OpenAPI document, and none it lacks', async () => {
    const doc = (await (await fetch(`${env.server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect([...new Set(TABLE.map(([route]) => route))].sort()).toEqual([...documented].sort());
  });

  it('answers every route with the expected status for every caller', { timeout: 300_000 }, async () => {
    const wrong: string[] = [];
    for (const [route, build, expected] of TABLE) {
      expect(route.split(' ')[0]).toBe(build(ctx, 0).method);
      for (const [i, caller] of CALLERS.entries()) {
        const call = build(ctx, i);
        const client = clients.get(caller)!;
        let status: number;
        if (call.csv !== undefined) {
          if (client) status = (await client.upload(call.path, 'matrix.csv', call.csv)).status;
          else {
            const form = new FormData();
            form.append('file', new Blob([call.csv]), 'matrix.csv');
            status = (await fetch(`${env.server.url}${call.path}`, { method: 'POST', body: form })).status;
          }
        } else if (client) status = (await client.call(call.method, call.path, call.body)).status;
        else {
          const init: RequestInit = { method: call.method };
          if (call.body !== undefined) {
            init.headers = { 'content-type': 'application/json' };
            init.body = JSON.stringify(call.body);
          }
          status = (await readReply(await fetch(`${env.server.url}${call.path}`, init))).status;
        }
        if (status !== expected[i]) wrong.push(`${route} as ${caller}: ${status}, expected ${expected[i]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
