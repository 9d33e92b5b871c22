import type { Found } from '../rules/rule';
import { alternation } from '../rules/rule';
import { findNumbers } from '../numbers/rules';
import { findExclusions } from '../exclusions/rules';
import { Blocked, findQuantities, type Quantity } from '../targets/quantities';
import { Layout, type Span } from '../targets/clauses';
import { subjectBefore, subjectAfter } from '../subjects/rules';
import { ACHIEVEMENT_WORDS, COMPLETION_NOTE_WORDS, RUNNING_TOTAL_WORDS } from '../lexicon';
import type { UnitKind } from '../lexicon';
import { findSkips, type SkipReason } from './rules';
import { reportSections, sectionAt, topicAt, type Section, type SectionKind } from './sections';

/** A figure a report states as achieved, with everything a matcher and a reviewer need. */
export interface AchievedFigure {
  /** Value in the unit as resolved by the units dimension (`0.26万人次` → 2600 人次; `136500万元` stays 万元). */
  value: number;
  unit: string;
  kind: UnitKind | 'none';
  /** The figure itself (number and unit) in the report text: what a page highlights. */
  start: number;
  end: number;
  /** The span that carries the figure, from its clause's first word (`建成社区食堂46个`). */
  quoteStart: number;
  /** The sentence holding the figure (`；`, `。` or a line break closes it). */
  sentenceStart: number;
  sentenceEnd: number;
  /** What is counted, as the report words it (`普惠托育机构`), inherited from the sentence when the clause has none. */
  subject: string;
  /** The paragraph's topic and the sentence before the figure: weaker evidence of the subject. */
  context: string;
  /** The wording that marks it achieved (`新增`, `建成`, `累计完成`), or null. */
  wording: string | null;
  /** The plan member it is for (`磐石市建成3个`), or null for the whole area. */
  member: string | null;
  /** The year the clause dates it in (`江南区已于2024年建成1个` → 2024), else null. */
  year: number | null;
  /** A running total (`2024年以来累计完成156套`), not the year's own work. */
  cumulative: boolean;
  /** Completion wording kept beside it (`完成率115%`, `超额完成年度任务`), or null. */
  note: string | null;
  /** A completion rate itself (`完成率80%`): proposed only for a target that is itself such a rate. */
  completionRate: boolean;
  /** A stock in the background, not the year's work (see ReportReading.stocks). */
  stock: boolean;
  /** A change against an earlier period (see ReportReading.changes). */
  change: boolean;
}

/** A figure the reader holds back, with the reason (shown to nobody; the evaluation reads it). */
export interface SkippedFigure {
  value: number;
  unit: string;
  start: number;
  end: number;
  reason: SkipReason;
}

export interface ReportReading {
  figures: AchievedFigure[];
  skipped: SkippedFigure[];
  /**
   * Stocks in the background (`全市农村公路总里程达到1.28万公里`), read like figures and flagged
   * `stock`: the matcher offers them only to a target that sets a level, never one that counts
   * additions. Also listed in `skipped`.
   */
  stocks: AchievedFigure[];
  /**
   * Changes against an earlier period (`同比增长7.3%`), flagged `change`: offered only to a target
   * that is itself a change (`增长7%以上`). Also listed in `skipped`.
   */
  changes: AchievedFigure[];
}

export interface ReadReportOptions {
  /** The year the report covers: a later year in a clause marks a plan, not a result. */
  year?: number;
  /** The plan's members (counties, districts): a clause led by one is a figure for it. */
  members?: readonly string[];
}

/** Paragraphs whose figures are not the year's results; the preamble is read as body (its own-item counts and dates have their rules). */
const SECTION_SKIP: Partial<Record<SectionKind, SkipReason>> = {
  background: 'background',
  problems: 'problems',
  ahead: 'restated',
};
const ACHIEVED = new RegExp(alternation(ACHIEVEMENT_WORDS), 'g');
const RUNNING_TOTAL = new RegExp(alternation(RUNNING_TOTAL_WORDS));
const COMPLETION_NOTE = new RegExp(`(?:${alternation(COMPLETION_NOTE_WORDS)})[^，。；]{0,8}`);
const YEAR = /(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!代)/g;
const SINCE = /((?:19|20)[0-9]{2})\s*年(?:以来|来)/;
/** Words leading a clause that name neither member nor subject (`其中：`, `全年`, `全市`). */
const LEAD_WORDS = /^(?:其中|全年|全市|全县|全区|今年|当年|年内|共)[：:，,]?/;

/**
 * The achieved figures of a completion report, told apart from restated targets, background
 * stocks, changes, work under way and completion rates (kept as notes). Pure.
 * @example readReport('建成社区食堂46个，完成率115%。').figures[0] // { value: 46, unit: '个', subject: '社区食堂', note: '完成率115%', … }
 */
