/**
 * The "Done when": the real `dabiao serve` over a real database file — import both
 * plans, enter, revise and bulk-upload figures, read progress with the expected statuses, get
 * the right answer to every kind of bad input with nothing changed, restart and find
 * everything again.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { decodeText } from '../src/documents/decode-text';
import { parseCsv, writeCsv } from '../src/documents/csv';
import { TEMPLATE_COLUMNS } from '../src/app/measurement-template';
import { JILIN, SIPING } from '../src/demo/jurisdictions';
import type { TargetRecord } from '../src/db/store';
import { startChildServer, type ChildServer } from './support/child-server';
import { runCli } from './support/run-cli';
import { clientFor, expectEnvelope, login, readReply, type Client, type Reply } from './support/http-harness';

const PLANS = path.join(PROJECT_ROOT, 'data', 'plans');
const JILIN_FILE = '000_3cb08648fdcd494e.txt';
const SIPING_FILE = '002_36169d261e098f31.txt';
const goldTasks = (file: string) =>
  (
    JSON.parse(
      fs.readFileSync(
        path.join(PROJECT_ROOT, 'tests/fixtures/gold', file.replace('.txt', '.gold.json')),
        'utf8',
      ),
    ) as { tasks: unknown[] }
  ).tasks.length;
const UPLOAD_LIMIT = 64 * 1024;

type TargetRow = Pick<
  TargetRecord,
  'id' | 'taskId' | 'value' | 'op' | 'each' | 'base' | 'per' | 'deadline' | 'revision'
>;

let dir: string;
let database: string;
let server: ChildServer;
let admin: Client, statistician: Client, evaluator: Client, leader: Client;
let jilinId: number, sipingId: number;
/** Siping targets chosen to end in each status as of 2024. */
let met: TargetRow, onTrack: TargetRow, behind: TargetRow, unreported: TargetRow;

const col = (name: (typeof TEMPLATE_COLUMNS)[number]) => TEMPLATE_COLUMNS.indexOf(name);

async function statusesAsOf(year: number): Promise<Map<number, { status: string; expected: number }>> {
  const r = await leader.call('GET', `/api/plans/${sipingId}/progress?year=${year}`);
  expect(r.status).toBe(200);
  return new Map(
    r.body.targets.map((t: { targetId: number; progress: { status: string; expected: number } }) => [
      t.targetId,
      t.progress,
    ]),
  );
}

