import { describe, expect, test } from 'vitest';
import { readPlan } from '../src/documents';
import { SEED_PLANS, goldPlan, seedPlanBytes } from './fixtures/documents/seed-documents';

const taskKeys = (tasks: ReadonlyArray<{ seq: number | null; text: string; units: string[] }>) =>
  tasks.map(({ seq, text, units }) => ({ seq, text, units }));

describe('the two seed plans read from their text files', () => {
  test.each(SEED_PLANS)('%s: every task, text and unit list equals the gold file', async (name) => {
    const plan = await readPlan(`${name}.txt`, seedPlanBytes(name));
    expect(plan.plan).toBe(`${name}.txt`);
    expect(taskKeys(plan.tasks)).toEqual(taskKeys(goldPlan(name).tasks));
  });

  test.each([
    ['000_3cb08648fdcd494e', '工作任务清单'],
    ['002_36169d261e098f31', '重点工作任务分工'],
  ])('%s is titled %s, not by a section heading or the 附件 label', async (name, title) => {
    expect((await readPlan(`${name}.txt`, seedPlanBytes(name))).title).toBe(title);
  });

  test.each(SEED_PLANS)('%s: the first unit of each task leads, the others support', async (name) => {
    const plan = await readPlan(`${name}.txt`, seedPlanBytes(name));
    for (const task of plan.tasks) {
      expect(task.unitRoles.map((u) => u.name)).toEqual(task.units);
      expect(task.unitRoles.map((u) => u.role)).toEqual(
        task.units.map((_, i) => (i === 0 ? 'lead' : 'support')),
      );
      expect(task.timeLimit).toBeNull();
    }
  });

  test.each(SEED_PLANS)('%s: a task is qualitative exactly when no target was found in it', async (name) => {
    const plan = await readPlan(`${name}.txt`, seedPlanBytes(name));
    for (const task of plan.tasks) expect(task.qualitative).toBe(task.targets.length === 0);
    expect(plan.tasks.some((t) => t.qualitative)).toBe(true);
    expect(plan.tasks.some((t) => !t.qualitative)).toBe(true);
  });

  test('the prose before the Jilin table states no target, so no task comes from it', async () => {
    const plan = await readPlan('000_3cb08648fdcd494e.txt', seedPlanBytes('000_3cb08648fdcd494e'));
    expect(plan.tasks.filter((t) => t.seq === null)).toEqual([]);
  });
});
