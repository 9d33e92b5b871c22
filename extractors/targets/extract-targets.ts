import type { Target } from '../types';
import type { Found } from '../rules/rule';
import { findPrefixComparisons, resolveOp, type Comparison } from '../comparisons/rules';
import { findDeadlines } from '../deadlines/rules';
import { findExclusions } from '../exclusions/rules';
import { findEachScopes, findPers, type EachScope } from '../scopes/rules';
import { findBase, type Base } from '../bases/rules';
import { startsWithVerb, subjectAfter, subjectBefore } from '../subjects/rules';
import { Blocked, findQuantities, type Quantity } from './quantities';
import { Layout, type Span } from './clauses';
import { memberBeforeYear } from './members';

/** How far back an op word may govern a figure in its clause (`至少到企业或者实训基地实践1个月`). */
const OP_REACH = 30;
/** How far back a base may stand (`不低于学校当年支出的 30%`). */
const BASE_REACH = 40;

/**
 * The quantified targets of one task text, as SCHEMA.md defines them. Pure; never throws.
 * @example extractTargets('培育 20 门左右市级思政示范课程') // [{ quote: '20 门左右', value: 20, unit: '门', op: 'approx', … }]
 */
export function extractTargets(text: string): Target[] {
  if (typeof text !== 'string' || !text) return [];
  try {
    return new SentenceReader(text).read();
  } catch {
    // A rule bug must not take a whole plan down: this text then simply yields no targets.
    return [];
  }
}

class SentenceReader {
  private readonly layout: Layout;
  private readonly blocked: Blocked;
  private readonly quantities: Quantity[];
  private readonly comparisons: Found<Comparison>[];
  private readonly deadlines: Found<number>[];
  private readonly pers: Found<'year'>[];
  private readonly scopes: Found<EachScope>[];

  constructor(private readonly text: string) {
    this.layout = new Layout(text);
    this.blocked = new Blocked(findExclusions(text));
    this.quantities = findQuantities(text, this.blocked);
    this.comparisons = findPrefixComparisons(text);
    this.deadlines = findDeadlines(text);
    this.pers = findPers(text);
    this.scopes = findEachScopes(text);
  }

  read(): Target[] {
    const targets: Target[] = [];
    let previousBase: { base: Base; sentence: Span } | null = null;
    this.quantities.forEach((q, index) => {
      const clause = this.layout.clauseAt(q.start);
      const sentence = this.layout.sentenceAt(q.start);
      const comparison = this.prefixComparison(q, index, clause);
      const op = resolveOp({
        range: q.max !== null,
        suffix: q.suffixOp,
        prefix: comparison?.value.op ?? null,
        infixGt: q.infixGt,
      });

      let base: Base | null = null;
      if (q.kind === 'percent' || q.kind === 'multiple') {
        const from = Math.max(clause.start, q.start - BASE_REACH);
        const found = findBase(this.text.slice(from, q.start));
        if (found && found.start + from >= (comparison?.end ?? clause.start))
          base = { ...found, start: found.start + from };
        else if (
          previousBase &&
          previousBase.sentence === sentence &&
          comparison?.value.word === previousBase.base.lead
        )
          base = { ...previousBase.base, start: -1 };
        if (base && base.start >= 0) previousBase = { base, sentence };
      }

      const between = this.quantities.slice(0, index).some((p) => comparison && p.start >= comparison.end);
      const quoteStart =
        comparison && !between ? comparison.start : base && base.start >= 0 ? base.start : q.start;
      const per =
        q.perYear || this.pers.some((p) => p.end <= q.start && p.start >= clause.start) ? 'year' : null;
      const each = this.eachScope(q, clause, sentence, comparison);
      const subject = this.subject(q, index, clause, comparison, base, each);

      targets.push({
        quote: this.text.slice(quoteStart, q.end),
        subject,
        value: q.value,
        max: q.max,
        unit: q.unit,
        op,
        deadline: this.deadline(q, sentence),
        per,
        each: each?.scope ?? null,
        base: base?.base ?? null,
        start: quoteStart,
        end: q.end,
      });
    });
    return targets;
  }

