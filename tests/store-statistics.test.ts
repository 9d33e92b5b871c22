/**
 * Planner statistics after bulk figure writes on PostgreSQL: a write of 1,000 figures or more
 * that grows the table by a tenth (autovacuum's own rule) refreshes them at once; a smaller
 * share of a large table does not wait for an ANALYZE. What the planner knows is read from
 * pg_class.reltuples, which ANALYZE sets in the same transaction (-1: never analyzed).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/database';
import type { MeasurementRow } from '../src/db/store';
import { seedGoldPlans } from './support/http-seed';
import { dialects, useFreshStore } from './support/store-dialects';

const postgres = dialects.find((d) => d.name === 'postgres');

describe.skipIf(!postgres)('statistics after bulk figure writes on postgres', () => {
  const f = useFreshStore(postgres!);

  it('refreshes them after a write that grows the figures by a tenth, not after a smaller one', async () => {
    const { jilinTargets, sipingTargets } = await seedGoldPlans(f.store);
    const plain = [...jilinTargets, ...sipingTargets].filter((t) => t.each === null && t.base === null);
    const series = plain.flatMap((t) =>
      Array.from({ length: 111 }, (_, i) => ({ targetId: t.id, year: 1990 + i })),
    );
    expect(series.length).toBeGreaterThanOrEqual(3400);
    let used = 0;
    const write = (n: number) => {
      const rows: MeasurementRow[] = series.slice(used, used + n).map((s) => ({ ...s, value: 1 }));
      used += n;
      expect(rows).toHaveLength(n);
      return f.store.recordMeasurements(rows, 'tester');
    };
    const db = createDatabase({ database: f.database });
    const known = async () =>
      (
        await sql<{
          n: number;
        }>`select reltuples::float8 as n from pg_class where oid = to_regclass('measurements')`.execute(db)
      ).rows[0]!.n;
    try {
      expect(await known()).toBe(-1);
      await write(1000);
      expect(await known()).toBe(1000);
      // Below 1,000 rows: never.
      await write(400);
      expect(await known()).toBe(1000);
      // 1,000 more on 1,400: more than a tenth.
      await write(1000);
      expect(await known()).toBe(2400);
      // A large table (20,000 more figures of one target, written directly), analyzed.
      const target = plain[0]!;
      await sql`insert into measurements (target_id, plan_id, year, member, revision, value, state, entered_by, entered_at)
        select ${target.id}, ${target.planId}, 2000, 'bulk-' || i, 1, 1, 'reported', 'tester', '2024-01-01T00:00:00Z'
        from generate_series(1, 20000) as i`.execute(db);
      await sql`analyze measurements`.execute(db);
      expect(await known()).toBe(22_400);
      // 1,000 on some 22,000: a twenty-second, left to autovacuum.
      await write(1000);
      expect(await known()).toBe(22_400);
    } finally {
      await db.destroy();
    }
  });
});
