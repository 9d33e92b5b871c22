import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/database';
import { explainQuery, fullScans } from '../src/db/explain-query';
import { currentMeasurementsQuery } from '../src/db/measurement-series';
import { unitTaskCounts } from '../src/db/plan-store';
import type { Database } from '../src/db/schema';
import { targetRows } from '../src/db/target-store';
import { seedPlanImport } from './support/gold-plans';
import { dialects, useFreshStore } from './support/store-dialects';

describe.each(dialects)('the main reads use an index for every filter on $name', (dialect) => {
  const fresh = useFreshStore(dialect);
  let db: Kysely<Database>;
  let planId: number;
  let targetId: number;
  beforeAll(async () => {
    const { plan } = await fresh.store.importPlan(seedPlanImport('jilin', 'query-plans'), 'test');
    planId = plan.id;
    targetId = (await fresh.store.listTargets(plan.id))[0]!.id;
    db = createDatabase({ database: fresh.database });
  });
  afterAll(() => db?.destroy());

  const reads: [string, () => Parameters<typeof explainQuery>[1]][] = [
    [
      "a plan's current figures (progress, reports, templates)",
      () => currentMeasurementsQuery(db, { planId }),
    ],
    ["a target's current figures", () => currentMeasurementsQuery(db, { targetId })],
    ["a plan's current targets", () => targetRows(db, true).where('t.plan_id', '=', planId)],
    ["a page of units' task counts (/api/units)", () => unitTaskCounts(db, [1, 2, 3])],
  ];

  it.each(reads)('%s reads no whole table', async (_name, query) => {
    const plan = await explainQuery(db, query());
    expect(plan.length).toBeGreaterThan(0);
    expect(fullScans(plan), plan.join('\n')).toEqual([]);
  });
});
