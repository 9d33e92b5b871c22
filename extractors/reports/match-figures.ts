import type { AchievedFigure } from './read-report';
import { convertUnit } from './convert-unit';
import { bigrams, subjectSimilarity, type Segmenter } from './subject-similarity';
import { ADDITION_WORDS, CHANGE_WORDS, COMPLETION_RATE_WORDS, LEVEL_TARGET_WORDS } from '../lexicon';
import { alternation, clauseSpan } from '../rules/rule';

/** A plan target as the matcher sees it; `key` is whatever names it for the caller (an id). */
export interface MatchTarget<K> {
  key: K;
  subject: string;
  quote: string;
  value: number;
  unit: string;
  per: 'year' | null;
  deadline: number | null;
  /** Distributive scope (`每个县（市）区`): the target takes one figure per member. */
  each: string | null;
  taskText: string;
  /** The task's responsible units (lead first). */
  taskUnits: readonly string[];
}

/** A target as the matcher sees it: its own fields with its task's text and units. */
export function matchTarget<K>(
  key: K,
  t: Pick<MatchTarget<K>, 'subject' | 'quote' | 'value' | 'unit' | 'per' | 'deadline' | 'each'>,
  task: { text: string; units: readonly string[] },
): MatchTarget<K> {
  const { subject, quote, value, unit, per, deadline, each } = t;
  return { key, subject, quote, value, unit, per, deadline, each, taskText: task.text, taskUnits: task.units };
}

export interface MatchOptions {
  /** The year the report covers. */
  year: number;
  /** The year a target without a deadline is due by (the plan's horizon). */
  horizonYear?: number | null;
  /** The report text, to find the units it names as its authors. */
  reportText?: string;
  segment?: Segmenter;
  /** The least score of a proposal (0 to 1). */
  minScore?: number;
}

export interface Candidate<K> {
  target: K;
  /** The figure in the target's unit. */
  value: number;
  unit: string;
  score: number;
}

/** A figure proposed for a target: the best candidate, and the others a reviewer may pick instead. */
export interface Proposal<K> extends Candidate<K> {
  figure: AchievedFigure;
  alternatives: Candidate<K>[];
}

export interface Matching<K> {
  proposals: Proposal<K>[];
  /** Achieved figures that fit no target. */
  unmatched: AchievedFigure[];
  /** Targets no figure was proposed for. */
  withoutFigure: K[];
}

const MIN_SCORE = 0.35;
/** A stock in the background matches only a level target, and only on a subject this alike. */
const STOCK_SIMILARITY = 0.6;
const ADDITION = new RegExp(alternation(ADDITION_WORDS));
const LEVEL = new RegExp(alternation(LEVEL_TARGET_WORDS));

const CHANGE = new RegExp(alternation([...CHANGE_WORDS.rise, ...CHANGE_WORDS.fall]));

/** Whether the target is itself a change (`农村居民人均可支配收入增长7%以上`). */
function isChange<K>(target: MatchTarget<K>): boolean {
  const at = target.taskText.indexOf(target.quote);
  if (at < 0) return false;
  const clause = clauseSpan(target.taskText, at, at + target.quote.length);
  return CHANGE.test(target.taskText.slice(clause.start, at + target.quote.length));
}

/** Whether the target sets a level (`总里程达到1.3万公里`) rather than counting additions. */
function setsLevel<K>(target: MatchTarget<K>): boolean {
  const at = target.taskText.indexOf(target.quote);
  if (at < 0) return false;
  const clause = clauseSpan(target.taskText, at, at + target.quote.length);
  const before = target.taskText.slice(clause.start, at + target.quote.length);
  return LEVEL.test(before) && !ADDITION.test(before);
}
const RATE_SUBJECT = new RegExp(COMPLETION_RATE_WORDS.join('|'));

/**
 * Proposes, for each achieved figure, the plan target it reports on: same measure (after
 * scaling), alike subject, the member for a per-member target, a running total for a target due
 * later than the report's year. Each target (and member) takes one figure, the best scored. Pure.
 */
