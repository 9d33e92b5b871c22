/**
 * Finished reports kept in the database under their content key (an ETag over the plan, its
 * figures and the options), so a report drawn by one instance is served by every other and
 * survives a restart. The key changes with any revision, so an entry is never stale; the
 * oldest are dropped past a few hundred.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { Store } from './store';

const KEEP = 200;

export function createReportCacheStore(db: Kysely<Database>): Pick<Store, 'cachedReport' | 'cacheReport'> {
  return {
    async cachedReport(key) {
      const row = await db
        .selectFrom('report_cache')
        .select('body')
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? Buffer.from(row.body) : null;
    },
    async cacheReport(key, body) {
      await db
        .insertInto('report_cache')
        .values({ key, body, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const cutoff = await db
        .selectFrom('report_cache')
        .select('created_at')
        .orderBy('created_at', 'desc')
        .offset(KEEP)
        .limit(1)
        .executeTakeFirst();
      if (cutoff) await db.deleteFrom('report_cache').where('created_at', '<=', cutoff.created_at).execute();
    },
  };
}
