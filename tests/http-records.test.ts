import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { describe, expect, it } from 'vitest';
import { useSeededServer } from './support/http-harness';
import { memberTarget, plainTarget } from './support/http-seed';

const env = useSeededServer();

/** The statistician enters one figure for a target. */
const recordFigure = (targetId: number, body: Record<string, unknown>) =>
  env.users.statistician.call('POST', `/api/targets/${targetId}/measurements`, body);

describe('plans, tasks and targets', () => {
  it('lists both plans with their tasks and targets', async () => {
    const plans = (await env.users.leader.call('GET', '/api/plans')).body;
    expect(plans.map((p: { title: string }) => p.title)).toEqual([
      env.seeded.jilin.title,
      env.seeded.siping.title,
    ]);
    const tasks = (await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/tasks`)).body;
    expect(tasks).toHaveLength(53);
    expect(tasks[0].units[0]).toEqual({ name: expect.any(String), role: 'lead' });
    const targets = (await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/targets`)).body;
    expect(targets.length).toBe(env.seeded.jilinTargets.length);
  });

  it('corrects a target, keeps every revision, and refuses the stale revision afterwards', async () => {
    const t = plainTarget(env.seeded.sipingTargets);
    const fixed = await env.users.evaluator.call('PATCH', `/api/targets/${t.id}`, {
      revision: t.revision,
      value: t.value + 1,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      value: t.value + 1,
      origin: 'edited',
      revision: t.revision + 1,
      updatedBy: 'evaluator',
    });
    const stale = await env.users.evaluator.call('PATCH', `/api/targets/${t.id}`, {
      revision: t.revision,
      value: 1,
    });
    expect(stale.status).toBe(409);
    const read = (await env.users.leader.call('GET', `/api/targets/${t.id}`)).body;
    expect(read.target.value).toBe(t.value + 1);
    expect(read.history.map((h: { value: number }) => h.value)).toEqual([t.value, t.value + 1]);
  });

  it('confirms, adds by hand and deletes a target, history kept', async () => {
    const t = env.seeded.sipingTargets[1]!;
    const confirmed = await env.users.evaluator.call('POST', `/api/targets/${t.id}/confirm`, {
      revision: t.revision,
    });
    expect(confirmed.body).toMatchObject({ confirmed: true, confirmedBy: 'evaluator' });

    const added = await env.users.evaluator.call('POST', `/api/tasks/${t.taskId}/targets`, {
      subject: '校企合作订单班',
      value: 10,
      unit: '个',
      op: 'gte',
      deadline: 2025,
    });
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe(`/api/targets/${added.body.id}`);
    expect(added.body).toMatchObject({ origin: 'manual', subject: '校企合作订单班', quote: '', max: null });

    const gone = await env.users.evaluator.call(
      'DELETE',
      `/api/targets/${added.body.id}?revision=${added.body.revision}`,
    );
    expect(gone.status).toBe(200);
    const list = (await env.users.leader.call('GET', `/api/plans/${env.seeded.siping.id}/targets`)).body;
    expect(list.some((x: { id: number }) => x.id === added.body.id)).toBe(false);
    const history = (await env.users.leader.call('GET', `/api/targets/${added.body.id}`)).body.history;
    expect(history.map((h: { deleted: boolean }) => h.deleted)).toEqual([false, true]);
  });

  it('sets a qualitative task status', async () => {
    const tasks = (await env.users.leader.call('GET', `/api/plans/${env.seeded.siping.id}/tasks`)).body;
    const task = tasks.find((x: { qualitative: boolean }) => x.qualitative);
    const r = await env.users.evaluator.call('PATCH', `/api/tasks/${task.id}/status`, { status: 'done' });
    expect(r.body.qualitativeStatus).toBe('done');
  });
});

