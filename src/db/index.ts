/** Storage: open a database, migrate it, and read and write plans through the Store. */
export { createDatabase, dialectOf, type Dialect } from './database';
export { createStore } from './create-store';
export { migrateToLatest } from './migrations';
export { isJurisdictionScope, membersForScope } from './members-for-scope';
export { openStore } from './open-store';
export type * from './store';
