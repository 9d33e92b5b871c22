import type { Found } from '../rules/rule';
import type { Comparison } from '../comparisons/rules';
import type { EachScope } from '../scopes/rules';
import type { Base } from '../bases/rules';
import { isLoneVerb, subjectAfter, subjectBefore } from '../subjects/rules';
import type { Quantity } from './quantities';
import type { Span } from './clauses';

/** How far from its figure a subject is looked for. */
const SUBJECT_REACH = 60;

/** Units that count occurrences of an activity: `巡查1次`, `培训500人次`, `开展2轮`. */
const ACTIVITY_UNITS = /^(?:次|人次|场|场次|轮|批次|期|班次|门次|户次|家次)$/;

/** A level alone (`国家级`) before `、5 个省级…基地`: the items share the head noun written last. */
const LEVEL_ONLY = /^[\u4e00-\u9fa5]{1,4}级$/;

/** One figure being read, with what the words around it say. */
export interface Reading {
  q: Quantity;
  index: number;
  clause: Span;
  sentence: Span;
  comparison: Found<Comparison> | null;
}

/**
 * Finds what each figure of a text counts: the noun phrase after its unit, else the one before
 * its predicate; a figure with neither restates the subject before it.
 */
export class SubjectReader {
  private readonly text: string;
  private readonly quantities: Quantity[];

  constructor(text: string, quantities: Quantity[]) {
    this.text = text;
    this.quantities = quantities;
  }

  /** Subjects as found, before 分别 hands each figure its own: a restated subject reuses them. */
  private readonly found: string[] = [];

  /** What the figure counts, each figure after 分别 taking its own item of a listed subject. */
  subject(r: Reading, base: Base | null, each: Found<EachScope> | null): string {
    const subject = this.find(r, base, each);
    this.found.push(subject);
    return this.distribute(subject, r);
  }

  private find(
    { q, index, clause, comparison }: Reading,
    base: Base | null,
    each: Found<EachScope> | null,
  ): string {
    const next = this.quantities[index + 1];
    const after = subjectAfter(
      this.text.slice(q.end, Math.min(clause.end, next ? next.start : clause.end, q.end + SUBJECT_REACH)),
    );
    if (after) return LEVEL_ONLY.test(after) ? this.sharedHead(after, index, clause) : after;
    const figureStart = base && base.start >= 0 ? base.start : q.start;
    if (comparison) {
      // `至少到企业或者实训基地实践1个月`: what lies between the op word and the figure.
      const previous = this.quantities[index - 1];
      const gapStart =
        previous && previous.end > comparison.end && previous.end <= figureStart
          ? previous.end
          : comparison.end;
      const gap = subjectBefore(this.text.slice(gapStart, figureStart), true);
      // `每个乡镇至少配备2名`: a verb alone names no person or thing, so the subject is found before
      // or restated; but times count an activity (`每周至少巡查1次`), and the verb names it.
      if (gap.length >= 2 && (!isLoneVerb(gap) || ACTIVITY_UNITS.test(q.unit))) return gap;
    }
    // The subject starts after an earlier figure of the clause and after a distributive scope.
    let from = Math.max(clause.start, q.start - SUBJECT_REACH);
    const previous = this.quantities[index - 1];
    if (previous && previous.end > from && previous.end <= q.start) from = previous.end;
    const eachEnd = each ? each.start + each.value.scope.length : -1;
    if (each && each.start >= from && eachEnd <= q.start) from = eachEnd;
    const to = Math.max(from, comparison && comparison.start >= from ? comparison.start : figureStart);
    const region = this.text.slice(from, to);
    const subject = subjectBefore(region, !!comparison || !!base);
    if (subject) return subject;
    // `床位数达到每千人口7.5张`: the subject stands before the scope.
    if (each && each.start > clause.start) {
      const before = subjectBefore(
        this.text.slice(Math.max(clause.start, each.start - SUBJECT_REACH), each.start),
        true,
      );
      if (before) return before;
    }
    // `培育高新技术企业100家，是2020年的2倍`: the same subject, restated.
    const lastRaw = this.found[this.found.length - 1];
    return lastRaw ?? region.trim();
  }

  /** `2 个国家级、5 个省级职业教育实训基地` → `国家级职业教育实训基地`. */
  private sharedHead(level: string, index: number, clause: Span): string {
    const next = this.quantities[index + 1];
    if (!next || next.start > clause.end) return level;
    const following = this.quantities[index + 2];
    const end = Math.min(clause.end, following ? following.start : clause.end, next.end + SUBJECT_REACH);
    const nextSubject = subjectAfter(this.text.slice(next.end, end));
    const head = nextSubject?.replace(/^[\u4e00-\u9fa5]{1,4}级/, '');
    return head ? level + head : level;
  }

  /**
   * `A、B、C分别控制在5‰、7‰和12‰以下`: the k-th figure after 分别 belongs to the k-th subject.
   */
  private distribute(subject: string, { q, index, clause }: Reading): string {
    if (!/[、和及与]/.test(subject)) return subject;
    const from = Math.max(clause.start, q.start - SUBJECT_REACH);
    const found = this.text.slice(from, q.start).lastIndexOf('分别');
    if (found < 0) return subject;
    const at = from + found;
    let k = 0;
    for (let i = index - 1; i >= 0 && this.quantities[i]!.start > at; i--) k++;
    const items = subject.split(/[、和及与]/).filter(Boolean);
    return items.length > k ? items[k]! : subject;
  }
}