export function matchFigures<K>(
  figures: readonly AchievedFigure[],
  targets: readonly MatchTarget<K>[],
  options: MatchOptions,
): Matching<K> {
  const segment = options.segment ?? bigrams;
  const named = namedUnits(targets, options.reportText ?? '');
  const scored = figures.map((figure) =>
    targets
      .map((target) => candidate(figure, target, figures, options, segment, named))
      .filter((c): c is Candidate<K> => c !== null)
      .sort((a, b) => b.score - a.score),
  );
  const pairs = scored
    .flatMap((list, figureIndex) => list.map((c) => ({ c, figureIndex })))
    .filter((p) => p.c.score >= (options.minScore ?? MIN_SCORE))
    .sort((a, b) => b.c.score - a.c.score);
  const usedFigures = new Set<number>();
  const usedSlots = new Set<string>();
  const chosen = new Map<number, Candidate<K>>();
  const slotOf = (c: Candidate<K>, f: AchievedFigure) => `${targets.findIndex((t) => t.key === c.target)}|${f.member ?? ''}`;
  for (const { c, figureIndex } of pairs) {
    const figure = figures[figureIndex]!;
    const slot = slotOf(c, figure);
    if (usedFigures.has(figureIndex) || usedSlots.has(slot)) continue;
    usedFigures.add(figureIndex);
    usedSlots.add(slot);
    chosen.set(figureIndex, c);
  }
  const proposals: Proposal<K>[] = [];
  const unmatched: AchievedFigure[] = [];
  figures.forEach((figure, i) => {
    const c = chosen.get(i);
    if (!c) return void unmatched.push(figure);
    proposals.push({ ...c, figure, alternatives: scored[i]!.filter((o) => o.target !== c.target).slice(0, 5) });
  });
  const matchedKeys = new Set(proposals.map((p) => p.target));
  return { proposals, unmatched, withoutFigure: targets.map((t) => t.key).filter((k) => !matchedKeys.has(k)) };
}

function candidate<K>(
  figure: AchievedFigure,
  target: MatchTarget<K>,
  figures: readonly AchievedFigure[],
  options: MatchOptions,
  segment: Segmenter,
  named: Set<K>,
): Candidate<K> | null {
  const value = convertUnit(figure.value, figure.unit, target.unit);
  if (value === null) return null;
  // A per-member target takes per-member figures only, and a target for the whole area none.
  if ((target.each !== null) !== (figure.member !== null)) return null;
  const subject = target.subject.length >= 2 ? target.subject : target.taskText;
  const rateTarget = RATE_SUBJECT.test(subject);
  if (figure.completionRate !== rateTarget) return null;
  if (!periodFits(figure, target, figures, options)) return null;
  const similarity = subjectSimilarity(figure.subject, subject, segment);
  if (figure.stock && (similarity < STOCK_SIMILARITY || !setsLevel(target))) return null;
  // A change goes to a change target only, and a change target takes nothing else.
  if (figure.change !== isChange(target) && (figure.change || target.unit === '%' || target.unit === '个百分点'))
    return null;
  if (figure.change && similarity < STOCK_SIMILARITY) return null;
  const context = subjectSimilarity(figure.context, target.taskText, segment);
  const score =
    0.6 * similarity +
    0.15 * context +
    0.15 * closeness(value, target.value) +
    (named.has(target.key) ? 0.05 : 0) +
    (figure.unit === target.unit ? 0.05 : 0);
  return { target: target.key, value, unit: target.unit, score: Math.round(Math.min(1, score) * 1000) / 1000 };
}

/** 1 when the figure equals the target, 0 when it is ten times larger or smaller. */
function closeness(value: number, aim: number): number {
  if (value <= 0 || aim <= 0) return value === aim ? 1 : 0;
  return Math.max(0, 1 - Math.abs(Math.log10(value / aim)));
}

/**
 * A target due after the report's year counts running totals (`2024年以来累计完成156套` for
 * `到2026年…200套`), one due this year the year's own work; where a sentence gives both, each
 * target takes its own, and a one-year target takes no figure dated in an earlier year.
 */
function periodFits<K>(
  figure: AchievedFigure,
  target: MatchTarget<K>,
  figures: readonly AchievedFigure[],
  options: MatchOptions,
): boolean {
  const due = target.deadline ?? options.horizonYear ?? options.year;
  const cumulative = target.per === null && due > options.year;
  const sibling = figures.some(
    (f) => f !== figure && f.sentenceStart === figure.sentenceStart && f.unit === figure.unit && f.cumulative !== figure.cumulative,
  );
  if (sibling && figure.cumulative !== cumulative) return false;
  if (!cumulative && figure.year !== null && figure.year < options.year) return false;
  return true;
}

/** Targets whose task's responsible unit the report names (in its title or signature). */
function namedUnits<K>(targets: readonly MatchTarget<K>[], reportText: string): Set<K> {
  const lines = reportText.split('\n').filter((l) => l.trim());
  const heads = [...lines.slice(0, 2), ...lines.slice(-3)].join(' ');
  const out = new Set<K>();
  for (const t of targets) {
    if (t.taskUnits.some((u) => u.replace(/^[市县区]/, '').length >= 2 && heads.includes(u.replace(/^[市县区]/, ''))))
      out.add(t.key);
  }
  return out;
}
