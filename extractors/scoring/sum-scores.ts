/**
 * Sums per-plan scores into one, as shared/tools/score-extraction.mjs does over several gold
 * files: targets and matches are counted over all plans (a micro average), so a plan with
 * many targets weighs more than a plan with few.
 */
import { FIELD_NAMES, type FieldName, type Score } from './score-targets';

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * One score over several plans' scores; misses, extras and field misses are concatenated.
 * @example sumScores([scoreTargets(goldA, predA), scoreTargets(goldB, predB)]).f1
 */
export function sumScores(scores: readonly Score[]): Score {
  const gold = scores.reduce((n, s) => n + s.gold, 0);
  const predicted = scores.reduce((n, s) => n + s.predicted, 0);
  const matched = scores.reduce((n, s) => n + s.matched, 0);
  const fieldMisses = scores.flatMap((s) => s.fieldMisses);
  const precision = predicted ? matched / predicted : gold ? 0 : 1;
  const recall = gold ? matched / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const agreement = (f: FieldName) =>
    matched ? r3((matched - fieldMisses.filter((m) => m.field === f).length) / matched) : 0;
  return {
    gold,
    predicted,
    matched,
    precision: r3(precision),
    recall: r3(recall),
    f1: r3(f1),
    fields: Object.fromEntries(FIELD_NAMES.map((f) => [f, agreement(f)])) as Record<FieldName, number>,
    misses: scores.flatMap((s) => s.misses),
    extras: scores.flatMap((s) => s.extras),
    fieldMisses,
  };
}
