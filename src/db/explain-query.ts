/**
 * How the database would run a query, in its own words: SQLite's `explain query plan` lines
 * or PostgreSQL's `explain` lines. On PostgreSQL sequential scans are priced out first, so a
 * small test database shows the index a filter *can* use (on a large one the planner picks
 * it by itself); a table still read by `Seq Scan` then has no index for that filter.
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { dialectOfDb } from './database';

export async function explainQuery(db: Kysely<any>, query: Compilable): Promise<string[]> {
  const compiled = query.compile();
  return db.connection().execute(async (conn) => {
    if (dialectOfDb(db) === 'sqlite') {
      const { rows } = await conn.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      return rows.map((r) => r.detail);
    }
    await conn.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
    try {
      const { rows } = await conn.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
      );
      return rows.map((r) => r['QUERY PLAN']);
    } finally {
      await conn.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
    }
  });
}

/** The lines of a plan that read a whole table: `SCAN x` without an index, or `Seq Scan on x`. */
export function fullScans(plan: string[]): string[] {
  return plan.filter((line) => /^\s*SCAN \w+$/.test(line) || /Seq Scan on/.test(line));
}
