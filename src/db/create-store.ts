/**
 * The Store over a Kysely database, assembled from one repository per capability. The
 * same code serves SQLite and PostgreSQL; `openStore` is the usual entry point.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_PASSWORD_COST } from '../config';
import { dialectOfDb, refreshStatistics } from './database';
import { pendingMigrations } from './migrations';
import { createAuditStore } from './audit-store';
import { createLoginFailureStore } from './login-failure-store';
import { createReportCacheStore } from './report-cache-store';
import { createPlanVersionStore } from './plan-data-versions';
import { createMeasurementStore } from './measurement-store';
import { createFigureSourceStore } from './figure-source-store';
import { createPlanStore } from './plan-store';
import type { Database } from './schema';
import type { Store } from './store';
import { createTargetStore } from './target-store';
import { createPlanLifecycleStore } from './plan-lifecycle-store';
import { createTargetReviewStore } from './target-review-store';
import { createSessionStore } from './session-store';
import { createUserStore } from './user-store';

export interface StoreOptions {
  /** scrypt's cost for new password hashes (log2 N); config's `passwordCost`. */
  passwordCost?: number;
}

/** A Store over an already migrated database; `close()` destroys the connection. */
export function createStore(
  db: Kysely<Database>,
  { passwordCost = DEFAULT_PASSWORD_COST }: StoreOptions = {},
): Store {
  const targets = createTargetStore(db);
  return {
    ...createPlanStore(db),
    ...createPlanLifecycleStore(db),
    ...targets,
    ...createTargetReviewStore(db, targets.getTarget),
    ...createMeasurementStore(db),
    ...createFigureSourceStore(db),
    ...createPlanVersionStore(db),
    ...createUserStore(db, passwordCost),
    ...createLoginFailureStore(db),
    ...createReportCacheStore(db),
    ...createAuditStore(db),
    async readiness() {
      const dialect = dialectOfDb(db);
      try {
        return { database: true, pendingMigrations: await pendingMigrations(db, dialect) };
      } catch {
        return { database: false, pendingMigrations: [] };
      }
    },
    refreshStatistics: () => refreshStatistics(db),
    ...createSessionStore(db),
    close: () => db.destroy(),
  };
}
