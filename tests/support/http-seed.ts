/**
 * Both seed plans stored straight through the store (from the gold files, so HTTP tests do not
 * depend on the extractor), with their real jurisdictions.
 */
import type { PlanRecord, Store, TargetRecord } from '../../src/db/store';
import { hashOf, seedPlanImport } from './gold-plans';

export interface SeededPlans {
  jilin: PlanRecord;
  siping: PlanRecord;
  jilinTargets: TargetRecord[];
  sipingTargets: TargetRecord[];
}

export async function seedGoldPlans(store: Store): Promise<SeededPlans> {
  const { plan: jilin } = await store.importPlan(seedPlanImport('jilin', hashOf('gold-jilin')), 'tester');
  const { plan: siping } = await store.importPlan(seedPlanImport('siping', hashOf('gold-siping')), 'tester');
  return {
    jilin,
    siping,
    jilinTargets: await store.listTargets(jilin.id),
    sipingTargets: await store.listTargets(siping.id),
  };
}

/** A whole-plan count target (no member, no base): the plainest figure to enter. */
export function plainTarget(targets: TargetRecord[]): TargetRecord {
  const t = targets.find((x) => x.each === null && x.base === null && x.op !== 'lte' && x.op !== 'lt');
  if (!t) throw new Error('no plain target in plan');
  return t;
}

/** A per-member target over the counties (每个县（市）…). */
export function memberTarget(targets: TargetRecord[]): TargetRecord {
  const t = targets.find((x) => x.each !== null && /[县市区]/.test(x.each));
  if (!t) throw new Error('no per-member target in plan');
  return t;
}
