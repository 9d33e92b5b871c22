/**
 * Versions for the caches in src/app, read without counting anything. A plan's
 * `data_version` is raised by the database's own triggers (migration 0010) with every figure,
 * target revision and task status revision it gains, in the writing transaction; its
 * `revision` with every edit, state change and member list. The set of plans changes with
 * their count, their newest id and the sum of their revisions.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { Store } from './store';

export function createPlanVersionStore(
  db: Kysely<Database>,
): Pick<Store, 'planDataVersions' | 'plansVersion'> {
  return {
    async planDataVersions(planIds) {
      const versions = new Map<number, number>();
      if (planIds.length === 0) return versions;
      const rows = await db
        .selectFrom('plans')
        .select(['id', 'data_version'])
        .where('id', 'in', planIds)
        .execute();
      for (const r of rows) versions.set(r.id, r.data_version);
      return versions;
    },

    // Plans, their tasks' units and the units themselves are written with a plan or deleted
    // with it, and every state change or edit raises the plan's revision: the count, the
    // newest id and the sum of revisions move with each of those.
    async plansVersion() {
      const row = await db
        .selectFrom('plans')
        .select((eb) => [
          eb.fn.countAll<string>().as('n'),
          eb.fn.max('id').as('newest'),
          eb.fn.sum<string>('revision').as('revisions'),
        ])
        .executeTakeFirstOrThrow();
      return `${Number(row.n)}|${row.newest ?? 0}|${Number(row.revisions ?? 0)}`;
    },
  };
}
