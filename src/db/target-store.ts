/**
 * Targets as revisions: `targets` holds identity (task, plan), `target_revisions` every
 * version of the fields. A correction, a confirmation or a deletion inserts revision n+1
 * after checking the caller saw revision n; the unique (target, revision) key turns a
 * concurrent writer's late insert into `stale_revision` instead of a lost update.
 */
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../errors';
import { actorName, readAuditEntry, writeAudit } from './audit-store';
import type { Database } from './schema';
import {
  checkExists,
  checkId,
  isUniqueViolation,
  notFound,
  now,
  planOfTask,
  staleRevision,
  targetColumns,
  toTargetRecord,
  type TargetRow,
} from './rows';
import type { Actor, Store, StoredTargetFields, TargetRecord } from './store';
import { validateTargetFields } from './validate-target';

type TargetStore = Pick<
  Store,
  | 'listTargets'
  | 'getTarget'
  | 'targetHistory'
  | 'addTarget'
  | 'updateTarget'
  | 'confirmTarget'
  | 'deleteTarget'
  | 'restoreTargetFromAudit'
>;

/** Revisions joined with their target's task and plan; `current` keeps only the latest. */
export function targetRows(db: Kysely<Database>, current: boolean) {
  let q = db
    .selectFrom('target_revisions as r')
    .innerJoin('targets as t', 't.id', 'r.target_id')
    .selectAll('r')
    .select(['t.task_id', 't.plan_id']);
  if (current) {
    q = q.where('r.revision', '=', (eb) =>
      eb
        .selectFrom('target_revisions as r2')
        .select((eb2) => eb2.fn.max('r2.revision').as('m'))
        .whereRef('r2.target_id', '=', 'r.target_id'),
    );
  }
  return q;
}

/** What the audit log calls a new revision, from what it changes. */
function revisionAction(current: TargetRecord, next: TargetRecord) {
  if (next.deleted) return 'target.delete' as const;
  if (current.deleted) return 'target.restore' as const;
  if (next.confirmed && !current.confirmed) return 'target.confirm' as const;
  return 'target.edit' as const;
}

/** A target as the audit log keeps it (the deletion flag is the entry's action). */
function auditView({ deleted: _deleted, ...target }: TargetRecord) {
  return target;
}

/** A person's target fields as columns, subject and unit trimmed. */
function revisionValues(f: StoredTargetFields) {
  return { ...targetColumns(f), subject: f.subject.trim(), unit: f.unit.trim() };
}

/** The target part of the Store over a Kysely database. */
export function createTargetStore(db: Kysely<Database>): TargetStore {
  const getTarget = async (id: number): Promise<TargetRecord> => {
    checkId('目标', id);
    const row = await targetRows(db, true).where('r.target_id', '=', id).executeTakeFirst();
    if (!row) throw notFound('目标', id);
    return toTargetRecord(row as TargetRow);
  };

  /** Inserts the next revision built from the current one, checked against `expected`. */
  const revise = async (
    id: number,
    expected: number,
    build: (current: TargetRecord) => Partial<TargetRecord>,
    actor: Actor,
  ): Promise<TargetRecord> => {
    checkId('目标', id);
    await inTransaction(db, expected, (trx) => writeTargetRevision(trx, id, expected, build, actor));
    return getTarget(id);
  };

  return {
    async listTargets(planId) {
      await checkExists(db, '方案', planId);
      const rows = await targetRows(db, true)
        .innerJoin('tasks as k', 'k.id', 't.task_id')
        .where('t.plan_id', '=', planId)
        .where('r.deleted', '=', 0)
        .orderBy('k.position')
        .orderBy('r.target_id')
        .execute();
      return rows.map((r) => toTargetRecord(r as TargetRow));
    },

    getTarget,

    async targetHistory(id) {
      checkId('目标', id);
      const rows = await targetRows(db, false).where('r.target_id', '=', id).orderBy('r.revision').execute();
      if (rows.length === 0) throw notFound('目标', id);
      return rows.map((r) => toTargetRecord(r as TargetRow));
    },

    async addTarget(taskId, fields, actor) {
      checkId('任务', taskId);
      validateTargetFields(fields);
      const id = await db.transaction().execute((trx) => insertTarget(trx, taskId, fields, actor));
      return getTarget(id);
    },

    updateTarget(id, patch, expectedRevision, actor) {
      // A person's correction needs a fresh confirmation; a hand-added target stays `manual`.
      return revise(
        id,
        expectedRevision,
        (cur) => ({
          ...pickFields(patch),
          origin: cur.origin === 'manual' ? 'manual' : 'edited',
          confirmed: false,
          confirmedBy: null,
        }),
        actor,
      );
    },

    confirmTarget(id, expectedRevision, actor) {
      return revise(id, expectedRevision, () => ({ confirmed: true, confirmedBy: actorName(actor) }), actor);
    },

    deleteTarget(id, expectedRevision, actor) {
      return revise(id, expectedRevision, () => ({ deleted: true }), actor);
    },

    async restoreTargetFromAudit(auditId, actor) {
      const entry = await readAuditEntry(db, auditId);
      const kept = entry.before as (StoredTargetFields & { revision: number }) | null;
      if (entry.action !== 'target.delete' || entry.targetId === null || !kept)
        throw new DomainError(
          'unprocessable',
          `日志 ${auditId} 不是删除目标的记录 / entry ${auditId} is no target deletion`,
          [{ path: ['id'], message: '只能从“删除目标”的记录恢复 / only a 删除目标 entry restores a target' }],
        );
      const targetId = entry.targetId;
      const current = await getTarget(targetId);
      // The fields as they were when it was deleted, confirmation included.
      const { origin, confirmed, confirmedBy } = entry.before as TargetRecord;
      await inTransaction(db, current.revision, (trx) =>
        writeTargetRevision(
          trx,
          targetId,
          current.revision,
          () => ({ ...pickFields(kept), origin, confirmed, confirmedBy, deleted: false }),
          actor,
          { deletedOnly: true },
        ),
      );
      return getTarget(targetId);
    },
  };
}

