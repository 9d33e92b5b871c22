/**
 * Targets as revisions: `targets` holds identity (task, plan), `target_revisions` every
 * version of the fields. A correction, a confirmation or a deletion inserts revision n+1
 * after checking the caller saw revision n; the unique (target, revision) key turns a
 * concurrent writer's late insert into `stale_revision` instead of a lost update.
 */
import type { Kysely } from 'kysely';
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
    build: (current: TargetRecord) => Partial<TargetRecord> & { origin?: TargetRecord['origin'] },
    actor: Actor,
  ): Promise<TargetRecord> => {
    checkId('目标', id);
    try {
      await db.transaction().execute(async (trx) => {
        const row = await targetRows(trx, true).where('r.target_id', '=', id).executeTakeFirst();
        if (!row || row.deleted) throw notFound('目标', id);
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
            updated_by: actor,
            updated_at: now(),
          })
          .execute();
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw staleRevision(expected + 1, expected);
      throw e;
    }
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
      const id = await db.transaction().execute(async (trx) => {
        const planId = await planOfTask(trx, taskId);
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
            updated_by: actor,
            updated_at: at,
          })
          .execute();
        return target.id;
      });
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
      return revise(id, expectedRevision, () => ({ confirmed: true, confirmedBy: actor }), actor);
    },

    deleteTarget(id, expectedRevision, actor) {
      return revise(id, expectedRevision, () => ({ deleted: true }), actor);
    },
  };
}

/** Only the editable fields of a patch, so a caller cannot smuggle in `origin` or `revision`. */
function pickFields(patch: Partial<StoredTargetFields>): Partial<StoredTargetFields> {
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
