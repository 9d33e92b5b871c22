/**
 * Tasks from prose: each sentence (or `；` clause) that states a quantified target becomes a
 * task with `seq: null`. Targets are found on the whole paragraph, so a lead-in such as
 * `到2025年，` still dates the clauses after it, then handed to the sentence holding them.
 */
import type { ExtractedTask, Target, TaskUnit } from '../types';
import { unitsInProse } from './prose-units';
import { parseChineseNumeral } from '../numbers/chinese-numeral';
import { alternation } from '../rules/rule';
import { LOOKING_AHEAD_WORDS, PROBLEM_SECTION_WORDS } from '../lexicon';

const LOOKING_AHEAD = new RegExp(alternation(LOOKING_AHEAD_WORDS));
/** A section heading (`二、存在的问题`, `三．下一步工作`): it opens a section, it is no item. */
const SECTION_HEADING = /^\s*[一二三四五六七八九十]{1,3}[、.．]\s*(?<title>.*)$/;
const PROBLEM_SECTION = new RegExp(alternation(PROBLEM_SECTION_WORDS));
import type { ExtractTargets } from './types';

/** Numbering in front of a paragraph or sentence, as named parts. */
const NUMBERING = {
  /** `（一）`, `(3)` */
  bracketed: String.raw`[（(][一二三四五六七八九十百\d]{1,4}[)）]`,
  /** `一、`, `二.` */
  chineseListed: String.raw`[一二三四五六七八九十百]{1,4}[、.．]`,
  /** `1.`, `2、` but not the `1.` of `1.5万` */
  arabicListed: String.raw`\d{1,3}[.．、](?!\d)`,
  /** `①` */
  circled: '[①-⑳]',
  /** Markdown `## ` and `- ` */
  markdown: String.raw`(?:#{1,6}|[-*+])(?=\s)`,
};
const LEADING_NUMBER = new RegExp(String.raw`^\s*(?:${Object.values(NUMBERING).join('|')})\s*`);

/** The number of a numbered item (`1.`, `（一）`, `(3)`, `一是`); headings `一、` are no items. */
const ITEM_NUMBER =
  /^\s*(?:(?<arabic>\d{1,3})[.．、](?!\d)|[（(](?<bracket>[一二三四五六七八九十\d]{1,3})[)）]|(?<cn>[一二三四五六七八九十]{1,3})是)\s*/;
/** A units label closing an item (`（责任单位：市卫健委）`): the units, not the task's words. */
const TRAILING_UNITS =
  /\s*[（(](?:责任单位|牵头单位|责任部门|牵头部门|配合单位)[：:][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)]\s*$|\s*[（(][^（）()]{2,60}牵头[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)]\s*$/;
