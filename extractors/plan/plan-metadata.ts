/**
 * What a plan document proposes about itself — title, issuing body, document number,
 * period and jurisdiction — each with the line it was read from, so a draft can show an
 * evaluator where every guess came from. Pure: lines in, proposal out; a field the document
 * does not state is null (the draft asks for it).
 */
import {
  DATE_LINE,
  noticeName,
  organLine,
  probeDocumentNumber,
  probeIssuer,
  probePeriod,
  probePlace,
} from '../metadata/rules';
import { findTitle } from './find-title';
import type { PlanMetadata, Proposed } from '../types';

export interface MetadataOptions {
  /** Whether a name is a known division (a city, county or district); without it any place-like prefix counts. */
  isPlace?: (name: string) => boolean;
}

/** Lines near the top where a title, 文号 or period is looked for. */
const HEAD_LINES = 40;

const proposed = <T>(value: T | null, source: string): Proposed<T> | null =>
  value === null ? null : { value, source: source.trim() };

/** A notice title broken over two lines (`…关于印发吉林市推进` / `…实施方案的通知`) read as one. */
function noticeAt(lines: readonly string[], i: number): { name: string; source: string } | null {
  const line = lines[i]!.trim();
  const name = noticeName(line);
  if (name) return { name, source: line };
  if (!/关于(?:印发|转发|下发|发布)/.test(line) || i + 1 >= lines.length) return null;
  const joined = line + lines[i + 1]!.trim();
  const joinedName = noticeName(joined);
  return joinedName ? { name: joinedName, source: joined } : null;
}

function firstOf<T>(lines: readonly string[], probe: (line: string) => T | null): Proposed<T> | null {
  for (const line of lines) {
    const value = probe(line);
    if (value !== null) return proposed(value, line);
  }
  return null;
}

/** The 落款: an organ alone on a line just above a date line, the last such pair in the document. */
function signature(lines: readonly string[]): Proposed<string> | null {
  for (let i = lines.length - 1; i > 0; i--) {
    if (!DATE_LINE.test(lines[i]!)) continue;
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
      const organ = organLine(lines[j]!);
      if (organ) return proposed(organ, lines[j]!);
    }
  }
  return null;
}

/**
 * Proposes a plan's metadata from its lines (prose lines and the rows above its tables).
 * @example proposePlanMetadata(['关于印发《吉林市推进职业教育发展实施方案（2023—2025年）》的通知']).startYear?.value // 2023
 */
export function proposePlanMetadata(lines: readonly string[], options: MetadataOptions = {}): PlanMetadata {
  const text = lines.map((l) => l.trim()).filter((l) => l !== '');
  const head = text.slice(0, HEAD_LINES);

  let title: Proposed<string> | null = null;
  for (let i = 0; i < head.length && !title; i++) {
    const notice = noticeAt(head, i);
    if (notice) title = proposed(notice.name, notice.source);
  }
  if (!title) {
    const found = findTitle(head);
    title = found ? proposed(found, found) : null;
  }

  const issuer = firstOf(head, probeIssuer) ?? signature(text);
  const documentNumber = firstOf(head, probeDocumentNumber);

  // The title's own period wins over a year named in the body (到2025年，…).
  const period =
    (title && probePeriod(title.source) ? proposed(probePeriod(title.source), title.source) : null) ??
    firstOf(head, probePeriod);
  const startYear = period?.value.startYear != null ? proposed(period.value.startYear, period.source) : null;
  const horizonYear = period ? proposed(period.value.horizonYear, period.source) : null;

  const place = (line: string) => probePlace(line, options.isPlace);
  const jurisdiction =
    (title && place(title.value) ? proposed(place(title.value), title.source) : null) ??
    (issuer && place(issuer.value) ? proposed(place(issuer.value), issuer.source) : null);

  return { title, issuer, documentNumber, startYear, horizonYear, jurisdiction };
}
