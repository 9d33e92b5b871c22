import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredTargetFields } from '../src/db/store';
import { goldPlan, hashOf } from './support/gold-plans';
import { dialects, useFreshStore } from './support/store-dialects';

describe.each(dialects.map((d) => [d.name, d] as const))('targets on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);
  let planId: number;
  beforeAll(async () => {
    const { plan } = await f.store.importPlan(
      {
        extracted: goldPlan('002_36169d261e098f31'),
        title: '四平市重点工作任务分工',
        sourceName: '002_36169d261e098f31.txt',
        sourceHash: hashOf('siping'),
      },
      'importer',
    );
    planId = plan.id;
  });

  const byQuote = async (quote: string) =>
    (await f.store.listTargets(planId)).find((t) => t.quote === quote)!;

  it('keeps every revision of a corrected, confirmed and deleted target', async () => {
    const t = await byQuote('10个');
    const edited = await f.store.updateTarget(t.id, { value: 12, quote: '12个' }, 1, 'evaluator');
    expect(edited).toMatchObject({
      revision: 2,
      value: 12,
      origin: 'edited',
      confirmed: false,
      updatedBy: 'evaluator',
    });
    const confirmed = await f.store.confirmTarget(t.id, 2, 'chief');
    expect(confirmed).toMatchObject({ revision: 3, value: 12, confirmed: true, confirmedBy: 'chief' });
    const deleted = await f.store.deleteTarget(t.id, 3, 'chief');
    expect(deleted.deleted).toBe(true);

    const history = await f.store.targetHistory(t.id);
    expect(history.map((h) => [h.revision, h.value, h.origin, h.confirmed, h.deleted])).toEqual([
      [1, 10, 'extracted', false, false],
      [2, 12, 'edited', false, false],
      [3, 12, 'edited', true, false],
      [4, 12, 'edited', true, true],
    ]);
    expect((await f.store.listTargets(planId)).map((x) => x.id)).not.toContain(t.id);
    await expect(f.store.updateTarget(t.id, { value: 13 }, 4, 'evaluator')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a correction after confirmation needs confirming again', async () => {
    const t = await byQuote('2个');
    await f.store.confirmTarget(t.id, 1, 'chief');
    const edited = await f.store.updateTarget(t.id, { op: 'gte' }, 2, 'evaluator');
    expect(edited).toMatchObject({ op: 'gte', confirmed: false, confirmedBy: null, revision: 3 });
  });

  it.each([
    ['updateTarget', (id: number, rev: number) => f.store.updateTarget(id, { value: 99 }, rev, 'late')],
    ['confirmTarget', (id: number, rev: number) => f.store.confirmTarget(id, rev, 'late')],
    ['deleteTarget', (id: number, rev: number) => f.store.deleteTarget(id, rev, 'late')],
  ])('%s with a stale revision is refused and writes nothing', async (_op, write) => {
    const t = await byQuote('1个');
    const before = await f.store.targetHistory(t.id);
    await expect(write(t.id, before.length - 1)).rejects.toMatchObject({
      code: 'stale_revision',
      issues: [{ path: ['expectedRevision'] }],
    });
    expect(await f.store.targetHistory(t.id)).toEqual(before);
  });

  it('two writers holding the same revision: one wins, the other is told it is stale', async () => {
    const t = await byQuote('5个');
    const results = await Promise.allSettled([
      f.store.updateTarget(t.id, { value: 6 }, t.revision, 'a'),
      f.store.updateTarget(t.id, { value: 7 }, t.revision, 'b'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'stale_revision' },
    });
    expect(await f.store.targetHistory(t.id)).toHaveLength(t.revision + 1);
  });

  const manual: StoredTargetFields = {
    quote: '',
    subject: '新增社区学院',
    value: 3,
    max: null,
    unit: '所',
    op: 'gte',
    deadline: 2025,
    per: null,
    each: null,
    base: null,
    start: null,
    end: null,
  };

  it('adds a target by hand to a task; a later correction keeps it marked manual', async () => {
    const task = (await f.store.listTasks(planId)).find((x) => x.seq === 27)!;
    const added = await f.store.addTarget(task.id, manual, 'evaluator');
    expect(added).toMatchObject({
      taskId: task.id,
      planId,
      origin: 'manual',
      revision: 1,
      subject: '新增社区学院',
    });
    expect((await f.store.updateTarget(added.id, { value: 4 }, 1, 'evaluator')).origin).toBe('manual');
    await expect(f.store.addTarget(99999, manual, 'evaluator')).rejects.toMatchObject({ code: 'not_found' });
  });

  it.each([
    [{ subject: ' ' }, 'subject'],
    [{ value: -1 }, 'value'],
    [{ op: 'range' as const }, 'max'],
    [{ max: 1 }, 'max'],
    [{ deadline: 1800 }, 'deadline'],
    [{ op: 'most' as never }, 'op'],
    [{ start: 5 }, 'end'],
    [{ subject: '实训\u0000基地' }, 'subject'],
    [{ start: 0, end: 2 ** 40 }, 'start'],
  ])('refuses an impossible target %o, naming %s', async (patch, field) => {
    const task = (await f.store.listTasks(planId))[0]!;
    const count = (await f.store.listTargets(planId)).length;
    const err = await f.store.addTarget(task.id, { ...manual, ...patch }, 'evaluator').catch((e) => e);
    expect(err).toMatchObject({ code: 'unprocessable' });
    expect(err.issues.map((i: { path: string[] }) => i.path[0])).toContain(field);
    expect(err.issues[0].message).toMatch(/[\u4e00-\u9fff].* \/ /);
    expect(await f.store.listTargets(planId)).toHaveLength(count);
  });

  it.each([424242, 0, -1, 1.5, 2 ** 31, 2 ** 53])(
    'target id %d is not found, on every dialect',
    async (id) => {
      await expect(f.store.getTarget(id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(f.store.recordMeasurement(id, { year: 2024, value: 1 }, 'x')).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(f.store.listMeasurements({ targetId: id })).rejects.toMatchObject({ code: 'not_found' });
    },
  );

  it('unknown target ids are not found', async () => {
    await expect(f.store.getTarget(424242)).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.store.targetHistory(424242)).rejects.toMatchObject({ code: 'not_found' });
    await expect(f.store.confirmTarget(424242, 1, 'x')).rejects.toMatchObject({ code: 'not_found' });
  });
});