export function readReport(text: string, options: ReadReportOptions = {}): ReportReading {
  if (typeof text !== 'string' || !text) return { figures: [], skipped: [], stocks: [], changes: [] };
  const exclusions = findExclusions(text).filter((f) => f.value !== 'past');
  const quantities = findQuantities(text, findNumbers(text), new Blocked(() => exclusions));
  return new ReportReader(text, quantities, options).read();
}

class ReportReader {
  private readonly layout: Layout;
  private readonly sections: Section[];
  private readonly skips: Found<SkipReason>[];
  private readonly members: RegExp | null;
  private readonly figures: AchievedFigure[] = [];
  private readonly skipped: SkippedFigure[] = [];
  private readonly stocks: AchievedFigure[] = [];
  private readonly changes: AchievedFigure[] = [];
  /** Sentences whose stock opened in an earlier clause (`全市共有…，其中医院42家`). */
  private readonly backgroundSentences = new Set<number>();

  private readonly text: string;
  private readonly quantities: Quantity[];
  private readonly options: ReadReportOptions;

  constructor(text: string, quantities: Quantity[], options: ReadReportOptions) {
    this.text = text;
    this.quantities = quantities;
    this.options = options;
    this.layout = new Layout(text);
    this.sections = reportSections(text);
    this.skips = findSkips(text);
    const names = (options.members ?? []).filter((m) => m.length >= 2);
    this.members = names.length ? new RegExp(`(?:${alternation(names)})`, 'y') : null;
  }

  read(): ReportReading {
    for (const q of this.quantities) {
      const reason = this.skipReason(q);
      if (reason) this.skip(q, reason);
      else this.accept(q, this.figures);
      const kind = sectionAt(this.sections, q.start).kind;
      if (reason === 'background' && (kind === 'body' || kind === 'background' || kind === 'preamble'))
        this.accept(q, this.stocks);
      if (reason === 'change' && kind !== 'ahead' && kind !== 'problems') this.accept(q, this.changes);
    }
    return { figures: this.figures, skipped: this.skipped, stocks: this.stocks, changes: this.changes };
  }

  private skip(q: Quantity, reason: SkipReason) {
    this.skipped.push({ value: q.value, unit: q.unit, start: q.start, end: q.end, reason });
    if (reason === 'rate') this.noteRate(q);
  }

  private skipReason(q: Quantity): SkipReason | null {
    const sectionSkip = SECTION_SKIP[sectionAt(this.sections, q.start).kind];
    if (sectionSkip) return sectionSkip;
    const clause = this.layout.clauseAt(q.start);
    const sentence = this.layout.sentenceAt(q.start);
    for (const s of this.skips) {
      if (s.start > q.start) break;
      if (q.start < s.end) {
        if (s.value === 'background') this.backgroundSentences.add(sentence.start);
        if (s.value === 'rate' && this.rateIsOwnFigure(s, clause)) continue;
        return s.value;
      }
    }
    // A clause after a stock (`其中县道2136公里`) stays background unless it states work done.
    if (this.backgroundSentences.has(sentence.start) && !this.wording(clause, q)) return 'background';
    if (q.suffixOp) return 'threshold';
    const year = this.year(clause, q);
    if (year !== null && this.options.year !== undefined && year > this.options.year) return 'restated';
    if (q.kind === 'duration' || q.kind === 'age') return 'date';
    return null;
  }

  /** `项目完成率达到92%` names its own subject: a figure for a target that is such a rate. */
  private rateIsOwnFigure(s: Found<SkipReason>, clause: Span): boolean {
    const before = this.text.slice(clause.start, s.start).replace(LEAD_WORDS, '');
    return before.length >= 2 && !/[0-9０-９]/.test(before);
  }

  /** Attaches a completion rate to the figure before it in its sentence. */
  private noteRate(q: Quantity) {
    const clause = this.layout.clauseAt(q.start);
    const last = this.figures[this.figures.length - 1];
    if (!last || last.sentenceStart !== this.layout.sentenceAt(q.start).start) return;
    const rate = this.text.slice(clause.start, q.end).trim();
    if (rate.length <= 12) last.note = rate;
  }

  private accept(q: Quantity, into: AchievedFigure[]) {
    const clause = this.layout.clauseAt(q.start);
    const sentence = this.layout.sentenceAt(q.start);
    const previous = [...this.figures].reverse().find((f) => f.end <= q.start && f.sentenceStart === sentence.start);
    const from = previous && previous.end > clause.start ? previous.end : clause.start;
    const lead = this.lead(from, q.start);
    const wording = this.wording({ start: from, end: q.start }, q);
    // A change (`…达到2.16万元，同比增长7.3%`) is of what the sentence measured before it.
    const subject =
      into === this.changes && previous ? previous.subject : this.subject(lead.end, q, wording, previous, sentence);
    const year = this.year(clause, q);
    const base: Omit<AchievedFigure, 'member'> = {
      value: q.value,
      unit: q.unit,
      kind: q.kind,
      start: q.start,
      end: q.unitEnd,
      quoteStart: this.quoteStart(from, q.start),
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      subject,
      context: `${topicAt(this.text, q.start)} ${this.text.slice(sentence.start, q.start)}`.trim(),
      wording,
      year,
      cumulative: RUNNING_TOTAL.test(this.text.slice(clause.start, q.start)),
      note: this.completionNote(q, sentence),
      completionRate: q.kind === 'percent' && /完成率/.test(this.text.slice(clause.start, q.start)),
      stock: into === this.stocks,
      change: into === this.changes,
    };
    const members = lead.members.length ? lead.members : [null];
    for (const member of members) into.push({ ...base, member });
  }