const UNITS_LINE = /^[（(]?(?:责任单位|牵头单位|责任部门|牵头部门)/;
/** A supporting-units line that may follow a lead-units line (`配合单位：市财政局`). */
const SUPPORT_LINE = /^[（(]?(?:配合单位|协办单位|配合部门|参与单位)/;

/**
 * The units lines right after paragraph i, joined: `牵头单位：市经信局` and, on the line after
 * it, `配合单位：市住建局` belong to the same item.
 */
function unitLinesAfter(paragraphs: readonly string[], i: number): string {
  const first = paragraphs[i + 1] ?? '';
  if (!UNITS_LINE.test(first)) return first;
  const lines = [first];
  for (let j = i + 2; j < paragraphs.length && SUPPORT_LINE.test(paragraphs[j]!); j++)
    lines.push(paragraphs[j]!);
  return lines.join('；');
}

/** The item's number as `seq`: `3.` → 3, `（三）` → 3, `三是` → 3. */
function itemSeq(m: RegExpExecArray): number | null {
  const { arabic, bracket, cn } = m.groups ?? {};
  const written = arabic ?? bracket ?? cn ?? '';
  return /^\d+$/.test(written) ? Number(written) : parseChineseNumeral(written);
}

/**
 * A numbered item as one task: its number is `seq`, its units those it names or a following
 * units line names; without a figure it is qualitative, so an evaluator sees the whole plan.
 */
function itemTask(
  numbered: string,
  m: RegExpExecArray,
  next: string,
  extractTargets: ExtractTargets,
  report: boolean,
): ExtractedTask | null {
  const body = numbered.slice(m[0].length).trim();
  if (!body || UNITS_LINE.test(body)) return null;
  let units = unitsInProse(body);
  if (units.length === 0 && UNITS_LINE.test(next)) units = unitsInProse(next);
  const text = body.replace(TRAILING_UNITS, '');
  const found = extractTargets(text);
  const targets = report ? headingTargets(text, found) : found;
  return {
    seq: itemSeq(m),
    text,
    units: units.map((u) => u.name),
    unitRoles: units,
    timeLimit: null,
    targets,
    qualitative: targets.length === 0,
  };
}

/**
 * In a report an item is a heading sentence that aims, then a body that reports
 * (`（一）新建社区食堂40个。全年建成46个，完成率115%。`): only the heading's targets count, and a
 * later sentence's only when it looks ahead (`下一步，力争…`).
 */
function headingTargets(text: string, targets: Target[]): Target[] {
  const end = /[。！？!?]/.exec(text);
  if (!end) return targets;
  return targets.filter((t) => {
    if (t.start <= end.index) return true;
    const from = Math.max(text.lastIndexOf('。', t.start - 1), text.lastIndexOf('；', t.start - 1)) + 1;
    return LOOKING_AHEAD.test(text.slice(from, t.end));
  });
}

/** A sentence ends after 。！？!? ; a clause after ；; — the cut comes after the mark. */
const SENTENCE_END = /[。！？!?；;]/g;

/** Sentence spans of a paragraph, never cutting through a target's quote. */
function sentenceSpans(paragraph: string, targets: readonly Target[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  let t = 0;
  for (const m of paragraph.matchAll(SENTENCE_END)) {
    const cut = m.index + 1;
    while (t < targets.length && targets[t]!.end <= cut) t++;
    if (t < targets.length && targets[t]!.start < cut) continue;
    spans.push([from, cut]);
    from = cut;
  }
  if (from < paragraph.length) spans.push([from, paragraph.length]);
  return spans;
}

/** A subject reaching back over numbering in mid-paragraph (`1.适龄儿童…`) loses the number. */
function ownSubject(subject: string, text: string): string {
  if (text.includes(subject)) return subject;
  const bare = subject.replace(LEADING_NUMBER, '');
  return text.includes(bare) ? bare : subject;
}

/** The task for one sentence span, given the targets lying in it, or null when none does. */
function sentenceTask(
  paragraph: string,
  [from, to]: [number, number],
  targets: readonly Target[],
  paragraphUnits: TaskUnit[],
): ExtractedTask | null {
  let raw = paragraph.slice(from, to).replace(/[；;]$/, '');
  const numbering = LEADING_NUMBER.exec(raw)?.[0].length ?? 0;
  const lead = numbering + (raw.length - numbering - raw.slice(numbering).trimStart().length);
  raw = raw.trimEnd();
  const start = from + lead;
  const end = from + raw.length;
  const inside = targets.filter((t) => t.start >= start && t.end <= end);
  if (inside.length === 0) return null;
  const text = paragraph.slice(start, end);
  const units = unitsInProse(text);
  const unitRoles = units.length > 0 ? units : paragraphUnits;
  return {
    seq: null,
    text,
    units: unitRoles.map((u) => u.name),
    unitRoles,
    timeLimit: null,
    targets: inside.map((t) => ({
      ...t,
      subject: ownSubject(t.subject, text),
      start: t.start - start,
      end: t.end - start,
    })),
    qualitative: false,
  };
}

/**
 * Target-stating sentences of prose paragraphs, as tasks in reading order. A paragraph that
 * names no unit takes those of a following line that only names units (`（责任单位：…）`).
 * With `items` (a plan without a task table) each numbered item is one task with its `seq`.
 * @example proseTasks(['（一）到2025年，全市二级以上医院达到 12 所。'], …) // one task, seq null
 */
export function proseTasks(
  paragraphs: readonly string[],
  extractTargets: ExtractTargets,
  { items = false, report = false }: { items?: boolean; report?: boolean } = {},
): ExtractedTask[] {
  const tasks: ExtractedTask[] = [];
  let problems = false;
  paragraphs.forEach((numbered, i) => {
    const heading = SECTION_HEADING.exec(numbered);
    // A heading opens a section; under `存在的问题` only what looks ahead aims (a heading may
    // join both: `三、存在的问题及下一步打算`), until the next heading.
    if (heading) problems = PROBLEM_SECTION.test(heading.groups!.title!);
    if (problems && !LOOKING_AHEAD.test(numbered)) return;
    const item = items ? ITEM_NUMBER.exec(numbered) : null;
    // In a report an unnumbered paragraph states what was done unless it looks ahead.
    if (report && !item && !LOOKING_AHEAD.test(numbered.replace(/现将/g, ''))) return;
    if (item) {
      const task = itemTask(numbered, item, unitLinesAfter(paragraphs, i), extractTargets, report);
      if (task) tasks.push(task);
      return;
    }
    // Numbering (`1.`, `（一）`) is no part of any sentence; left in, it would end up in subjects.
    const paragraph = numbered.replace(LEADING_NUMBER, '');
    const targets = extractTargets(paragraph);
    if (targets.length === 0) return;
    let units = unitsInProse(paragraph);
    const next = unitLinesAfter(paragraphs, i);
    if (units.length === 0 && UNITS_LINE.test(next)) units = unitsInProse(next);
    const sorted = [...targets].sort((a, b) => a.start - b.start);
    let t = 0;
    for (const span of sentenceSpans(paragraph, sorted)) {
      // Hand each sentence only the targets that start in it, keeping the whole pass linear.
      const first = t;
      while (t < sorted.length && sorted[t]!.start < span[1]) t++;
      const task = sentenceTask(paragraph, span, sorted.slice(first, t), units);
      if (task) tasks.push(task);
    }
  });
  return tasks;
}
