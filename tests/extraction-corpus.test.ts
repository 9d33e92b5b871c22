import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../extractors/registry';
import { markedSpan } from '../extractors/rules/corpus';

// One generic runner for every dimension's corpus (Duckling style).
describe.each(DIMENSIONS.map((d) => [d.name, d] as const))('%s corpus', (_name, dimension) => {
  const positives = dimension.corpus.positive.flatMap((group) =>
    group.examples.map((example) => [example, group.expected] as const),
  );
  it.each(positives)('%s', (example, expected) => {
    const { text, span } = markedSpan(example);
    expect(dimension.probe(text)).toEqual(expected);
    // A marked example must be matched on exactly the words it marks, not merely somewhere.
    if (span) expect(dimension.locate?.(text)).toEqual(span);
  });
  if (dimension.corpus.negative.length) {
    it.each(dimension.corpus.negative)('not: %s', (example) => {
      expect(dimension.probe(example)).toBeNull();
    });
  }
});

describe('corpus span marks', () => {
  it('every dimension with marked examples can locate its match', () => {
    for (const d of DIMENSIONS) {
      const marked = d.corpus.positive.flatMap((g) => g.examples).filter((e) => markedSpan(e).span);
      if (marked.length) expect(d.locate, d.name).toBeTypeOf('function');
    }
  });
});
