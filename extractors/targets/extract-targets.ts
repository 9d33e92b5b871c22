import type { Target } from '../types';
import type { Found } from '../rules/rule';
import { findPrefixComparisons, resolveOp, type Comparison } from '../comparisons/rules';
import { findDeadlines } from '../deadlines/rules';
import { findExclusions } from '../exclusions/rules';
import { findEachScopes, findPers, type EachScope } from '../scopes/rules';
import { findBase, findBaseYear, type Base } from '../bases/rules';
import { startsWithVerb, subjectAfter, subjectBefore } from '../subjects/rules';
import { Blocked, findQuantities, type Quantity } from './quantities';
import { findNumbers } from '../numbers/rules';
import { Layout, type Span } from './clauses';
import { memberBeforeYear } from './members';
import { SubjectReader, type Reading } from './subject-reader';
import { Timeline } from './timeline';

/** How far back an op word may govern a figure in its clause (`至少到企业或者实训基地实践1个月`). */
const OP_REACH = 30;
/** How far back a base may stand (`不低于学校当年支出的 30%`). */
const BASE_REACH = 40;
/** How far from its figure a yearly word may name a member (`教师每年…`). */
const SUBJECT_REACH = 60;

export interface ExtractOptions {
  /** Rethrow a rule's exception instead of yielding no target: tests and the fuzz test see it. */
  strict?: boolean;
}

/**
 * The quantified targets of one task text, as SCHEMA.md defines them. Pure; never throws
 * unless `strict` asks it to.
 * @example extractTargets('培育 20 门左右市级思政示范课程') // [{ quote: '20 门左右', value: 20, unit: '门', op: 'approx', … }]
 */
export function extractTargets(text: string, options: ExtractOptions = {}): Target[] {
  if (typeof text !== 'string' || !text) return [];
  try {
    // Most task texts state no figure: they are done once their numbers are known.
    const numbers = findNumbers(text);
    if (!numbers.length) return [];
    const quantities = findQuantities(text, numbers, new Blocked(() => findExclusions(text)));
    return quantities.length ? new SentenceReader(text, quantities).read() : [];
  } catch (error) {
    if (options.strict) throw error;
    // A rule bug must not take a whole plan down: this text then simply yields no targets.
    return [];
  }
}

/**
 * Each target's subject with the step of the subject pipeline that found it (SUBJECT_STEPS):
 * what the per-step corpora check. Strict: a rule that throws is rethrown.
 * @example explainSubjects('培育 20 门左右市级思政示范课程') // [{ subject: '市级思政示范课程', step: 'noun after the figure' }]
 */
export function explainSubjects(text: string): { subject: string; step: string }[] {
  const numbers = findNumbers(text);
  if (!numbers.length) return [];
  const quantities = findQuantities(text, numbers, new Blocked(() => findExclusions(text)));
  if (!quantities.length) return [];
  const reader = new SentenceReader(text, quantities);
  return reader.read().map((t, i) => ({ subject: t.subject, step: reader.subjectSteps[i] ?? '' }));
}

/** Reads one task text: finds every dimension once, then resolves each figure against them. */
class SentenceReader {
  private readonly layout: Layout;
  private readonly comparisons: Timeline<Found<Comparison>>;
  private readonly deadlines: Timeline<Found<number>>;
  private readonly pers: Timeline<Found<'year'>>;
  private readonly scopes: Timeline<Found<EachScope>>;
  private readonly targets: Target[] = [];
  private readonly subjects: SubjectReader;
  /** The last base stated, inherited by a later share led by the same word. */
  private lastBase: { base: Base; sentence: Span } | null = null;

  private readonly text: string;
  private readonly quantities: Quantity[];

  constructor(text: string, quantities: Quantity[]) {
    this.text = text;
    this.quantities = quantities;
    this.layout = new Layout(text);
    this.comparisons = new Timeline(findPrefixComparisons(text));
    this.deadlines = new Timeline(findDeadlines(text));
    this.pers = new Timeline(findPers(text));
    this.scopes = new Timeline(findEachScopes(text));
    this.subjects = new SubjectReader(text, quantities);
  }

  /** The subject step behind each target read, in order. */
  get subjectSteps(): readonly string[] {
    return this.subjects.steps;
  }

  read(): Target[] {
    this.quantities.forEach((q, index) => {
      const clause = this.layout.clauseAt(q.start);
      const r: Reading = { q, index, clause, sentence: this.layout.sentenceAt(q.start), comparison: null };
      r.comparison = this.prefixComparison(r);
      const base = this.base(r);
      const previous = this.quantities[index - 1];
      const governsList = r.comparison && previous && previous.start >= r.comparison.end;
      const quoteStart =
        r.comparison && !governsList ? r.comparison.start : base && base.start >= 0 ? base.start : q.start;
      const each = this.each(r);
      this.targets.push({
        quote: this.text.slice(quoteStart, q.end),
        subject: this.subjects.subject(r, base, each),
        value: q.value,
        max: q.max,
        unit: q.unit,
        op: resolveOp({
          range: q.max !== null,
          suffix: q.suffixOp,
          prefix: r.comparison?.value.op ?? null,
          infixGt: q.infixGt,
        }),
        deadline: this.deadline(r),
        per: q.perYear || this.perBefore(r) ? 'year' : null,
        each: each?.value.scope ?? null,
        base: base?.base ?? null,
        ...(base?.change ? { change: base.change } : {}),
        start: quoteStart,
        end: q.end,
      });
    });
    return this.targets;
  }