/**
 * Inserts revision n+1 of a target inside `trx`, built from revision n, which must be the one
 * the caller saw. A deleted target is not found, unless `deleted` is what is being undone.
 */
export async function writeTargetRevision(
  trx: Transaction<Database>,
  id: number,
  expected: number,
  build: (current: TargetRecord) => Partial<TargetRecord>,
  actor: Actor,
  options: { deletedOnly?: boolean } = {},
): Promise<TargetRecord> {
  const row = await targetRows(trx, true).where('r.target_id', '=', id).executeTakeFirst();
  if (!row || Boolean(row.deleted) !== Boolean(options.deletedOnly)) {
    if (row && options.deletedOnly) {
      throw new DomainError('conflict', `目标 ${id} 未被删除，无需恢复 / target ${id} is not deleted`, [
        { path: ['id'], message: `目标 ${id} 未被删除 / not deleted` },
      ]);
    }
    throw notFound('目标', id);
  }
  const current = toTargetRecord(row as TargetRow);
  if (current.revision !== expected) throw staleRevision(current.revision, expected);
  const next = { ...current, ...build(current) };
  validateTargetFields(next);
  await trx
    .insertInto('target_revisions')
    .values({
      target_id: id,
      revision: current.revision + 1,
      ...revisionValues(next),
      origin: next.origin,
      confirmed: next.confirmed ? 1 : 0,
      confirmed_by: next.confirmedBy,
      deleted: next.deleted ? 1 : 0,
      updated_by: actorName(actor),
      updated_at: now(),
    })
    .execute();
  const after = { ...next, revision: current.revision + 1, updatedBy: actorName(actor) };
  await writeAudit(trx, actor, {
    action: revisionAction(current, next),
    planId: current.planId,
    taskId: current.taskId,
    targetId: id,
    subject: next.subject,
    before: current.deleted ? undefined : auditView(current),
    after: next.deleted ? undefined : auditView(after),
  });
  return after;
}

/** Runs target writes in one transaction; a concurrent writer's revision (unique key) → stale_revision. */
export async function inTransaction<T>(
  db: Kysely<Database>,
  expected: number,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (e) {
    if (isUniqueViolation(e)) throw staleRevision(expected + 1, expected);
    throw e;
  }
}

/** A new target (origin manual, 人工添加) on a task, inside `trx`; returns its id. */
export async function insertTarget(
  trx: Transaction<Database>,
  taskId: number,
  fields: StoredTargetFields,
  actor: Actor,
): Promise<number> {
  const planId = await planOfTask(trx, taskId);
  if (fields.start !== null || fields.end !== null) await checkSpan(trx, taskId, fields);
  const at = now();
  const target = await trx
    .insertInto('targets')
    .values({ task_id: taskId, plan_id: planId, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('target_revisions')
    .values({
      target_id: target.id,
      revision: 1,
      ...revisionValues(fields),
      origin: 'manual',
      confirmed: 0,
      confirmed_by: null,
      deleted: 0,
      updated_by: actorName(actor),
      updated_at: at,
    })
    .execute();
  await writeAudit(trx, actor, {
    action: 'target.add',
    planId,
    taskId,
    targetId: target.id,
    subject: fields.subject,
    after: { ...revisionValues(fields), origin: 'manual' },
  });
  return target.id;
}

/** A span must lie in the task text and hold exactly the quote (words selected in the text). */
async function checkSpan(trx: Transaction<Database>, taskId: number, f: StoredTargetFields): Promise<void> {
  const task = await trx
    .selectFrom('tasks')
    .select('text')
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
  const { start, end } = f;
  const fits = start !== null && end !== null && start < end && end <= task.text.length;
  if (fits && task.text.slice(start, end) === f.quote) return;
  throw new DomainError('unprocessable', undefined, [
    {
      path: [fits ? 'quote' : 'end'],
      message: fits
        ? `quote：原文与任务文字第 ${start}–${end} 个字符不一致 / quote differs from the task text at ${start}–${end}`
        : `end：起止位置不在任务文字之内（共 ${task.text.length} 个字符） / span outside the task text (${task.text.length} characters)`,
    },
  ]);
}

/** Only the editable fields of a patch, so a caller cannot smuggle in `origin` or `revision`. */
export function pickFields(patch: Partial<StoredTargetFields>): Partial<StoredTargetFields> {
  const keys = [
    'quote',
    'subject',
    'value',
    'max',
    'unit',
    'op',
    'deadline',
    'per',
    'each',
    'base',
    'change',
    'baseYear',
    'start',
    'end',
  ] as const;
  return Object.fromEntries(keys.filter((k) => patch[k] !== undefined).map((k) => [k, patch[k]]));
}
