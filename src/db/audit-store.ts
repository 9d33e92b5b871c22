/**
 * The audit log (操作日志): `writeAudit(trx, actor, entry)` is the one line a write path adds
 * inside its own transaction, so an entry exists exactly when its change does. Entries are
 * never updated or deleted (the table's triggers refuse it); reading pages them newest first.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { DomainError } from '../errors';
import { checkId, notFound, now } from './rows';
import type { AuditLogTable, Database } from './schema';
import type { Actor, AuditFilter, AuditInput, AuditRecord, Store } from './store';

export type { AuditInput } from './store';
import { AUDIT_ACTIONS, type AuditAction } from '../shared/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The username kept in history for an actor. */
export function actorName(actor: Actor): string {
  return typeof actor === 'string' ? actor : actor.name;
}

function auditRow(actor: Actor, entry: AuditInput, at: string) {
  return {
    at,
    actor: actorName(actor),
    address: typeof actor === 'string' ? null : (actor.address ?? null),
    action: entry.action,
    plan_id: entry.planId ?? null,
    task_id: entry.taskId ?? null,
    target_id: entry.targetId ?? null,
    subject: entry.subject ?? null,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
}

/** Appends one entry inside the caller's transaction. */
export async function writeAudit(trx: Db, actor: Actor, entry: AuditInput): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values(auditRow(actor, entry, now()))
    .execute();
}

/** Rows per INSERT: eleven columns each, well below both dialects' bound-parameter limits. */
const CHUNK = 400;

/** Appends many entries at once (a bulk upload's figures), one statement per chunk. */
export async function writeAudits(trx: Db, actor: Actor, entries: AuditInput[]): Promise<void> {
  const at = now();
  for (let i = 0; i < entries.length; i += CHUNK)
    await trx
      .insertInto('audit_log')
      .values(entries.slice(i, i + CHUNK).map((e) => auditRow(actor, e, at)))
      .execute();
}

export function toAuditRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    address: row.address,
    action: row.action as AuditAction,
    planId: row.plan_id,
    taskId: row.task_id,
    targetId: row.target_id,
    subject: row.subject,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
  };
}

/** One entry by id; not_found when there is none. */
export async function readAuditEntry(db: Db, id: number): Promise<AuditRecord> {
  checkId('日志', id);
  const row = await db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('日志', id);
  return toAuditRecord(row);
}

/** `to` as an exclusive upper bound: a bare date covers that whole day (UTC). */
function endOf(to: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) return to;
  const next = new Date(`${to}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

function filtered(db: Db, filter: AuditFilter) {
  if (filter.action !== undefined && !AUDIT_ACTIONS.includes(filter.action))
    throw new DomainError('validation_failed', undefined, [
      { path: ['action'], message: `action：未知的操作 ${String(filter.action)} / unknown action` },
    ]);
  let q = db.selectFrom('audit_log');
  if (filter.planId !== undefined) q = q.where('plan_id', '=', filter.planId);
  if (filter.targetId !== undefined) q = q.where('target_id', '=', filter.targetId);
  if (filter.user !== undefined) q = q.where('actor', '=', filter.user);
  if (filter.action !== undefined) q = q.where('action', '=', filter.action);
  if (filter.from !== undefined) q = q.where('at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('at', '<', endOf(filter.to));
  return q;
}

type AuditStore = Pick<Store, 'pageAudit' | 'getAuditEntry' | 'recordAudit'>;

/** Reading the log, and the entries that change nothing else (a refused sign-in). */
export function createAuditStore(db: Kysely<Database>): AuditStore {
  return {
    async pageAudit(filter, { limit, after }) {
      let rows = filtered(db, filter).selectAll();
      // Newest first: `after` is the last id of the page before, the next page is older.
      if (after !== undefined) rows = rows.where('id', '<', after);
      const [found, count] = await Promise.all([
        rows
          .orderBy('id', 'desc')
          .limit(limit + 1)
          .execute(),
        filtered(db, filter)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const items = found.slice(0, limit).map(toAuditRecord);
      return {
        items,
        total: Number(count.n),
        nextCursor: found.length > limit ? items[items.length - 1]!.id : null,
      };
    },

    getAuditEntry: (id) => readAuditEntry(db, id),

    async recordAudit(actor, entry) {
      await writeAudit(db, actor, entry);
    },
  };
}
