/**
 * The Store over a Kysely database, assembled from one repository per capability. The
 * same code serves SQLite and PostgreSQL; `openStore` is the usual entry point.
 */
import type { Kysely } from 'kysely';
import { createMeasurementStore } from './measurement-store';
import { createPlanStore } from './plan-store';
import type { Database } from './schema';
import type { Store } from './store';
import { createTargetStore } from './target-store';
import { createSessionStore } from './session-store';
import { createUserStore } from './user-store';

/** A Store over an already migrated database; `close()` destroys the connection. */
export function createStore(db: Kysely<Database>): Store {
  return {
    ...createPlanStore(db),
    ...createTargetStore(db),
    ...createMeasurementStore(db),
    ...createUserStore(db),
    ...createSessionStore(db),
    close: () => db.destroy(),
  };
}
