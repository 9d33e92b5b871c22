import { alternation } from '../rules/rule';
import { REPORT_SECTION_WORDS } from '../lexicon';

/** What a report's paragraphs under one heading hold. */
export type SectionKind = 'preamble' | 'body' | 'background' | 'problems' | 'ahead';

export interface Section {
  kind: SectionKind;
  start: number;
  end: number;
}

/** A top-level heading: `一、基本情况`, `四、2026年工作打算` (a short line led by a Chinese ordinal). */
const HEADING = /^[ \t\u3000]*[一二三四五六七八九十]{1,3}[、．.][^\n]{1,36}$/gm;
const KIND_OF_HEADING = (Object.keys(REPORT_SECTION_WORDS) as (keyof typeof REPORT_SECTION_WORDS)[]).map(
  (kind) => ({ kind, pattern: new RegExp(alternation(REPORT_SECTION_WORDS[kind])) }),
);

/**
 * The report's sections by heading. Text before the first heading is its preamble (the
 * overview a report opens with); a report without headings is one body.
 * @example reportSections('…\n一、基本情况\n全市共有…\n二、重点任务完成情况\n…') // preamble, background, body
 */
export function reportSections(text: string): Section[] {
  const headings = [...text.matchAll(HEADING)];
  if (!headings.length) return [{ kind: 'body', start: 0, end: text.length }];
  const sections: Section[] = [{ kind: 'preamble', start: 0, end: headings[0]!.index }];
  headings.forEach((h, i) => {
    const kind = KIND_OF_HEADING.find((k) => k.pattern.test(h[0]))?.kind ?? 'body';
    sections.push({ kind, start: h.index, end: headings[i + 1]?.index ?? text.length });
  });
  return sections;
}

/** The section holding an offset. */
export function sectionAt(sections: readonly Section[], pos: number): Section {
  return sections.find((s) => pos >= s.start && pos < s.end) ?? sections[sections.length - 1]!;
}

/** A sub-heading that opens a paragraph (`（一）村卫生室标准化建设。`): the paragraph's topic. */
const TOPIC = /(?:^|\n)[ \t\u3000]*[（(][一二三四五六七八九十]{1,3}[）)]([^。\n]{1,30})。/g;

/** The topic of the paragraph holding an offset, or '' when the paragraph has none. */
export function topicAt(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  TOPIC.lastIndex = Math.max(0, lineStart - 1);
  const m = TOPIC.exec(text);
  return m && m.index <= pos && m.index >= lineStart - 1 ? m[1]!.trim() : '';
}
