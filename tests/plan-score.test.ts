import { describe, expect, test } from 'vitest';
import { scoreTargets } from '../extractors/scoring/score-targets';
import { readPlan } from '../src/documents';
import { SEED_PLANS, goldPlan, seedDocx, seedPlanBytes } from './fixtures/documents/seed-documents';

/** End to end: the file as a user uploads it, read and scored against the hand-labelled gold. */
describe('targets read from the seed plan files score against the gold files', () => {
  test.each(SEED_PLANS)('%s (text file): F1 ≥ 0.97, precision ≥ 0.98', async (name) => {
    const plan = await readPlan(`${name}.txt`, seedPlanBytes(name));
    const score = scoreTargets(goldPlan(name).tasks, plan.tasks);
    expect(score.gold).toBe(goldPlan(name).tasks.reduce((n, t) => n + t.targets.length, 0));
    expect(score.f1).toBeGreaterThanOrEqual(0.97);
    expect(score.precision).toBeGreaterThanOrEqual(0.98);
  });

  test.each(SEED_PLANS)('%s (Word file): the same score as the text file', async (name) => {
    const gold = goldPlan(name);
    const fromText = scoreTargets(gold.tasks, (await readPlan(`${name}.txt`, seedPlanBytes(name))).tasks);
    const fromWord = scoreTargets(
      gold.tasks,
      (await readPlan(`${name}.docx`, await seedDocx(gold, '清单'))).tasks,
    );
    expect(fromWord).toEqual(fromText);
  });
});
