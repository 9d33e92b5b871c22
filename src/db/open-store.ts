/**
 * Opens the configured database, brings it to the latest schema and returns the Store:
 * what `dabiao serve`, `import` and `demo` call on start.
 */
import type { Config } from '../config';
import { createDatabase, dialectOf } from './database';
import { createStore } from './create-store';
import { migrateToLatest } from './migrations';
import type { Store } from './store';

/** Opens and migrates the configured database (SQLite file or postgres:// URL). */
export async function openStore(
  config: Pick<Config, 'database'> & Partial<Pick<Config, 'passwordCost'>>,
): Promise<Store> {
  const db = createDatabase(config);
  try {
    await migrateToLatest(db, dialectOf(config));
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return createStore(db, { passwordCost: config.passwordCost });
}
