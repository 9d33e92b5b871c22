/**
 * A dimension's example corpus: positive examples grouped by the value they must produce,
 * and negative examples that must produce nothing. One generic test runs every corpus.
 * A positive example may mark the span its match must cover with `⟦…⟧`
 * (`培育 ⟦20 门左右⟧市级思政示范课程`): the runner strips the marks and checks the span too.
 */
export interface Corpus<T> {
  positive: { expected: T; examples: string[] }[];
  negative: string[];
}

/** A dimension as the generic corpus test sees it: a probe from text to value, and its corpus. */
export interface Dimension<T> {
  name: string;
  probe: (text: string) => T | null;
  /** Where the probed value was read from (start, end exclusive), for the span check. */
  locate?: (text: string) => { start: number; end: number } | null;
  corpus: Corpus<T>;
}

/** An example with its span marks removed, and the span they marked (null when unmarked). */
export function markedSpan(example: string): { text: string; span: { start: number; end: number } | null } {
  const open = example.indexOf('⟦');
  const close = example.indexOf('⟧');
  if (open < 0 || close < open) return { text: example, span: null };
  const text = example.slice(0, open) + example.slice(open + 1, close) + example.slice(close + 1);
  return { text, span: { start: open, end: close - 1 } };
}
