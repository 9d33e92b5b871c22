/**
 * Tasks from prose: each sentence (or `；` clause) that states a quantified target becomes a
 * task with `seq: null`. Targets are found on the whole paragraph, so a lead-in such as
 * `到2025年，` still dates the clauses after it, then handed to the sentence holding them.
 */
import type { ExtractedTask, Target, TaskUnit } from '../types';
import { unitsInProse } from './prose-units';
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
 * @example proseTasks(['（一）到2025年，全市二级以上医院达到 12 所。'], …) // one task, seq null
 */
export function proseTasks(paragraphs: readonly string[], extractTargets: ExtractTargets): ExtractedTask[] {
  const tasks: ExtractedTask[] = [];
  paragraphs.forEach((numbered, i) => {
    // Numbering (`1.`, `（一）`) is no part of any sentence; left in, it would end up in subjects.
    const paragraph = numbered.replace(LEADING_NUMBER, '');
    const targets = extractTargets(paragraph);
    if (targets.length === 0) return;
    let units = unitsInProse(paragraph);
    const next = paragraphs[i + 1] ?? '';
    if (units.length === 0 && /^[（(]?(?:责任单位|牵头单位|责任部门|牵头部门)/.test(next))
      units = unitsInProse(next);
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
