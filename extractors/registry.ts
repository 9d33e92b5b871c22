import type { Dimension } from './rules/corpus';
import { extractTargets } from './targets/extract-targets';
import { probeNumber } from './numbers/rules';
import { numbersCorpus } from './numbers/corpus';
import { probeUnit } from './units/rules';
import { unitsCorpus } from './units/corpus';
import { comparisonsCorpus } from './comparisons/corpus';
import { deadlinesCorpus } from './deadlines/corpus';
import { scopesCorpus } from './scopes/corpus';
import { subjectsCorpus } from './subjects/corpus';
import { basesCorpus } from './bases/corpus';
import { probeExclusion } from './exclusions/rules';
import { exclusionsCorpus } from './exclusions/corpus';

const first = (text: string) => extractTargets(text)[0];

/**
 * Every dimension of the extractor with its corpus. Numbers and units are probed on their own;
 * the other dimensions through the sentence reader, since their meaning depends on the figure.
 */
export const DIMENSIONS: Dimension<unknown>[] = [
  { name: 'numbers', probe: probeNumber, corpus: numbersCorpus },
  { name: 'units', probe: probeUnit, corpus: unitsCorpus },
  { name: 'comparisons', probe: (t) => first(t)?.op ?? null, corpus: comparisonsCorpus },
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
  { name: 'bases', probe: (t) => first(t)?.base ?? null, corpus: basesCorpus },
  // An excluded text yields no target at all, and the reason names which rule held it back.
  {
    name: 'exclusions',
    probe: (t) => (extractTargets(t).length ? null : probeExclusion(t)),
    corpus: exclusionsCorpus,
  },
] as Dimension<unknown>[];
