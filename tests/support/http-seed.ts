/**
 * Both seed plans stored straight through the store (from the gold files, so HTTP tests do not
 * depend on the extractor), with their real jurisdictions.
 */
import { JILIN, SIPING } from '../../src/demo/jurisdictions';
import type { PlanRecord, Store, TargetRecord } from '../../src/db/store';
import { goldPlan, hashOf } from './gold-plans';

export interface SeededPlans {
  jilin: PlanRecord;
  siping: PlanRecord;
  jilinTargets: TargetRecord[];
  sipingTargets: TargetRecord[];
}

export async function seedGoldPlans(store: Store): Promise<SeededPlans> {
  const { plan: jilin } = await store.importPlan(
    {
      extracted: goldPlan('000_3cb08648fdcd494e'),
      title: '吉林市推动现代职业教育高质量发展建设技能社会实施方案',
      issuer: '吉林市人民政府',
      year: 2023,
      sourceName: '000_3cb08648fdcd494e.txt',
      sourceHash: hashOf('gold-jilin'),
      jurisdiction: JILIN,
    },
    'tester',
  );
  const { plan: siping } = await store.importPlan(
    {
      extracted: goldPlan('002_36169d261e098f31'),
      title: '四平市职业教育重点工作任务分工',
      issuer: '四平市人民政府',
      year: 2023,
      sourceName: '002_36169d261e098f31.txt',
      sourceHash: hashOf('gold-siping'),
      jurisdiction: SIPING,
    },
    'tester',
  );
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
