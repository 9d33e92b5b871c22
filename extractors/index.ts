/** The extraction library: task text in, quantified targets out (see tests/fixtures/gold/SCHEMA.md). */
export { extractTargets } from './targets/extract-targets';
export { scoreTargets } from './scoring/score-targets';
export { sumScores } from './scoring/sum-scores';
export type { Op, Target, TaskUnit, ExtractedTask, ExtractedPlan } from './types';
export { extractPlan, extractPlanFromRows, extractPlanFromText } from './plan';
