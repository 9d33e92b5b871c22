/**
 * An evaluator's review of extracted targets beyond one-at-a-time edits: confirm many in one
 * request, undo a deletion, split one target in two, merge two into one. Each is one
 * transaction of target revisions (history kept, nothing overwritten); any stale revision
 * rolls the whole request back. The `write…` functions take the transaction so that a
 * caller can log the same change in it.
 */
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../errors';
import { actorName } from './audit-store';
import { checkId, notFound } from './rows';
import type { Database } from './schema';
import type { Actor, RevisionRef, Store } from './store';
import { inTransaction, insertTarget, pickFields, targetRows, writeTargetRevision } from './target-store';
import { countReviewStates, reviewStateOf, type TargetOrigin } from '../shared/index.js';
import { validateTargetFields } from './validate-target';

type ReviewStore = Pick<
  Store,
  'restoreTarget' | 'confirmTargets' | 'splitTarget' | 'mergeTargets' | 'reviewCounts'
>;

/** Confirms every listed target inside `trx`; they must all belong to one plan. */
export async function writeConfirmations(
  trx: Transaction<Database>,
  refs: RevisionRef[],
  actor: Actor,
): Promise<number[]> {
  const ids = refs.map((r) => r.id);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) {
    throw new DomainError('unprocessable', undefined, [
      { path: ['targets', twice, 'id'], message: `目标 ${ids[twice]} 重复 / target listed twice` },
    ]);
  }
  const plans = await trx.selectFrom('targets').select(['id', 'plan_id']).where('id', 'in', ids).execute();
  const missing = refs.findIndex((r) => !plans.some((p) => p.id === r.id));
  if (missing >= 0) throw notFound('目标', refs[missing]!.id);
  if (new Set(plans.map((p) => p.plan_id)).size > 1) {
    throw new DomainError(
      'unprocessable',
      '一次只能确认同一方案的目标 / confirm targets of one plan at a time',
      [{ path: ['targets'], message: '目标属于不同方案 / targets of several plans' }],
    );
  }
  for (const ref of refs)
    await writeTargetRevision(
      trx,
      ref.id,
      ref.revision,
      () => ({ confirmed: true, confirmedBy: actorName(actor) }),
      actor,
    );
  return ids;
}

/** Two targets of the same task, or an issue saying they are not. */
async function sameTask(trx: Transaction<Database>, a: number, b: number): Promise<void> {
  const rows = await trx.selectFrom('targets').select(['id', 'task_id']).where('id', 'in', [a, b]).execute();
  for (const id of [a, b]) if (!rows.some((r) => r.id === id)) throw notFound('目标', id);
  if (a === b || rows[0]!.task_id !== rows[1]!.task_id) {
    throw new DomainError(
      'unprocessable',
      '只能合并同一任务中的两个不同目标 / merge two targets of one task',
      [{ path: ['drop', 'id'], message: '不是同一任务的另一个目标 / not another target of the same task' }],
    );
  }
}

/** The review part of the Store over a Kysely database. */
export function createTargetReviewStore(db: Kysely<Database>, getTarget: Store['getTarget']): ReviewStore {
  return {
    async restoreTarget(id, expectedRevision, actor) {
      checkId('目标', id);
      await inTransaction(db, expectedRevision, (trx) =>
        writeTargetRevision(trx, id, expectedRevision, () => ({ deleted: false }), actor, {
          deletedOnly: true,
        }),
      );
      return getTarget(id);
    },

    async confirmTargets(refs, actor) {
      if (refs.length === 0) return [];
      for (const r of refs) checkId('目标', r.id);
      const ids = await inTransaction(db, refs[0]!.revision, (trx) => writeConfirmations(trx, refs, actor));
      return Promise.all(ids.map((id) => getTarget(id)));
    },

    async splitTarget(id, expectedRevision, [first, second], actor) {
      checkId('目标', id);
      validateTargetFields(second);
      const created = await inTransaction(db, expectedRevision, async (trx) => {
        const kept = await writeTargetRevision(
          trx,
          id,
          expectedRevision,
          (cur) => ({
            ...pickFields(first),
            origin: cur.origin === 'manual' ? 'manual' : 'edited',
            confirmed: false,
            confirmedBy: null,
          }),
          actor,
        );
        return insertTarget(trx, kept.taskId, second, actor);
      });
      return [await getTarget(id), await getTarget(created)];
    },

    async reviewCounts(planIds) {
      const counts = new Map(planIds.map((id) => [id, countReviewStates([])]));
      if (planIds.length === 0) return counts;
      const rows = await targetRows(db, true)
        .where('t.plan_id', 'in', planIds)
        .where('r.deleted', '=', 0)
        .clearSelect()
        .select((eb) => ['t.plan_id', 'r.origin', 'r.confirmed', eb.fn.countAll<string>().as('n')])
        .groupBy(['t.plan_id', 'r.origin', 'r.confirmed'])
        .execute();
      for (const r of rows) {
        const state = reviewStateOf({ origin: r.origin as TargetOrigin, confirmed: Boolean(r.confirmed) });
        counts.get(r.plan_id)![state] += Number(r.n);
      }
      return counts;
    },

    async mergeTargets(keep, drop, fields, actor) {
      checkId('目标', keep.id);
      checkId('目标', drop.id);
      await inTransaction(db, keep.revision, async (trx) => {
        await sameTask(trx, keep.id, drop.id);
        await writeTargetRevision(
          trx,
          keep.id,
          keep.revision,
          (cur) => ({
            ...pickFields(fields),
            origin: cur.origin === 'manual' ? 'manual' : 'edited',
            confirmed: false,
            confirmedBy: null,
          }),
          actor,
        );
        await writeTargetRevision(trx, drop.id, drop.revision, () => ({ deleted: true }), actor);
      });
      return getTarget(keep.id);
    },
  };
}
