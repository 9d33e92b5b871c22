/**
 * Failed sign-ins counted in the database, so every instance behind a load balancer sees the
 * same counts and a restart forgets nothing. A key is a client address or a typed user name
 * (known or not, so the answer never tells which names exist); the delay policy is the
 * caller's (src/http/login-throttle.ts), this only keeps the counts and the time a key may
 * try again. Counts are forgotten a day after a key's last failure.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { Store } from './store';

const FORGET_MS = 24 * 60 * 60 * 1000;

type LoginFailureStore = Pick<Store, 'loginRetryAt' | 'recordLoginFailure' | 'clearLoginFailures'>;

export function createLoginFailureStore(db: Kysely<Database>): LoginFailureStore {
  return {
    async loginRetryAt(keys, at = new Date()) {
      if (keys.length === 0) return null;
      const row = await db
        .selectFrom('login_failures')
        .select((eb) => eb.fn.max('blocked_until').as('until'))
        .where('key', 'in', keys)
        .where('blocked_until', '>', at.toISOString())
        .executeTakeFirst();
      return row?.until ? new Date(row.until) : null;
    },

    async recordLoginFailure(key, delayAfter, at = new Date()) {
      const stamp = at.toISOString();
      const forgotten = new Date(at.getTime() - FORGET_MS).toISOString();
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('login_failures').where('last_failure_at', '<', forgotten).execute();
        const row = await trx
          .insertInto('login_failures')
          .values({ key, failures: 1, last_failure_at: stamp, blocked_until: stamp })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet((eb) => ({
              failures: eb('login_failures.failures', '+', 1),
              last_failure_at: stamp,
            })),
          )
          .returning('failures')
          .executeTakeFirstOrThrow();
        const until = new Date(at.getTime() + delayAfter(row.failures));
        await trx
          .updateTable('login_failures')
          .set({ blocked_until: until.toISOString() })
          .where('key', '=', key)
          .execute();
        return { failures: row.failures, retryAt: until };
      });
    },

    async clearLoginFailures(key) {
      await db.deleteFrom('login_failures').where('key', '=', key).execute();
    },
  };
}
