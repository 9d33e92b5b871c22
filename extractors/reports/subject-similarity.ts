import { SUBJECT_QUALIFIERS, SUBJECT_SYNONYMS } from '../lexicon';

/** Splits a subject into words; the default is overlapping character pairs of each Han run. */
export type Segmenter = (text: string) => string[];

/** Character pairs (`托育机构` → 托育 育机 机构), a lone character as itself. */
export const bigrams: Segmenter = (text) => {
  const out: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fa5]+|[A-Za-z]+/g) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
};

const VARIANTS = SUBJECT_SYNONYMS.flatMap((group) => group.slice(1).map((v) => [v, group[0]!] as const)).sort(
  (a, b) => b[0].length - a[0].length,
);
const QUALIFIER = new RegExp(SUBJECT_QUALIFIERS.join('|'), 'g');

/** The subject with variants written in their canonical form and qualifiers set apart. */
export function normaliseSubject(text: string): { core: string; qualifiers: Set<string> } {
  let s = text.replace(/[“”"《》（）()]/g, '');
  for (const [variant, canonical] of VARIANTS) {
    // a variant inside its own canonical form (`食堂` in `老年食堂`) is already canonical
    if (s.includes(canonical)) continue;
    s = s.split(variant).join(canonical);
  }
  const qualifiers = new Set(s.match(QUALIFIER) ?? []);
  return { core: s.replace(QUALIFIER, ''), qualifiers };
}

/**
 * How alike two subjects are, 0 to 1: the mean of the Dice coefficient and the overlap
 * coefficient of their words, after synonyms; a qualifier named on both sides but differing
 * (`城市` against `农村`) costs a fifth.
 * @example subjectSimilarity('普惠性托育服务机构', '普惠托育机构') // 1
 */
export function subjectSimilarity(a: string, b: string, segment: Segmenter = bigrams): number {
  const na = normaliseSubject(a);
  const nb = normaliseSubject(b);
  const wa = new Set(segment(na.core));
  const wb = new Set(segment(nb.core));
  if (!wa.size || !wb.size) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  const dice = (2 * common) / (wa.size + wb.size);
  const overlap = common / Math.min(wa.size, wb.size);
  const clash = na.qualifiers.size > 0 && nb.qualifiers.size > 0 && ![...na.qualifiers].some((q) => nb.qualifiers.has(q));
  return Math.max(0, (dice + overlap) / 2 - (clash ? 0.2 : 0));
}