  /**
   * The nearest op word before the figure in its clause, within reach. Across earlier figures
   * it governs a list (`不少于10个A、5个B`) but not a new predicate (`…5000个、培训农民工3000人次`).
   */
  private prefixComparison(q: Quantity, index: number, clause: Span): Found<Comparison> | null {
    let best: Found<Comparison> | null = null;
    for (const c of this.comparisons) {
      if (c.end > q.start) break;
      if (c.start < clause.start || q.start - c.end > OP_REACH) continue;
      if (c.value.adjacent && this.text.slice(c.end, q.start).trim() !== '') continue;
      best = c;
    }
    const previous = this.quantities[index - 1];
    if (best && previous && previous.end > best.end && previous.end <= q.start) {
      if (previous.suffixOp || this.hasVerb(previous.end, q.start)) return null;
    }
    return best;
  }

  private hasVerb(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (startsWithVerb.test(this.text.slice(i, to))) return true;
    return false;
  }

  /** The year the figure is due: the last one stated before it, else the next one in its sentence. */
  private deadline(q: Quantity, sentence: Span): number | null {
    let before: number | null = null;
    for (const d of this.deadlines) {
      if (d.end <= q.start) before = d.value;
      else if (before === null && d.start >= q.end && d.start < sentence.end) return d.value;
    }
    return before;
  }

  private eachScope(
    q: Quantity,
    clause: Span,
    sentence: Span,
    comparison: Found<Comparison> | null,
  ): EachScope | null {
    let scope: EachScope | null = null;
    for (const s of this.scopes) {
      if (s.start >= q.start) break;
      if (s.start < sentence.start) continue;
      // 各 + a non-administrative member is distributive only for one item each (各医院设立1个…).
      if (s.value.kind === 'each' && !(q.value === 1 && q.max === null)) continue;
      scope = s.value;
    }
    if (scope) return scope;
    const per = this.pers.find((p) => p.start >= clause.start && p.end <= q.start);
    if (!per) return null;
    const member = memberBeforeYear(this.text.slice(clause.start, per.start));
    // `教师每年至少到企业实践` names a member; `城镇新增就业每年不少于3万人` names the subject.
    return member && this.hasOwnSubject(per.end, q, comparison) ? { scope: member, kind: 'each' } : null;
  }

  /** Whether something between a yearly word and the figure names what is counted. */
  private hasOwnSubject(from: number, q: Quantity, comparison: Found<Comparison> | null): boolean {
    const to = q.start;
    const gap = this.text.slice(from, to).replace(comparison ? comparison.value.word : '\u0000', '');
    return subjectBefore(gap, true).length >= 2 || subjectAfter(this.text.slice(q.end, q.end + 40)) !== null;
  }

  private subject(
    q: Quantity,
    index: number,
    clause: Span,
    comparison: Found<Comparison> | null,
    base: Base | null,
    each: EachScope | null,
  ): string {
    const next = this.quantities[index + 1];
    const afterEnd = Math.min(clause.end, next ? next.start : clause.end, q.end + 60);
    const after = subjectAfter(this.text.slice(q.end, afterEnd));
    if (after) return after;
    const figureStart = base && base.start >= 0 ? base.start : q.start;
    if (comparison) {
      // `至少到企业或者实训基地实践1个月`: what lies between the op word and the figure.
      const gap = subjectBefore(this.text.slice(comparison.end, figureStart), true);
      if (gap.length >= 2) return gap;
    }
    // The subject starts after an earlier figure of the clause and after a distributive scope.
    let from = Math.max(clause.start, q.start - 60);
    const previous = this.quantities[index - 1];
    if (previous && previous.end > from && previous.end <= q.start) from = previous.end;
    const eachAt = each ? this.text.lastIndexOf(each.scope, q.start) : -1;
    if (each && eachAt >= from) from = eachAt + each.scope.length;
    const to = Math.max(from, comparison && comparison.start >= from ? comparison.start : figureStart);
    const region = this.text.slice(from, to);
    return subjectBefore(region, !!comparison || !!base) || region.trim();
  }
}
