import { describe, expect, it } from 'vitest';
import { extractTargets } from '../extractors/index';
import { SENTENCES } from '../extractors/targets/corpus';
import { sameText } from '../extractors/scoring/score-targets';

// Whole sentences from plans of other fields: every target, with every field SCHEMA.md scores.
describe('targets of plan sentences from many fields', () => {
  it.each(SENTENCES)('%s', (text, expected) => {
    const found = extractTargets(text);
    expect(found.map((t) => [t.value, t.max, t.unit, t.op])).toEqual(
      expected.map((e) => [e.value, e.max ?? null, e.unit, e.op]),
    );
    found.forEach((t, i) => {
      const e = expected[i]!;
      expect(sameText(t.subject, e.subject), `subject ${t.subject} ≠ ${e.subject}`).toBe(true);
      expect([t.deadline, t.per, t.each, t.base]).toEqual([
        e.deadline ?? null,
        e.per ?? null,
        e.each ?? null,
        e.base ?? null,
      ]);
      expect(text.slice(t.start, t.end)).toBe(t.quote);
    });
  });
});