  /**
   * The nearest op word before the figure in its clause, within reach. Across earlier figures
   * it governs a list (`不少于10个A、5个B`) but not a new predicate (`…5000个、培训农民工3000人次`).
   */
  private prefixComparison({ q, index, clause }: Reading): Found<Comparison> | null {
    let best: Found<Comparison> | null = null;
    for (const c of this.comparisons.before(q.start, Math.max(clause.start, q.start - OP_REACH - 6))) {
      if (q.start - c.end > OP_REACH) break;
      if (c.value.adjacent && this.text.slice(c.end, q.start).trim() !== '') continue;
      best = c;
      break;
    }
    const previous = this.quantities[index - 1];
    if (best && previous && previous.end > best.end && previous.end <= q.start) {
      // A new item with its own verb or its own scope (`、每个行政村有1所`) is a new predicate.
      const newScope = [...this.scopes.before(q.start, previous.end, 1)].length > 0;
      if (previous.suffixOp || newScope || this.hasVerb(previous.end, q.start)) return null;
    }
    return best;
  }

  private hasVerb(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (startsWithVerb.test(this.text.slice(i, to))) return true;
    return false;
  }

  /** What a share or multiple is of; a later share led by the same word inherits it. */
  private base({ q, clause, sentence, comparison }: Reading): Base | null {
    const from = Math.max(clause.start, q.start - BASE_REACH);
    const year = findBaseYear(this.text.slice(from, q.start));
    if (year) return { ...year, start: year.start + from };
    if (q.kind !== 'percent' && q.kind !== 'multiple') return null;
    const found = findBase(this.text.slice(from, q.start));
    if (found && found.start + from >= (comparison?.end ?? clause.start)) {
      const base = { ...found, start: found.start + from };
      this.lastBase = { base, sentence };
      return base;
    }
    const last = this.lastBase;
    if (last && last.sentence === sentence && comparison?.value.word === last.base.lead)
      return { ...last.base, start: -1 };
    return null;
  }

  /** The year the figure is due: the last one stated before it, else the next one in its sentence. */
  private deadline({ q, sentence }: Reading): number | null {
    for (const d of this.deadlines.before(q.start, 0, 1)) return d.value;
    return this.deadlines.firstFrom(q.end, sentence.end)?.value ?? null;
  }

  private perBefore({ q, clause }: Reading): Found<'year'> | null {
    for (const p of this.pers.before(q.start, clause.start, 1)) return p;
    return null;
  }

  /** The distributive scope: 每…/各… in the sentence, or the member before a yearly word (`教师每年`). */
  private each(r: Reading): Found<EachScope> | null {
    const { q, sentence, clause, comparison } = r;
    for (const s of this.scopes.before(q.start, sentence.start)) {
      // 各 + a non-administrative member is distributive only for one item each (各医院设立1个…).
      if (s.value.kind === 'each' && !(q.value === 1 && q.max === null)) continue;
      // A rate in a later clause (`…，覆盖率达到60%`) is a total, not a figure for each member.
      if ((q.kind === 'percent' || q.kind === 'points') && s.start < clause.start) continue;
      // A later clause that names its own subject first (`…，外卡受理商户不少于800户`) is no item of the list.
      if (s.start < clause.start && this.ownSubjectFirst(clause, comparison)) continue;
      return s;
    }
    const per = this.perBefore(r);
    if (!per) return null;
    const memberFrom = Math.max(clause.start, per.start - 30);
    const member = memberBeforeYear(this.text.slice(memberFrom, per.start));
    // `教师每年至少到企业实践` names a member; `城镇新增就业每年不少于3万人` names the subject.
    if (!member || !this.hasOwnSubject(per.end, q, comparison)) return null;
    const start = per.start - member.length;
    return {
      rule: 'member before a yearly word',
      start,
      end: per.start,
      value: { scope: member, kind: 'each' },
    };
  }

  /** Whether the clause opens with its own subject before an op word (`外卡受理商户不少于800户`). */
  private ownSubjectFirst(clause: Span, comparison: Found<Comparison> | null): boolean {
    if (!comparison || comparison.start < clause.start) return false;
    const before = this.text.slice(clause.start, comparison.start).trim();
    return !startsWithVerb.test(before) && subjectBefore(before, true).length >= 2;
  }

  /** Whether something between a yearly word and the figure names what is counted. */
  private hasOwnSubject(from: number, q: Quantity, comparison: Found<Comparison> | null): boolean {
    if (q.start - from > SUBJECT_REACH) return false;
    const gap = this.text.slice(from, q.start).replace(comparison ? comparison.value.word : '\u0000', '');
    return subjectBefore(gap, true).length >= 2 || subjectAfter(this.text.slice(q.end, q.end + 40)) !== null;
  }
}
