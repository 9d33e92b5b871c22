/**
 * A user's scopes (units, members, plans) read and written beside the users row. Unit names
 * pass through `unitName` like every other unit at the store boundary, so `各县(市)政府` on
 * an account matches `各县（市）政府` on a task.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, UsersTable } from './schema';
import type { UserRole } from '../shared/index.js';
import type { UserRecord, UserScopes } from './store';
import { unitName } from './unit-name';

type Db = Kysely<Database> | Transaction<Database>;

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/** The scopes as stored: units in stored form, members trimmed, no repeats. */
export function normalScopes(s: Partial<UserScopes>): UserScopes {
  return {
    units: uniq((s.units ?? []).map(unitName).filter((u) => u !== '')),
    members: uniq((s.members ?? []).map((m) => m.trim()).filter((m) => m !== '')),
    plans: uniq(s.plans ?? []),
  };
}

/** Replaces the given kinds of scope of one user (kinds left out stay as they are). */
export async function writeScopes(db: Db, userId: number, scopes: Partial<UserScopes>): Promise<void> {
  const normal = normalScopes(scopes);
  const kinds = { units: 'unit', members: 'member', plans: 'plan' } as const;
  for (const key of Object.keys(kinds) as (keyof typeof kinds)[]) {
    if (scopes[key] === undefined) continue;
    await db.deleteFrom('user_scopes').where('user_id', '=', userId).where('kind', '=', kinds[key]).execute();
    const values = normal[key].map(String);
    if (values.length > 0)
      await db
        .insertInto('user_scopes')
        .values(values.map((value) => ({ user_id: userId, kind: kinds[key], value })))
        .execute();
  }
}

/** Users rows as UserRecords, with their scopes in one more query. */
export async function withScopes(db: Db, rows: Selectable<UsersTable>[]): Promise<UserRecord[]> {
  if (rows.length === 0) return [];
  const scopeRows = await db
    .selectFrom('user_scopes')
    .selectAll()
    .where(
      'user_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('value')
    .execute();
  return rows.map((row) => {
    const mine = scopeRows.filter((s) => s.user_id === row.id);
    const of = (kind: string) => mine.filter((s) => s.kind === kind).map((s) => s.value);
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role as UserRole,
      passwordHash: row.password_hash,
      units: of('unit'),
      members: of('member'),
      plans: of('plan')
        .map(Number)
        .sort((a, b) => a - b),
      disabled: Boolean(row.disabled),
      mustChangePassword: Boolean(row.must_change_password),
    };
  });
}
