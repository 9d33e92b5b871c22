import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTargets as extractLenient, scoreTargets } from '../extractors/index';

/** Strict: a rule that throws fails the test instead of yielding no targets. */
const extractTargets = (text: string) => extractLenient(text, { strict: true });
import type { ScoredTask } from '../extractors/scoring/score-targets';

const fixtures = path.resolve(__dirname, 'fixtures/gold');
const plans = ['000_3cb08648fdcd494e', '002_36169d261e098f31'];
const load = (name: string): ScoredTask[] =>
  JSON.parse(readFileSync(path.join(fixtures, `${name}.gold.json`), 'utf8')).tasks;

// The seed plans' gold task texts, read by the extractor and scored by the rules of SCHEMA.md.
describe.each(plans)('targets of seed plan %s', (plan) => {
  const gold = load(plan);
  const predicted = gold.map((t) => ({ seq: t.seq, text: t.text, targets: extractTargets(t.text ?? '') }));
  const score = scoreTargets(gold, predicted);

  it('finds every gold target and nothing else (F1 1.0)', () => {
    expect(score.misses).toEqual([]);
    expect(score.extras).toEqual([]);
    expect(score.f1).toBe(1);
  });

  it.each(['subject', 'deadline', 'per', 'each', 'base'] as const)(
    'agrees on %s for ≥ 95%% of matched targets',
    (field) => {
      expect(score.fields[field]).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('gives every target offsets that point at its quote', () => {
    for (const task of gold) {
      for (const t of extractTargets(task.text ?? '')) expect(task.text!.slice(t.start, t.end)).toBe(t.quote);
    }
  });
});
