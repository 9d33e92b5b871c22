import { describe, expect, it } from 'vitest';
import { JILIN } from '../src/demo/jurisdictions';
import { defaultPeriod } from '../src/db/plan-store';
import { goldPlan, hashOf } from './support/gold-plans';
import { dialects, useFreshStore } from './support/store-dialects';

const jilinPlan = goldPlan('000_3cb08648fdcd494e');
const sipingPlan = goldPlan('002_36169d261e098f31');

describe.each(dialects.map((d) => [d.name, d] as const))('plans on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);

  const importJilin = () =>
    f.store.importPlan(
      {
        extracted: jilinPlan,
        title: '吉林市推动现代职业教育高质量发展建设技能社会实施方案',
        issuer: '吉林市人民政府',
        year: 2023,
        sourceName: '000_3cb08648fdcd494e.txt',
        sourceHash: hashOf('jilin'),
        jurisdiction: JILIN,
      },
      'tester',
    );

  it('imports a plan with every task, unit role and target, and the same hash twice gives the same plan', async () => {
    const first = await importJilin();
    expect(first.created).toBe(true);
    const again = await importJilin();
    expect(again.created).toBe(false);
    expect(again.plan.id).toBe(first.plan.id);
    expect(await f.store.listPlans()).toHaveLength(1);

    const tasks = await f.store.listTasks(first.plan.id);
    expect(tasks.map((t) => t.text)).toEqual(jilinPlan.tasks.map((t) => t.text));
    const task7 = tasks.find((t) => t.seq === 7)!;
    expect(task7.units).toEqual([
      { name: '市教育局', role: 'lead' },
      { name: '市财政局', role: 'support' },
      { name: '各县（市）政府', role: 'support' },
    ]);
    const targets = await f.store.listTargets(first.plan.id);
    expect(targets).toHaveLength(23);
    const training = targets.find((t) => t.quote === '5000 人以上')!;
    expect(training).toMatchObject({
      value: 5000,
      op: 'gte',
      per: 'year',
      deadline: 2025,
      origin: 'extracted',
    });
    expect(tasks.find((t) => t.id === training.taskId)!.text.slice(training.start!, training.end!)).toBe(
      '5000 人以上',
    );
  });

  it('sets the period from the plan year and the latest deadline, and lets both be edited within limits', async () => {
    const plan = (await f.store.findPlan('000_3cb08648fdcd494e.txt'))!;
    expect([plan.startYear, plan.horizonYear]).toEqual([2023, 2025]);
    const edited = await f.store.updatePlan(
      plan.id,
      { horizonYear: 2027, issuer: '吉林市人民政府办公室' },
      plan.revision,
      'admin',
    );
    expect([edited.horizonYear, edited.issuer]).toEqual([2027, '吉林市人民政府办公室']);
    await expect(
      f.store.updatePlan(plan.id, { startYear: 2030 }, edited.revision, 'admin'),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      issues: [{ path: ['startYear'] }],
    });
    await expect(
      f.store.updatePlan(plan.id, { horizonYear: 3000 }, edited.revision, 'admin'),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      issues: [{ path: ['horizonYear'] }],
    });
    expect((await f.store.getPlan(plan.id)).horizonYear).toBe(2027);
    const history = await f.store.planHistory(plan.id);
    expect(history.map((h) => [h.revision, h.horizonYear, h.issuer, h.changedBy])).toEqual([
      [1, 2025, '吉林市人民政府', 'tester'],
      [2, 2027, '吉林市人民政府办公室', 'admin'],
    ]);
  });

  it('keeps one unit row per distinct name across plans', async () => {
    await f.store.importPlan(
      {
        extracted: sipingPlan,
        title: '四平市重点工作任务分工',
        sourceName: '002.txt',
        sourceHash: hashOf('siping'),
      },
      'tester',
    );
    const units = await f.store.listUnits();
    const names = units.map((u) => u.name);
    expect(new Set(names).size).toBe(names.length);
    const jilinTasks = jilinPlan.tasks.filter((t) => t.units.includes('市教育局')).length;
    const sipingTasks = sipingPlan.tasks.filter((t) => t.units.includes('市教育局')).length;
    expect(units.find((u) => u.name === '市教育局')!.taskCount).toBe(jilinTasks + sipingTasks);
  });

  it('finds a plan by id or source name and reports unknown ids as not found', async () => {
    const [plan] = await f.store.listPlans();
    expect((await f.store.findPlan(String(plan!.id)))!.id).toBe(plan!.id);
    expect(await f.store.findPlan('no-such-plan.txt')).toBeNull();
    await expect(f.store.getPlan(9999)).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.store.listTasks(9999)).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.store.getPlan(2 ** 31)).rejects.toMatchObject({ code: 'not_found' });
    expect(await f.store.findPlan('99999999999')).toBeNull();
    await expect(
      f.store.updatePlan(plan!.id, { title: '方案\u0000' }, plan!.revision, 'admin'),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      issues: [{ path: ['title'] }],
    });
  });

  it('keeps the members of a jurisdiction editable, replacing them as a whole', async () => {
    const plan = (await f.store.findPlan('000_3cb08648fdcd494e.txt'))!;
    expect(await f.store.listMembers(plan.id)).toEqual(JILIN.members);
    const fewer = JILIN.members.filter((m) => m.kind !== 'district');
    await f.store.setMembers(plan.id, fewer, plan.revision, 'admin');
    expect(await f.store.listMembers(plan.id)).toEqual(fewer);
    const { revision } = await f.store.getPlan(plan.id);
    await expect(
      f.store.setMembers(plan.id, [...fewer, { name: '永吉县', kind: 'county' }], revision, 'admin'),
    ).rejects.toMatchObject({ code: 'unprocessable', issues: [{ path: ['members', fewer.length, 'name'] }] });
    expect(await f.store.listMembers(plan.id)).toEqual(fewer);
    await f.store.setMembers(plan.id, JILIN.members, revision, 'admin');
  });

  it('keeps every status a qualitative task was given, showing the latest', async () => {
    const plan = (await f.store.findPlan('000_3cb08648fdcd494e.txt'))!;
    const task = (await f.store.listTasks(plan.id)).find((t) => t.qualitative)!;
    expect(task.qualitativeStatus).toBeNull();
    await f.store.setTaskStatus(task.id, 'in_progress', 'evaluator');
    const done = await f.store.setTaskStatus(task.id, 'done', 'evaluator');
    expect(done.qualitativeStatus).toBe('done');
    expect((await f.store.listTasks(plan.id)).find((t) => t.id === task.id)!.qualitativeStatus).toBe('done');
    await expect(f.store.setTaskStatus(task.id, 'finished' as never, 'evaluator')).rejects.toMatchObject({
      code: 'unprocessable',
    });
    await expect(f.store.setTaskStatus(99999, 'done', 'evaluator')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('default plan period', () => {
  const withDeadlines = (...deadlines: (number | null)[]) => ({
    ...jilinPlan,
    tasks: [
      {
        ...jilinPlan.tasks[2]!,
        targets: deadlines.map((deadline) => ({ ...jilinPlan.tasks[2]!.targets[0]!, deadline })),
      },
    ],
  });
  it.each([
    { deadlines: [2025, null], year: 2023, period: { startYear: 2023, horizonYear: 2025 } },
    { deadlines: [2025, 2027], year: null, period: { startYear: 2022, horizonYear: 2027 } },
    { deadlines: [null], year: 2024, period: { startYear: 2024, horizonYear: 2027 } },
    { deadlines: [null], year: null, period: { startYear: 2026, horizonYear: 2029 } },
    { deadlines: [2022], year: 2023, period: { startYear: 2023, horizonYear: 2026 } },
  ])('deadlines $deadlines, plan year $year → $period', ({ deadlines, year, period }) => {
    expect(defaultPeriod(withDeadlines(...deadlines), year, 2026)).toEqual(period);
  });
});
