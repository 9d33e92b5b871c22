import { describe, expect, it } from 'vitest';
import { extractTargets } from '../extractors';
import { HELD_OUT } from './fixtures/held-out-sentences';

describe('targets of held-out sentences from other fields', () => {
  it.each(HELD_OUT)('%s', (text, expected) => {
    const found = extractTargets(text);
    expect(found.map((t) => [t.value, t.max, t.unit, t.op])).toEqual(
      expected.map((e) => [e.value, e.max ?? null, e.unit, e.op]),
    );
    expected.forEach((e, i) => {
      const t = found[i]!;
      expect(t.deadline).toBe(e.deadline ?? null);
      expect(t.per).toBe(e.per ?? null);
      if (e.each) expect(t.each).toBe(e.each);
      if (e.subject) expect(t.subject).toContain(e.subject);
      expect(text.slice(t.start, t.end)).toBe(t.quote);
    });
  });
});
