/**
 * `dabiao seed-bench --plans N` on every dialect: N plans beside the demo's two, each stating
 * its own targets, with ten years of figures per target and member, corrections kept as
 * revisions, and figures 已核实 and 退回 — all readable through the store as any plan is.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/db/open-store';
import { loadPlanProgress } from '../src/app/load-plan-progress';
import { runCli } from './support/run-cli';
import { dialects } from './support/store-dialects';
import { testConfig } from './support/test-config';

describe.each(dialects.map((d) => [d.name, d] as const))('seed-bench on %s', (_name, dialect) => {
  it('builds varied plans with figures, revisions and states through the write path', async () => {
    const db = await dialect.create();
    try {
      const run = await runCli(['seed-bench', '--plans', '3', '--db', db.database]);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/已造 3 份方案/);
      const store = await openStore(testConfig({ database: db.database }));
      try {
        const plans = (await store.pagePlans({ limit: 10 })).items;
        expect(plans).toHaveLength(5);
        const copies = plans.filter((p) => p.title.includes('规模测试'));
        // Copies of the same seed plan state different targets.
        const values = async (id: number) => (await store.listTargets(id)).map((t) => t.value).join(',');
        expect(await values(copies[0]!.id)).not.toBe(await values(copies[2]!.id));
        const figures = await store.listMeasurements({ planId: copies[0]!.id });
        const years = new Set(figures.map((m) => m.year));
        expect(years.size).toBe(10);
        expect(new Set(figures.map((m) => m.state))).toEqual(new Set(['reported', 'verified', 'returned']));
        expect(figures.some((m) => m.revision > 1)).toBe(true);
        const returned = figures.find((m) => m.state === 'returned')!;
        expect(returned.reason).toMatch(/核对/);
        // Members' figures for per-member targets.
        expect(figures.some((m) => m.member !== null)).toBe(true);
        const view = await loadPlanProgress(store, copies[0]!.id, { asOfYear: copies[0]!.startYear + 2 });
        expect(view.targets.filter((t) => t.progress.status !== 'unreported').length).toBeGreaterThan(0);
        if (dialect.name === 'postgres') {
          // A bulk load leaves the planner knowing the tables' sizes, autovacuum or not.
          const client = new pg.Client({ connectionString: db.database });
          await client.connect();
          const { rows } = await client.query(
            `select relname from pg_stat_user_tables where relname in ('targets', 'target_revisions', 'measurements', 'tasks') and last_analyze is not null`,
          );
          await client.end();
          expect(rows.map((r) => r.relname).sort()).toEqual([
            'measurements',
            'target_revisions',
            'targets',
            'tasks',
          ]);
        }
      } finally {
        await store.close();
      }
    } finally {
      await db.dispose();
    }
  });
});