describe('figures', () => {
  it('records and revises a figure: the latest counts, the history keeps both', async () => {
    const t = plainTarget(env.seeded.jilinTargets);
    const first = await recordFigure(t.id, {
      year: 2023,
      value: 3,
      note: '示例',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      year: 2023,
      value: 3,
      revision: 1,
      state: 'reported',
      enteredBy: 'statistician',
    });
    const second = await recordFigure(t.id, {
      year: 2023,
      value: 4,
      revision: 1,
    });
    expect(second.body.revision).toBe(2);
    const stale = await recordFigure(t.id, {
      year: 2023,
      value: 5,
      revision: 1,
    });
    expect(stale.status).toBe(409);
    const read = (await env.users.leader.call('GET', `/api/targets/${t.id}/measurements`)).body;
    expect(read.current).toHaveLength(1);
    expect(read.current[0].value).toBe(4);
    expect(read.history.map((m: { value: number }) => m.value)).toEqual([3, 4]);
  });

  it('takes a figure per county for a 每个县（市） target and refuses a district', async () => {
    const t = memberTarget(env.seeded.jilinTargets);
    const ok = await recordFigure(t.id, {
      year: 2024,
      value: 1,
      member: '永吉县',
    });
    expect(ok.status).toBe(201);
    const district = await recordFigure(t.id, {
      year: 2024,
      value: 1,
      member: '昌邑区',
    });
    expect(district.status).toBe(422);
    expect(district.body.error.issues[0].path).toEqual(['member']);
  });

  it('lets an evaluator verify and return figures; verified-only progress counts only verified ones', async () => {
    const t = plainTarget(env.seeded.sipingTargets);
    await recordFigure(t.id, {
      year: 2024,
      value: t.value,
    });
    const before = (
      await env.users.leader.call(
        'GET',
        `/api/plans/${env.seeded.siping.id}/progress?year=2024&verified=true`,
      )
    ).body;
    const rowBefore = before.targets.find((r: { targetId: number }) => r.targetId === t.id);
    expect(rowBefore.progress.status).toBe('unreported');

    const verified = await env.users.evaluator.call('POST', '/api/measurements/state', {
      targetId: t.id,
      year: 2024,
      state: 'verified',
      revision: 1,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.state).toBe('verified');
    const after = (
      await env.users.leader.call('GET', `/api/plans/${env.seeded.siping.id}/progress?year=2024&verified=1`)
    ).body;
    expect(after.dataState).toBe('verified');
    expect(after.targets.find((r: { targetId: number }) => r.targetId === t.id).progress.latest).toEqual({
      year: 2024,
      value: t.value,
    });
  });
});

describe('progress', () => {
  it('reports status, completion and expected progress per target, and summaries per unit', async () => {
    const res = await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/progress?year=2024`);
    expect(res.status).toBe(200);
    expect(res.body.asOfYear).toBe(2024);
    const statuses = new Set(
      res.body.targets.map((r: { progress: { status: string } }) => r.progress.status),
    );
    expect(statuses.has('unreported')).toBe(true);
    const units = (await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/units?year=2024`))
      .body.units;
    expect(units.length).toBeGreaterThan(3);
    expect(units.find((u: { unit: string }) => u.unit === '市教育局').total).toBeGreaterThan(0);
  });

  it('lists every responsible unit across plans once, with how many tasks name it', async () => {
    const units = (await env.users.leader.call('GET', '/api/units')).body as {
      name: string;
      taskCount: number;
    }[];
    const names = units.map((u) => u.name);
    expect(new Set(names).size).toBe(names.length);
    expect(units.find((u) => u.name === '市教育局')!.taskCount).toBeGreaterThan(10);
  });

  it('restricts the view to one responsible unit', async () => {
    const all = (await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/progress?year=2024`))
      .body;
    const one = (
      await env.users.leader.call(
        'GET',
        `/api/plans/${env.seeded.jilin.id}/progress?year=2024&unit=${encodeURIComponent('市人社局')}`,
      )
    ).body;
    expect(one.unit).toBe('市人社局');
    expect(one.targets.length).toBeLessThan(all.targets.length);
    // Targets name their task; the task, listed once, carries the units.
    const units = new Map<number, string[]>(
      one.tasks.map((t: { taskId: number; units: string[] }) => [t.taskId, t.units]),
    );
    expect(one.targets.every((r: { taskId: number }) => units.get(r.taskId)?.includes('市人社局'))).toBe(
      true,
    );
  });
});

describe('importing a plan file', () => {
  it('keeps a Chinese file name and takes the title from the form', async () => {
    const file = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'plans', '002_36169d261e098f31.txt'));
    const r = await env.users.evaluator.upload('/api/plans', '四平市重点工作任务分工.txt', file, {
      title: '四平市任务分工（上传）',
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(`/api/plans/${r.body.plan.id}`);
    expect(r.body.plan).toMatchObject({
      sourceName: '四平市重点工作任务分工.txt',
      title: '四平市任务分工（上传）',
    });
  });
});
