/**
 * A target against a base year over HTTP, the whole way a city's office takes it: the evaluator
 * imports a plan, the statistician enters the base year's level and this year's, progress
 * judges the change from the base level and the progress sheet says it in words; the evaluator
 * corrects the base year, and an impossible direction is refused in the one envelope.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectEnvelope,
  loginAll,
  startTestServer,
  type Client,
  type TestServer,
} from './support/http-harness';
import type { UserRole } from '../src/shared/index.js';

const PLAN = [
  '序号\t工作任务\t牵头单位\t完成时限',
  '1\t到2025年，单位GDP能耗比2020年下降13.5%\t市发展改革委\t2025年',
  '2\t到2025年，农村居民人均可支配收入较2020年增长8%以上\t市农业农村局\t2025年',
  '3\t到2025年，婴儿死亡率降至5‰以下\t市卫生健康委\t2025年',
].join('\n');

let server: TestServer;
let users: Record<UserRole, Client>;
beforeAll(async () => {
  server = await startTestServer();
  const stat = (await server.store.findUser('statistician'))!;
  await server.store.updateUser(stat.id, { units: ['市发展改革委', '市农业农村局', '市卫生健康委'] });
  users = await loginAll(server.url);
});
afterAll(() => server?.close());

describe('a change against a base year from import to progress', () => {
  let planId: number;
  let targets: {
    id: number;
    subject: string;
    change: string | null;
    baseYear: number | null;
    revision: number;
  }[];

  it('imports the plan keeping each target’s direction and base year', async () => {
    const imported = await users.evaluator.call('POST', '/api/plans', {
      title: '“十四五”主要指标',
      text: PLAN,
      year: 2021,
    });
    expect(imported.status).toBe(201);
    planId = imported.body.plan.id;
    // An import is a draft: published, the leader and the statistician see it.
    const published = await users.evaluator.call('POST', `/api/plans/${planId}/publish`, {
      revision: imported.body.plan.revision,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    targets = (await users.leader.call('GET', `/api/plans/${planId}/targets`)).body;
    expect(targets.map((t) => [t.subject, t.change, t.baseYear])).toEqual([
      ['单位GDP能耗', 'fall', 2020],
      ['农村居民人均可支配收入', 'rise', 2020],
      ['婴儿死亡率', null, null],
    ]);
  });

  it('says 未填报基期数据 until the base level is entered, then judges the change', async () => {
    const [energy, income] = targets;
    const put = (id: number, year: number, value: number) =>
      users.statistician.call('POST', `/api/targets/${id}/measurements`, { year, value });
    expect((await put(energy!.id, 2024, 0.44)).status).toBe(201);
    expect((await put(income!.id, 2024, 21000)).status).toBe(201);
    const progress = async () =>
      (await users.leader.call('GET', `/api/plans/${planId}/progress?year=2024`)).body.targets as {
        targetId: number;
        change: string | null;
        baseYear: number | null;
        progress: { status: string; note: string; change: { achieved: number | null } | null };
      }[];
    const before = await progress();
    expect(before[0]).toMatchObject({
      change: 'fall',
      baseYear: 2020,
      progress: { status: 'unreported', note: '未填报基期数据（2020 年）；2024 年 0.44' },
    });

    expect((await put(energy!.id, 2020, 0.5)).status).toBe(201);
    expect((await put(income!.id, 2020, 20000)).status).toBe(201);
    const after = await progress();
    expect(after.map((t) => [t.progress.status, t.progress.note])).toEqual([
      ['on_track', '2024 年比2020年下降 12%（目标 13.5%），完成 88.9%，序时进度 80%'],
      ['behind', '2024 年比2020年增长 5%（目标不少于 8%），完成 62.5%，序时进度 80%'],
      ['unreported', '2024 年未填报'],
    ]);
    expect(after[0]!.progress.change!.achieved).toBeCloseTo(12, 6);

    // The progress sheet's 最新数据 column says the same in words.
    const sheet = await users.leader.raw(`/api/plans/${planId}/progress.xlsx?year=2024`, {
      headers: { authorization: `Bearer ${users.leader.token}` },
    });
    expect(sheet.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await sheet.arrayBuffer());
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('2024 年比2020年下降 12%（目标 13.5%）');
    expect(cells).toContain('2024 年比2020年增长 5%（目标不少于 8%）');
  });

  it('lets the evaluator move the base year, and refuses a direction that is not one', async () => {
    const energy = targets[0]!;
    const moved = await users.evaluator.call('PATCH', `/api/targets/${energy.id}`, {
      revision: energy.revision,
      baseYear: 2019,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ change: 'fall', baseYear: 2019, revision: energy.revision + 1 });
    const row = (await users.leader.call('GET', `/api/plans/${planId}/progress?year=2024`)).body.targets[0];
    expect(row.progress.note).toBe('未填报基期数据（2019 年）；2024 年 0.44');

    const bad = await users.evaluator.call('PATCH', `/api/targets/${energy.id}`, {
      revision: energy.revision + 1,
      change: 'up',
    });
    expectEnvelope(bad, 400, 'validation_failed');
    expect(bad.body.error.issues[0].path).toEqual(['change']);
    const lonely = await users.evaluator.call('PATCH', `/api/targets/${energy.id}`, {
      revision: energy.revision + 1,
      change: null,
    });
    expectEnvelope(lonely, 422, 'unprocessable');
    expect(lonely.body.error.issues[0]).toMatchObject({ path: ['baseYear'] });
  });
});
