import { beforeAll, describe, expect, it } from 'vitest';
import { JILIN, SIPING } from '../src/demo/jurisdictions';
import { DEMO_NOTE, SEED_PLANS, seedDemo, type SeededPlan } from '../src/demo/seed-demo';
import { loadPlanProgress } from '../src/app';
import { dialects, useFreshStore } from './support/store-dialects';
import { STATUS_LABELS } from '../src/shared/index.js';

describe.each(dialects.map((d) => [d.name, d] as const))('demo data on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);
  let seeded: SeededPlan[];
  beforeAll(async () => {
    seeded = await seedDemo(f.store);
  });

  it('imports both seed plans with their issuers and the real counties and districts', async () => {
    expect(seeded.map((s) => [s.plan.title, s.plan.issuer, s.created])).toEqual(
      SEED_PLANS.map((p) => [p.title, p.issuer, true]),
    );
    expect(seeded.map((s) => [s.tasks, s.targets])).toEqual([
      [53, 23],
      [40, 16],
    ]);
    expect(await f.store.listMembers(seeded[0]!.plan.id)).toEqual(JILIN.members);
    expect(await f.store.listMembers(seeded[1]!.plan.id)).toEqual(SIPING.members);
    expect(seeded.flatMap((s) => s.unmatched)).toEqual([]);
  });

  it('every example figure produces, as of 2025, the status it was chosen for, and all five occur', async () => {
    const seen = new Set<string>();
    for (const [i, s] of seeded.entries()) {
      const view = await loadPlanProgress(f.store, s.plan.id, { asOfYear: 2025 });
      const tasks = await f.store.listTasks(s.plan.id);
      for (const figure of SEED_PLANS[i]!.figures) {
        const row = view.targets.find(
          (r) =>
            r.seq === figure.seq &&
            r.value === figure.value &&
            r.unit === figure.unit &&
            (!figure.subject || r.subject.includes(figure.subject)),
        );
        expect(row, `${figure.seq} ${figure.value}${figure.unit}`).toBeDefined();
        const which = `${figure.seq} ${figure.value}${figure.unit}`;
        expect(`${which} ${STATUS_LABELS[row!.progress.status]}`).toBe(
          `${which} ${STATUS_LABELS[figure.status]}`,
        );
        expect(tasks.some((t) => t.id === row!.taskId)).toBe(true);
      }
      for (const row of view.targets) seen.add(STATUS_LABELS[row.progress.status]);
    }
    expect([...seen].sort()).toEqual(Object.values(STATUS_LABELS).sort());
  });

  it('labels every figure as example data and keeps the correction, the return and the verifications as revisions', async () => {
    const jilin = seeded[0]!.plan;
    const figures = await f.store.listMeasurements({ planId: jilin.id });
    expect(figures.every((m) => m.note?.startsWith(DEMO_NOTE))).toBe(true);
    expect(new Set(figures.map((m) => m.year))).toEqual(new Set([2023, 2024, 2025]));
    expect(figures.filter((m) => m.year < 2025).every((m) => m.state === 'verified')).toBe(true);

    const courses = (await f.store.listTargets(jilin.id)).find((t) => t.quote === '20 门左右')!;
    const history = await f.store.measurementHistory(courses.id, 2025, null);
    expect(history.map((m) => [m.value, m.state])).toEqual([
      [17, 'reported'],
      [19, 'reported'],
    ]);
    expect(figures.filter((m) => m.state === 'returned')).toHaveLength(1);
  });

  it('a second start finds the plans and figures and writes nothing again', async () => {
    const before = await Promise.all(seeded.map((s) => f.store.listMeasurements({ planId: s.plan.id })));
    const again = await seedDemo(f.store);
    expect(again.map((s) => [s.plan.id, s.created, s.figures])).toEqual(
      seeded.map((s) => [s.plan.id, false, 0]),
    );
    expect(await f.store.listPlans()).toHaveLength(2);
    expect(await Promise.all(seeded.map((s) => f.store.listMeasurements({ planId: s.plan.id })))).toEqual(
      before,
    );
  });
});
