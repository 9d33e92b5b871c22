/** Where clauses and sentences of a task text begin and end. */
export interface Span {
  start: number;
  end: number;
}

const CLAUSE_MARK = /[，,；;。！？!?：:\n]/g;
const SENTENCE_MARK = /[；;。！？!?\n]/g;

/** Splits the text at marks; each span excludes its closing mark. */
function split(text: string, mark: RegExp): Span[] {
  const spans: Span[] = [];
  let start = 0;
  mark.lastIndex = 0;
  for (let m = mark.exec(text); m; m = mark.exec(text)) {
    spans.push({ start, end: m.index });
    start = m.index + 1;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** Clause and sentence lookup by offset (binary search over the split spans). */
export class Layout {
  readonly clauses: Span[];
  readonly sentences: Span[];
  constructor(text: string) {
    this.clauses = split(text, CLAUSE_MARK);
    this.sentences = split(text, SENTENCE_MARK);
  }
  clauseAt(pos: number): Span {
    return find(this.clauses, pos);
  }
  sentenceAt(pos: number): Span {
    return find(this.sentences, pos);
  }
}

function find(spans: Span[], pos: number): Span {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return spans[lo]!;
}
