import { describe, expect, it } from 'vitest';
import { extractTargets as extractLenient } from '../extractors/index';

/** Strict: a rule that throws fails the test instead of yielding no targets. */
const extractTargets = (text: string) => extractLenient(text, { strict: true });
import type { Target } from '../extractors/types';
import { SENTENCES } from '../extractors/targets/corpus';
import { sameText } from '../extractors/scoring/score-targets';
import { HELD_OUT } from './fixtures/held-out-sentences';

/** The targets of a sentence, after checking their core fields and that each quote is its span. */
function extractExpecting(
  text: string,
  expected: { value: number; max?: number; unit: string; op: string }[],
) {
  const found: Target[] = extractTargets(text);
  expect(found.map((t) => [t.value, t.max, t.unit, t.op])).toEqual(
    expected.map((e) => [e.value, e.max ?? null, e.unit, e.op]),
  );
  for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.quote);
  return found;
}

// Whole sentences from plans of other fields: every target, with every field SCHEMA.md scores.
describe('targets of plan sentences from many fields', () => {
  it.each(SENTENCES)('%s', (text, expected) => {
    extractExpecting(text, expected).forEach((t, i) => {
      const e = expected[i]!;
      expect(sameText(t.subject, e.subject), `subject ${t.subject} ≠ ${e.subject}`).toBe(true);
      expect([t.deadline, t.per, t.each, t.base]).toEqual([
        e.deadline ?? null,
        e.per ?? null,
        e.each ?? null,
        e.base ?? null,
      ]);
    });
  });
});

// Sentences a reviewer wrote after the rules were built: only the fields named are checked.
describe('targets of held-out sentences from other fields', () => {
  it.each(HELD_OUT)('%s', (text, expected) => {
    const found = extractExpecting(text, expected);
    expected.forEach((e, i) => {
      const t = found[i]!;
      expect(t.deadline).toBe(e.deadline ?? null);
      expect(t.per).toBe(e.per ?? null);
      if (e.each) expect(t.each).toBe(e.each);
      if (e.subject) expect(t.subject).toContain(e.subject);
    });
  });
});
