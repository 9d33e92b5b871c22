import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../extractors/registry';

// One generic runner for every dimension's corpus (Duckling style).
describe.each(DIMENSIONS.map((d) => [d.name, d] as const))('%s corpus', (_name, dimension) => {
  const positives = dimension.corpus.positive.flatMap((group) =>
    group.examples.map((example) => [example, group.expected] as const),
  );
  it.each(positives)('%s', (example, expected) => {
    expect(dimension.probe(example)).toEqual(expected);
  });
  if (dimension.corpus.negative.length) {
    it.each(dimension.corpus.negative)('not: %s', (example) => {
      expect(dimension.probe(example)).toBeNull();
    });
  }
});
