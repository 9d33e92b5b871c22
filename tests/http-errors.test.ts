import { describe, expect, it } from 'vitest';
import {
  expectEnvelope,
  loginAll,
  startTestServer,
  useSeededServer,
  type Reply,
} from './support/http-harness';
import { memberTarget, plainTarget } from './support/http-seed';

const UPLOAD_LIMIT = 4096;

const env = useSeededServer({
  overrides: { uploadLimitBytes: UPLOAD_LIMIT, sheetLimitBytes: UPLOAD_LIMIT },
  async prepare({ users, seeded }) {
    // One figure with a known revision, so a stale revision can be sent.
    const t = plainTarget(seeded.jilinTargets);
    await users.statistician.call('POST', `/api/targets/${t.id}/measurements`, { year: 2023, value: 2 });
    await users.statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 2023,
      value: 3,
      revision: 1,
    });
  },
});

/** Everything a user could read, to prove a refused request changed nothing. */
async function snapshot() {
  const c = env.users.admin;
  const out: unknown[] = [(await c.call('GET', '/api/plans')).body];
  for (const plan of [env.seeded.jilin, env.seeded.siping]) {
    for (const part of ['', '/tasks', '/targets', '/members'])
      out.push((await c.call('GET', `/api/plans/${plan.id}${part}`)).body);
    out.push(await env.server.store.listMeasurements({ planId: plan.id }));
  }
  return out;
}

type Case = [string, () => Promise<Reply>, number, string, ((r: Reply) => void)?];

const t = () => plainTarget(env.seeded.jilinTargets);
const stat = () => env.users.statistician;
const issuePaths = (r: Reply) => r.body.error.issues.map((i: { path: unknown }) => i.path);

