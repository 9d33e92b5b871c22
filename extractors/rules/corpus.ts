/**
 * A dimension's example corpus: positive examples grouped by the value they must produce,
 * and negative examples that must produce nothing. One generic test runs every corpus.
 */
export interface Corpus<T> {
  positive: { expected: T; examples: string[] }[];
  negative: string[];
}

/** A dimension as the generic corpus test sees it: a probe from text to value, and its corpus. */
export interface Dimension<T> {
  name: string;
  probe: (text: string) => T | null;
  corpus: Corpus<T>;
}
