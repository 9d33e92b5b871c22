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

/** A frequency or per-head phrase alone: `每人每月`, `每年`. */
const RATE_ONLY = /^(?:每\s*[人户日天月周年])+$/;

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
  readonly found: string[] = [];
  /** The step of SUBJECT_STEPS that found each subject, in figure order. */
  readonly steps: string[] = [];

  /** What the figure counts, each figure after 分别 taking its own item of a listed subject. */
  subject(r: Reading, base: Base | null, each: Found<EachScope> | null): string {
    const c: SubjectContext = {
      reader: this,
      text: this.text,
      quantities: this.quantities,
      r,
      base,
      each,
      figureStart: base && base.start >= 0 ? base.start : r.q.start,
    };
    let subject: string | null = null;
    for (const step of SUBJECT_STEPS) {
      subject = step.find(c);
      if (subject === null) continue;
      this.steps.push(step.name);
      break;
    }
    this.found.push(subject ?? '');
    return this.distribute(subject ?? '', r);
  }

  /** `2 个国家级、5 个省级职业教育实训基地` → `国家级职业教育实训基地`. */
  sharedHead(level: string, index: number, clause: Span): string {
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

/** What a subject step sees of one figure. */
interface SubjectContext {
  reader: SubjectReader;
  text: string;
  quantities: Quantity[];
  r: Reading;
  base: Base | null;
  each: Found<EachScope> | null;
  /** Where the figure's words start: its base (`学校当年支出的30%`) or its number. */
  figureStart: number;
}

/** One step of subject finding: the subject it finds for a figure, or null to pass it on. */
export interface SubjectStep {
  name: string;
  find: (c: SubjectContext) => string | null;
}

/** The clause text before the figure where its subject stands: after an earlier figure and a scope. */
function regionBefore({ text, quantities, r, each, figureStart }: SubjectContext): string {
  const { q, index, clause, comparison } = r;
  let from = Math.max(clause.start, q.start - SUBJECT_REACH);
  const previous = quantities[index - 1];
  if (previous && previous.end > from && previous.end <= q.start) from = previous.end;
  const eachEnd = each ? each.start + each.value.scope.length : -1;
  if (each && each.start >= from && eachEnd <= q.start) from = eachEnd;
  const to = Math.max(from, comparison && comparison.start >= from ? comparison.start : figureStart);
  return text.slice(from, to);
}

/**
 * Subject finding as a named pipeline: the first step that finds a subject wins. Each step has
 * its corpus in `subjects/corpus.ts` (SUBJECT_STEP_CORPORA), checked by the generic runner.
 */
export const SUBJECT_STEPS: readonly SubjectStep[] = [
  {
    // `培育 20 门左右市级思政示范课程` → `市级思政示范课程`
    name: 'noun after the figure',
    find: ({ reader, text, quantities, r: { q, index, clause } }) => {
      const next = quantities[index + 1];
      const after = subjectAfter(
        text.slice(q.end, Math.min(clause.end, next ? next.start : clause.end, q.end + SUBJECT_REACH)),
      );
      if (!after) return null;
      return LEVEL_ONLY.test(after) ? reader.sharedHead(after, index, clause) : after;
    },
  },
  {
    // `至少到企业或者实训基地实践1个月`: what lies between the op word and the figure.
    name: 'between the op word and the figure',
    find: ({ text, quantities, r: { q, index, comparison }, figureStart }) => {
      if (!comparison) return null;
      const previous = quantities[index - 1];
      const gapStart =
        previous && previous.end > comparison.end && previous.end <= figureStart
          ? previous.end
          : comparison.end;
      const gap = subjectBefore(text.slice(gapStart, figureStart), true);
      // `每个乡镇至少配备2名`: a verb alone names no person or thing, so the subject is found before
      // or restated; but times count an activity (`每周至少巡查1次`), and the verb names it.
      // `不低于每人每月300元`: a rate's frequency names nothing either.
      if (RATE_ONLY.test(gap)) return null;
      return gap.length >= 2 && (!isLoneVerb(gap) || ACTIVITY_UNITS.test(q.unit)) ? gap : null;
    },
  },
  {
    // `全市森林覆盖率达到45%` → `森林覆盖率`
    name: 'noun phrase before the predicate',
    find: (c) => subjectBefore(regionBefore(c), !!c.r.comparison || !!c.base) || null,
  },
  {
    // `床位数达到每千人口7.5张`: the subject stands before the scope.
    name: 'before a per-head scale',
    find: ({ text, r: { clause }, each }) =>
      each && each.start > clause.start
        ? subjectBefore(text.slice(Math.max(clause.start, each.start - SUBJECT_REACH), each.start), true) ||
          null
        : null,
  },
  {
    // `培育高新技术企业100家，是2020年的2倍`: the same subject, restated.
    name: 'restated from the figure before',
    find: ({ reader }) => reader.found[reader.found.length - 1] ?? null,
  },
  { name: 'the words before the figure', find: (c) => regionBefore(c).trim() },
];