const cases: Case[] = [
  [
    'malformed JSON',
    () =>
      stat().call('POST', `/api/targets/${t().id}/measurements`, undefined, {
        rawBody: '{"year": 2024, "value": ',
      }),
    400,
    'malformed_request',
  ],
  [
    'a missing year',
    () => stat().call('POST', `/api/targets/${t().id}/measurements`, { value: 5 }),
    400,
    'validation_failed',
    (r) => {
      expect(issuePaths(r)).toEqual([['year']]);
      expect(r.body.error.issues[0].message).toMatch(/^年度（year）：必须填写 \/ year: required$/);
    },
  ],
  [
    'a value that is not a number',
    () => stat().call('POST', `/api/targets/${t().id}/measurements`, { year: 2024, value: '十二' }),
    400,
    'validation_failed',
    (r) => {
      expect(issuePaths(r)).toEqual([['value']]);
      expect(r.body.error.issues[0].message).toContain('数值（value）：应为数字');
    },
  ],
  [
    'a year outside 1990–2100',
    () => stat().call('POST', `/api/targets/${t().id}/measurements`, { year: 2300, value: 1 }),
    400,
    'validation_failed',
    (r) => expect(r.body.error.issues[0].message).toContain('不能大于 2100'),
  ],
  [
    'a misspelt field',
    () => stat().call('POST', `/api/targets/${t().id}/measurements`, { year: 2024, vaule: 1 }),
    400,
    'validation_failed',
    (r) => expect(r.body.error.issues.map((i: { message: string }) => i.message).join()).toContain('vaule'),
  ],
  [
    'a body that is a list, not an object',
    () => stat().call('POST', `/api/targets/${t().id}/measurements`, [1, 2]),
    400,
    'validation_failed',
  ],
  [
    'an id that is not a number',
    () => stat().call('GET', '/api/targets/abc'),
    400,
    'validation_failed',
    (r) => expect(issuePaths(r)).toEqual([['id']]),
  ],
  ['an unknown plan', () => stat().call('GET', '/api/plans/99999'), 404, 'not_found'],
  [
    'an unknown target',
    () => stat().call('POST', '/api/targets/99999/measurements', { year: 2024, value: 1 }),
    404,
    'not_found',
  ],
  [
    'an unknown task',
    () => env.users.evaluator.call('PATCH', '/api/tasks/99999/status', { status: 'done' }),
    404,
    'not_found',
  ],
  ['an unknown endpoint', () => stat().call('GET', '/api/plans/1/nonsense'), 404, 'not_found'],
  [
    'a stale figure revision',
    () => stat().call('POST', `/api/targets/${t().id}/measurements`, { year: 2023, value: 9, revision: 1 }),
    409,
    'stale_revision',
  ],
  [
    'a stale target revision',
    () => env.users.evaluator.call('DELETE', `/api/targets/${t().id}?revision=${t().revision + 5}`),
    409,
    'stale_revision',
  ],
  [
    'a member outside the plan',
    () =>
      stat().call('POST', `/api/targets/${memberTarget(env.seeded.jilinTargets).id}/measurements`, {
        year: 2024,
        value: 1,
        member: '长春市',
      }),
    422,
    'unprocessable',
    (r) => expect(issuePaths(r)).toEqual([['member']]),
  ],
  [
    'a member for a whole-city target',
    () =>
      stat().call('POST', `/api/targets/${t().id}/measurements`, { year: 2024, value: 1, member: '永吉县' }),
    422,
    'unprocessable',
  ],
  [
    'numerator and denominator for a target without a base',
    () =>
      stat().call('POST', `/api/targets/${t().id}/measurements`, {
        year: 2024,
        numerator: 1,
        denominator: 2,
      }),
    422,
    'unprocessable',
  ],
  [
    'a plan period ending before it starts',
    () =>
      env.users.evaluator.call('PATCH', `/api/plans/${env.seeded.jilin.id}`, {
        revision: env.seeded.jilin.revision,
        startYear: 2026,
        horizonYear: 2024,
      }),
    422,
    'unprocessable',
  ],
  [
    'a form post to a JSON route',
    () =>
      stat().call('POST', `/api/targets/${t().id}/measurements`, undefined, {
        rawBody: 'year=2024&value=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    415,
    'unsupported_media_type',
  ],
  [
    'a JSON body over the size limit',
    () =>
      stat().call('POST', `/api/targets/${t().id}/measurements`, {
        year: 2024,
        value: 1,
        note: '备'.repeat(200_000),
      }),
    413,
    'payload_too_large',
  ],
  [
    'an upload over the size limit',
    () =>
      stat().upload(
        `/api/plans/${env.seeded.jilin.id}/measurements/upload`,
        '数据.csv',
        'x'.repeat(UPLOAD_LIMIT * 3),
      ),
    413,
    'payload_too_large',
  ],
  [
    'an upload that is not a spreadsheet',
    () =>
      stat().upload(
        `/api/plans/${env.seeded.jilin.id}/measurements/upload`,
        '照片.png',
        Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      ),
    415,
    'unsupported_format',
  ],
  [
    'an upload without a file',
    () => stat().upload(`/api/plans/${env.seeded.jilin.id}/measurements/upload`, '', ''),
    400,
    'validation_failed',
  ],
  [
    'a wrong role',
    () => env.users.leader.call('POST', `/api/targets/${t().id}/measurements`, { year: 2024, value: 1 }),
    403,
    'forbidden',
  ],
  [
    'a missing CSRF token',
    () =>
      stat().call(
        'POST',
        `/api/targets/${t().id}/measurements`,
        { year: 2024, value: 1 },
        { cookie: true, csrf: null },
      ),
    403,
    'csrf_failed',
  ],
  [
    'no session',
    async () => {
      const res = await fetch(`${env.server.url}/api/targets/${t().id}/measurements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ year: 2024, value: 1 }),
      });
      return { status: res.status, headers: res.headers, body: await res.json() };
    },
    401,
    'unauthenticated',
  ],
  [
    'an empty plan file',
    () => env.users.evaluator.upload('/api/plans', '方案.txt', ''),
    422,
    'empty_document',
  ],
  [
    'a plan file that is a picture',
    () =>
      env.users.evaluator.upload(
        '/api/plans',
        '方案.txt',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      ),
    422,
    'binary_document',
  ],
  [
    'a plan text without any task or target',
    () =>
      env.users.evaluator.call('POST', '/api/plans', {
        title: '空方案',
        text: '关于做好有关工作的通知。请认真贯彻落实。',
      }),
    422,
    'no_tasks_found',
  ],
  [
    'a plan without a title',
    () => env.users.evaluator.call('POST', '/api/plans', { text: '1\t培育 20 门课程\t市教育局' }),
    400,
    'validation_failed',
  ],
  [
    'a chart too wide',
    () => stat().call('GET', `/api/plans/${env.seeded.jilin.id}/charts/overview.png?width=99999`),
    400,
    'validation_failed',
  ],
];

describe('bad requests', () => {
  const table = cases.map(([name, send, status, code, more]) => ({ name, send, status, code, more }));
  it.each(table)('$name → $status $code, nothing changed', async ({ send, status, code, more }) => {
    const before = await snapshot();
    const reply = await send();
    expectEnvelope(reply, status, code);
    more?.(reply);
    expect(await snapshot()).toEqual(before);
  });
});

describe('unexpected failures', () => {
  it('answer 500 with the envelope and no stack trace when the database is gone', async () => {
    const doomed = await startTestServer();
    try {
      const [admin] = Object.values(await loginAll(doomed.url));
      await doomed.store.close();
      const reply = await admin!.call('GET', '/api/plans');
      expectEnvelope(reply, 500, 'internal');
      expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts|node_modules|Error:/);
    } finally {
      await doomed.close();
    }
  });
});