/** Everything a user can read: plans, tasks, targets, members, progress and every current figure. */
async function snapshot(c: Client = leader): Promise<unknown[]> {
  const out: unknown[] = [(await c.call('GET', '/api/plans')).body];
  for (const id of [jilinId, sipingId]) {
    for (const part of ['', '/tasks', '/targets', '/members', '/progress?year=2024', '/progress?year=2025']) {
      out.push((await c.call('GET', `/api/plans/${id}${part}`)).body);
    }
    out.push((await c.call('GET', `/api/plans/${id}/measurements/template.csv`)).body.toString('utf8'));
  }
  out.push((await c.call('GET', `/api/targets/${met.id}/measurements`)).body);
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-it-'));
  database = path.join(dir, 'dabiao.db');
  server = await startChildServer(database, {
    DABIAO_UPLOAD_LIMIT: String(UPLOAD_LIMIT),
    DABIAO_SHEET_LIMIT: String(UPLOAD_LIMIT),
  });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('dabiao serve, end to end', () => {
  it('prints its address and a one-time admin password, and signs the admin in', async () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(server.adminPassword).toMatch(/^\S{10,}$/);
    admin = await login(server.url, 'admin', server.adminPassword!);
  });

  it('lets the admin create one user per role from a browser session (cookie + CSRF token)', async () => {
    for (const role of ['statistician', 'evaluator', 'leader']) {
      const r = await admin.call(
        'POST',
        '/api/users',
        { username: role, displayName: `集成测试${role}`, role, password: `integration-${role}` },
        { cookie: true },
      );
      expect(r.status).toBe(201);
    }
    const signIn = (u: string) => login(server.url, u, `integration-${u}`);
    [statistician, evaluator, leader] = await Promise.all([
      signIn('statistician'),
      signIn('evaluator'),
      signIn('leader'),
    ]);
  });

  it('imports the Jilin plan as an uploaded file, and the same file again gives the same plan', async () => {
    const file = fs.readFileSync(path.join(PLANS, JILIN_FILE));
    const fields = {
      title: '吉林市推动现代职业教育高质量发展建设技能社会实施方案',
      issuer: '吉林市人民政府',
      year: '2023',
    };
    const first = await evaluator.upload('/api/plans', JILIN_FILE, file, fields);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      created: true,
      tasks: goldTasks(JILIN_FILE),
      plan: { issuer: '吉林市人民政府', year: 2023 },
    });
    expect(first.body.targets).toBeGreaterThan(20);
    jilinId = first.body.plan.id;
    const again = await evaluator.upload('/api/plans', JILIN_FILE, file, fields);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, plan: { id: jilinId } });
  });

  it('imports the Siping plan as JSON text, once', async () => {
    const text = fs.readFileSync(path.join(PLANS, SIPING_FILE), 'utf8');
    const body = {
      title: '四平市推动现代职业教育高质量发展重点工作任务分工',
      issuer: '四平市人民政府',
      text,
    };
    const first = await evaluator.call('POST', '/api/plans', body);
    expect(first.status).toBe(201);
    expect(first.body.tasks).toBe(goldTasks(SIPING_FILE));
    sipingId = first.body.plan.id;
    const again = await evaluator.call('POST', '/api/plans', body);
    expect(again.status).toBe(200);
    expect(again.body.plan.id).toBe(sipingId);
    // Imports are drafts: the leader sees them once the evaluator publishes them.
    expect(first.body.plan.state).toBe('draft');
    expect((await leader.call('GET', '/api/plans')).body).toHaveLength(0);
    for (const id of [jilinId, sipingId]) {
      const { revision } = (await evaluator.call('GET', `/api/plans/${id}`)).body;
      expect((await evaluator.call('POST', `/api/plans/${id}/publish`, { revision })).status).toBe(200);
    }
    expect((await leader.call('GET', '/api/plans')).body).toHaveLength(2);
  });

  it('sets both jurisdictions and the Siping plan period', async () => {
    for (const [id, j] of [
      [jilinId, JILIN],
      [sipingId, SIPING],
    ] as const) {
      const { revision } = (await evaluator.call('GET', `/api/plans/${id}`)).body;
      const r = await evaluator.call('PUT', `/api/plans/${id}/members`, { revision, members: j.members });
      expect(r.body).toEqual(j.members);
    }
    const { revision } = (await evaluator.call('GET', `/api/plans/${sipingId}`)).body;
    const p = await evaluator.call('PATCH', `/api/plans/${sipingId}`, {
      revision,
      startYear: 2023,
      horizonYear: 2025,
    });
    expect(p.body).toMatchObject({ startYear: 2023, horizonYear: 2025 });

    const targets = (await leader.call('GET', `/api/plans/${sipingId}/targets`)).body as TargetRow[];
    const simple = targets.filter(
      (t) =>
        ['eq', 'gte', 'approx'].includes(t.op) &&
        t.value >= 2 &&
        !t.each &&
        !t.base &&
        !t.per &&
        t.deadline === null,
    );
    expect(simple.length).toBeGreaterThanOrEqual(4);
    [met, onTrack, behind, unreported] = simple as [TargetRow, TargetRow, TargetRow, TargetRow];
  });

  it('binds the statistician to the units of both plans; until then it may write no figure', async () => {
    const before = await statistician.call('POST', `/api/targets/${met.id}/measurements`, {
      year: 2023,
      value: 1,
    });
    expect(before.status).toBe(403);
    const units = ((await leader.call('GET', '/api/units')).body as { name: string }[]).map((u) => u.name);
    const users = (await admin.call('GET', '/api/users')).body as { id: number; username: string }[];
    const id = users.find((u) => u.username === 'statistician')!.id;
    const r = await admin.call('PATCH', `/api/users/${id}`, { units }, { cookie: true });
    expect(r.body.units).toHaveLength(units.length);
  });

  it('records a figure and revises it, keeping the history', async () => {
    const first = await statistician.call('POST', `/api/targets/${met.id}/measurements`, {
      year: 2024,
      value: 1,
      note: '初报',
    });
    expect(first.status).toBe(201);
    const revised = await statistician.call('POST', `/api/targets/${met.id}/measurements`, {
      year: 2024,
      value: met.value * 1.5,
      revision: first.body.revision,
      note: '更正',
    });
    expect(revised.body.revision).toBe(first.body.revision + 1);
    const figures = (await leader.call('GET', `/api/targets/${met.id}/measurements`)).body;
    expect(figures.current.map((m: { value: number }) => m.value)).toEqual([met.value * 1.5]);
    expect(figures.history.map((m: { note: string }) => m.note)).toEqual(['初报', '更正']);
  });

  it('bulk-uploads figures from the downloaded CSV and XLSX templates', async () => {
    const expected = (await statusesAsOf(2024)).get(onTrack.id)!.expected;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(1);

    const csv = parseCsv(
      decodeText(
        (await statistician.call('GET', `/api/plans/${sipingId}/measurements/template.csv`)).body,
        'figures.csv',
      ).text,
    );
    const row = csv.find((r) => r[col('目标编号')] === String(onTrack.id) && r[col('年度')] === '2024')!;
    row[col('数值')] = String(Math.ceil(onTrack.value * expected));
    const up1 = await statistician.upload(
      `/api/plans/${sipingId}/measurements/upload`,
      '四平填报.csv',
      writeCsv(csv),
    );
    expect(up1.status).toBe(200);
    expect(up1.body.recorded).toBe(1);

    const xlsx = (await statistician.call('GET', `/api/plans/${sipingId}/measurements/template.xlsx`))
      .body as Buffer;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as never);
    book.worksheets[0]!.eachRow((r) => {
      if (r.getCell(col('目标编号') + 1).value !== behind.id) return;
      const year = r.getCell(col('年度') + 1).value;
      if (year === 2024) r.getCell(col('数值') + 1).value = behind.value * 0.05;
      if (year === 2025) r.getCell(col('数值') + 1).value = behind.value * 0.1;
    });
    const up2 = await statistician.upload(
      `/api/plans/${sipingId}/measurements/upload`,
      '四平填报.xlsx',
      Buffer.from(await book.xlsx.writeBuffer()),
    );
    expect(up2.body).toMatchObject({ recorded: 2, unchanged: 2 });
  });

  it('reads progress with the expected statuses', async () => {
    const y2024 = await statusesAsOf(2024);
    expect([met, onTrack, behind, unreported].map((t) => y2024.get(t.id)!.status)).toEqual([
      'met',
      'on_track',
      'behind',
      'unreported',
    ]);
    expect((await statusesAsOf(2025)).get(behind.id)!.status).toBe('missed');
    const units = (await leader.call('GET', `/api/plans/${sipingId}/units?year=2024`)).body.units;
    expect(units.reduce((n: number, u: { counts: { met: number } }) => n + u.counts.met, 0)).toBeGreaterThan(
      0,
    );
    const xlsx = await leader.call('GET', `/api/plans/${sipingId}/progress.xlsx?year=2024`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  });

  describe('bad input of every kind gets its status and envelope, and changes nothing', () => {
    let before: unknown[];
    beforeAll(async () => {
      before = await snapshot();
    });

    const cases: [string, () => Promise<Reply>, number, string][] = [
      [
        'malformed JSON',
        () =>
          statistician.call('POST', `/api/targets/${met.id}/measurements`, undefined, {
            rawBody: '{"year":',
          }),
        400,
        'malformed_request',
      ],
      [
        'a missing field',
        () => statistician.call('POST', `/api/targets/${met.id}/measurements`, { value: 1 }),
        400,
        'validation_failed',
      ],
      [
        'an invalid field',
        () => evaluator.call('PATCH', `/api/targets/${met.id}`, { revision: met.revision, op: 'more' }),
        400,
        'validation_failed',
      ],
      ['an unknown id', () => leader.call('GET', '/api/targets/987654'), 404, 'not_found'],
      [
        'a stale revision',
        () =>
          statistician.call('POST', `/api/targets/${met.id}/measurements`, {
            year: 2024,
            value: 2,
            revision: 1,
          }),
        409,
        'stale_revision',
      ],
      [
        'an oversized upload',
        () =>
          statistician.upload(
            `/api/plans/${sipingId}/measurements/upload`,
            'big.csv',
            'x'.repeat(UPLOAD_LIMIT + 1),
          ),
        413,
        'payload_too_large',
      ],
      [
        'an impossible member',
        () =>
          statistician.call('POST', `/api/targets/${met.id}/measurements`, {
            year: 2024,
            value: 2,
            member: '铁西区',
          }),
        422,
        'unprocessable',
      ],
      [
        'an impossible plan period',
        async () =>
          evaluator.call('PATCH', `/api/plans/${sipingId}`, {
            revision: (await evaluator.call('GET', `/api/plans/${sipingId}`)).body.revision,
            startYear: 2025,
            horizonYear: 2023,
          }),
        422,
        'unprocessable',
      ],
      [
        'a wrong content type',
        () =>
          statistician.call('POST', `/api/targets/${met.id}/measurements`, undefined, {
            rawBody: 'year=2024',
            headers: { 'content-type': 'text/plain' },
          }),
        415,
        'unsupported_media_type',
      ],
      [
        'a wrong role',
        () => leader.call('POST', `/api/targets/${met.id}/measurements`, { year: 2024, value: 2 }),
        403,
        'forbidden',
      ],
      [
        'a missing CSRF token',
        () =>
          statistician.call(
            'POST',
            `/api/targets/${met.id}/measurements`,
            { year: 2024, value: 2 },
            { cookie: true, csrf: null },
          ),
        403,
        'csrf_failed',
      ],
      [
        'no session',
        async () => readReply(await fetch(`${server.url}/api/plans/${sipingId}/progress`)),
        401,
        'unauthenticated',
      ],
    ];

    const table = cases.map(([name, send, status, code]) => ({ name, send, status, code }));
    it.each(table)('$name → $status $code', async ({ send, status, code }) => {
      expectEnvelope(await send(), status, code);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('stops on SIGTERM and, restarted on the same file, finds everything again', async () => {
    const before = await snapshot();
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('达标已停止');
    server = await startChildServer(database, {
      DABIAO_UPLOAD_LIMIT: String(UPLOAD_LIMIT),
      DABIAO_SHEET_LIMIT: String(UPLOAD_LIMIT),
    });
    expect(server.adminPassword).toBeNull();
    // Sessions live in the database: the leader's token still works on the new process.
    leader = clientFor(server.url, leader.token, leader.csrfToken, leader.cookie);
    expect(await snapshot()).toEqual(before);
    const again = await login(server.url, 'statistician', 'integration-statistician');
    expect((await again.call('GET', `/api/targets/${met.id}/measurements`)).body.history).toHaveLength(2);
  });
});

describe('dabiao serve on the command line', () => {
  // In this process through main(argv): the end-to-end suite above runs the real binary.
  const runServe = async (args: string[]) => {
    const run = await runCli(['serve', ...args]);
    return { code: run.status, out: run.stdout + run.stderr };
  };

  it.each([
    [['--bogus'], '选项有误'],
    [['--port', 'abc'], '端口（port）：应为数字'],
  ])('refuses %j with exit code 2 and says why in Chinese', async (args, message) => {
    const { code, out } = await runServe(args);
    expect(code).toBe(2);
    expect(out).toContain(message);
  });

  it('exits 1 on a taken port without creating the admin, whose password would then be lost', async () => {
    const port = new URL(server.url).port;
    const other = path.join(dir, 'other.db');
    const taken = await runServe(['--port', port, '--db', other]);
    expect(taken.code).toBe(1);
    expect(taken.out).toContain(`端口 ${port} 已被占用`);
    expect(taken.out).not.toContain('初始密码');
    const fresh = await startChildServer(other);
    try {
      expect(fresh.adminPassword).not.toBeNull();
    } finally {
      await fresh.stop();
    }
  });
});