  /** The members leading a clause (`蛟河市、桦甸市各建成1个`), and where the words after them begin. */
  private lead(from: number, to: number): { members: string[]; end: number } {
    let pos = from;
    // `其中城关区12家、江南区10家`: a member may follow the list mark of the figure before it.
    while (pos < to && /[\s，,：:、；]/.test(this.text[pos]!)) pos++;
    const leadWord = LEAD_WORDS.exec(this.text.slice(pos, to));
    if (leadWord) pos += leadWord[0].length;
    const members: string[] = [];
    if (!this.members) return { members, end: pos };
    for (;;) {
      this.members.lastIndex = pos;
      const m = this.members.exec(this.text);
      if (!m || m.index + m[0].length > to) break;
      members.push(m[0]);
      pos = m.index + m[0].length;
      const joiner = /^(?:、|和|及|与|，)/.exec(this.text.slice(pos, to));
      if (!joiner) break;
      pos += joiner[0].length;
    }
    if (members.length > 1 && this.text[pos] !== '各') return { members: [], end: pos };
    if (this.text[pos] === '各') pos++;
    return { members, end: pos };
  }

  /** The first achievement word between the clause start and the figure (`已完成培训…` → 已完成). */
  private wording(span: Span, q: Quantity): string | null {
    ACHIEVED.lastIndex = 0;
    return ACHIEVED.exec(this.text.slice(span.start, Math.min(span.end, q.start)))?.[0] ?? null;
  }

  /** The subject in the clause, else the subject after the figure, else the sentence's earlier one. */
  private subject(
    from: number,
    q: Quantity,
    wording: string | null,
    previous: AchievedFigure | undefined,
    sentence: Span,
  ): string {
    const dates = /[于在]?(?:19|20)[0-9]{2}\s*年(?:以来|来|底|末)?/g;
    const before = this.text.slice(from, q.start).replace(dates, '');
    const at = wording ? before.indexOf(wording) : -1;
    // What follows the wording (`新增普惠托位926个`), else what precedes it (`…托位数达到4.1个`).
    const post = at >= 0 ? before.slice(at + wording!.length) : before;
    const candidate = post.replace(/[的\s]/g, '').length >= 2 || at < 0 ? post : before.slice(0, at);
    const bare = candidate
      .replace(RUNNING_TOTAL, '')
      .replace(LEAD_WORDS, '')
      .replace(/(?:已于|已|于|实际|共)$/, '')
      .trim();
    const own = subjectBefore(bare) || bare;
    if (own.length >= 2 && !/^(?:实际|已|于)/.test(own)) return own;
    const after = subjectAfter(this.text.slice(q.end, q.end + 40));
    if (after && after.length >= 2) return after;
    if (previous && previous.sentenceStart === sentence.start) return previous.subject;
    // `全年计划新建…村卫生室20个，实际建成22个`, `…中心建设方面，磐石市建成2个`: an earlier clause names it.
    const clauseStart = this.layout.clauseAt(q.start).start;
    const opening = this.text
      .slice(sentence.start, clauseStart)
      .replace(/[0-9０-９.．]+\s*[万亿千]?[\u4e00-\u9fa5%％]?[，,：:]?$/, '')
      .replace(/(?:建设)?方面[，,：:]?$|[，,：:]$/g, '')
      .replace(dates, '');
    return subjectBefore(opening) || topicAt(this.text, q.start);
  }

  private quoteStart(from: number, to: number): number {
    let pos = from;
    while (pos < to && /[\s，,：:、]/.test(this.text[pos]!)) pos++;
    return pos;
  }

  private year(clause: Span, q: Quantity): number | null {
    const before = this.text.slice(clause.start, q.start);
    const since = SINCE.exec(before);
    if (since) return null;
    let year: number | null = null;
    for (const m of before.matchAll(YEAR)) year = Number(m[1]);
    return year;
  }

  /** `超额完成年度任务` after the figure in its sentence. */
  private completionNote(q: Quantity, sentence: Span): string | null {
    const after = this.text.slice(q.end, sentence.end);
    const next = after.search(/[0-9０-９]/);
    const m = COMPLETION_NOTE.exec(next >= 0 ? after.slice(0, next) : after);
    return m ? m[0] : null;
  }
}
