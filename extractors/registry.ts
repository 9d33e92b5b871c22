import type { Dimension } from './rules/corpus';
import { explainSubjects, extractTargets } from './targets/extract-targets';
import { findNumbers, probeNumber } from './numbers/rules';
import { numbersCorpus } from './numbers/corpus';
import { probeUnit } from './units/rules';
import { unitsCorpus } from './units/corpus';
import { comparisonsCorpus } from './comparisons/corpus';
import { deadlinesCorpus } from './deadlines/corpus';
import { scopesCorpus } from './scopes/corpus';
import { SUBJECT_STEP_CORPORA, subjectsCorpus } from './subjects/corpus';
import { basesCorpus } from './bases/corpus';
import { probeExclusion } from './exclusions/rules';
import { exclusionsCorpus } from './exclusions/corpus';
import { noticeName, probeDocumentNumber, probeIssuer, probePeriod, probePlace } from './metadata/rules';
import {
  documentNumberCorpus,
  issuerCorpus,
  noticeNameCorpus,
  periodCorpus,
  placeCorpus,
} from './metadata/corpus';

const strict = (text: string) => extractTargets(text, { strict: true });
const first = (text: string) => strict(text)[0];
/** The quote of the first target: what the sentence-read dimensions matched. */
const quoteSpan = (text: string) => {
  const t = first(text);
  return t ? { start: t.start, end: t.end } : null;
};

/**
 * Every dimension of the extractor with its corpus. Numbers and units are probed on their own;
 * the other dimensions through the sentence reader, since their meaning depends on the figure.
 */
export const DIMENSIONS: Dimension<unknown>[] = [
  {
    name: 'numbers',
    probe: probeNumber,
    locate: (t) => {
      const n = findNumbers(t)[0];
      return n ? { start: n.start, end: n.end } : null;
    },
    corpus: numbersCorpus,
  },
  { name: 'units', probe: probeUnit, corpus: unitsCorpus },
  { name: 'comparisons', probe: (t) => first(t)?.op ?? null, locate: quoteSpan, corpus: comparisonsCorpus },
  { name: 'deadlines', probe: (t) => first(t)?.deadline ?? null, corpus: deadlinesCorpus },
  {
    name: 'scopes',
    probe: (t) => {
      const target = first(t);
      return target && (target.per || target.each) ? { per: target.per, each: target.each } : null;
    },
    corpus: scopesCorpus,
  },
  { name: 'subjects', probe: (t) => first(t)?.subject ?? null, corpus: subjectsCorpus },
  // Each step of the subject pipeline with its own corpus: the last figure's subject, if that step found it.
  ...Object.entries(SUBJECT_STEP_CORPORA).map(([step, corpus]) => ({
    name: `subjects: ${step}`,
    probe: (t: string) => {
      const last = explainSubjects(t).at(-1);
      return last && last.step === step ? last.subject : null;
    },
    corpus,
  })),
  { name: 'bases', probe: (t) => first(t)?.base ?? null, locate: quoteSpan, corpus: basesCorpus },
  // An excluded text yields no target at all, and the reason names which rule held it back.
  {
    name: 'exclusions',
    probe: (t) => (strict(t).length ? null : probeExclusion(t)),
    corpus: exclusionsCorpus,
  },
  // A plan's metadata, read one line at a time (title, 文号, 落款 and period lines).
  { name: 'document numbers', probe: probeDocumentNumber, corpus: documentNumberCorpus },
  { name: 'plan periods', probe: probePeriod, corpus: periodCorpus },
  { name: 'notice names', probe: noticeName, corpus: noticeNameCorpus },
  { name: 'issuers', probe: probeIssuer, corpus: issuerCorpus },
  { name: 'places', probe: (t) => probePlace(t), corpus: placeCorpus },
] as Dimension<unknown>[];
