/**
 * A plan's life: publish (草稿 → 已发布), withdraw (已发布 → 已撤回: hidden, kept whole),
 * restore (已撤回 → 已发布), and deleting a draft outright. Each move is a plan revision
 * (revise-plan.ts), so it is refused on a stale revision and kept in the plan's history.
 * Withdrawing and restoring touch only the state: tasks, targets and every figure stay.
 * The writes take a transaction (`writePlanState`, `removeDraft`) so that a caller can log
 * them in the same one.
 */
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../errors';
import { checkId, isStorableId, notFound, planState, staleRevision } from './rows';
import { writeAudit } from './audit-store';
import { revisePlan } from './revise-plan';
import type { Database } from './schema';
import type { Actor, PlanRecord, Store } from './store';
import { PLAN_STATE_LABELS, PLAN_TRANSITIONS, type PlanTransition } from '../shared/index.js';

type LifecycleStore = Pick<Store, 'changePlanState' | 'deletePlan' | 'planStateOf'>;

/** Moves a plan along one transition inside `trx`; conflict when the plan is not in a state it starts from. */
export async function writePlanState(
  trx: Transaction<Database>,
  id: number,
  transition: PlanTransition,
  expectedRevision: number,
  actor: Actor,
): Promise<PlanRecord> {
  const move = PLAN_TRANSITIONS[transition];
  const row = await trx
    .selectFrom('plans')
    .select(['state', 'revision'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('方案', id);
  if (row.revision !== expectedRevision) throw staleRevision(row.revision, expectedRevision);
  const state = planState(row.state);
  if (!move.from.includes(state)) {
    const from = move.from.map((s) => PLAN_STATE_LABELS[s]).join('、');
    throw new DomainError(
      'conflict',
      `方案当前为“${PLAN_STATE_LABELS[state]}”，只有“${from}”的方案可以${move.label} / a ${state} plan cannot be ${transition}ed`,
      [{ path: ['state'], message: `当前状态：${PLAN_STATE_LABELS[state]} / current state: ${state}` }],
    );
  }
  return revisePlan(trx, id, expectedRevision, { state: move.to }, actor);
}

/** Deletes a draft and everything under it inside `trx`; refused for other states and for drafts holding figures. */
export async function removeDraft(
  trx: Transaction<Database>,
  id: number,
  expectedRevision: number,
  actor: Actor,
): Promise<void> {
  const row = await trx
    .selectFrom('plans')
    .select(['state', 'revision', 'title'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('方案', id);
  if (row.revision !== expectedRevision) throw staleRevision(row.revision, expectedRevision);
  const state = planState(row.state);
  if (state !== 'draft') {
    throw new DomainError(
      'conflict',
      `只能删除草稿；该方案为“${PLAN_STATE_LABELS[state]}”，请改用撤回 / only a draft can be deleted; withdraw a ${state} plan instead`,
      [{ path: ['state'], message: `当前状态：${PLAN_STATE_LABELS[state]} / current state: ${state}` }],
    );
  }
  const figures = await trx
    .selectFrom('measurements')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('plan_id', '=', id)
    .executeTakeFirstOrThrow();
  if (Number(figures.n) > 0) {
    throw new DomainError(
      'unprocessable',
      `该草稿已有 ${figures.n} 条填报数据，删除会丢失数据，请改用撤回 / the draft holds ${figures.n} figures: withdraw it instead`,
      [{ path: ['id'], message: `已有 ${figures.n} 条数据 / holds ${figures.n} figures` }],
    );
  }
  // Tasks, targets, members and revisions go with the plan (foreign keys cascade); units
  // no other plan names go too, so the units list does not keep names of a deleted draft.
  await trx.deleteFrom('plans').where('id', '=', id).execute();
  await writeAudit(trx, actor, { action: 'plan.delete', planId: id, subject: row.title });
  await trx
    .deleteFrom('units')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('task_units').select('task_id').whereRef('task_units.unit_id', '=', 'units.id'))),
    )
    .execute();
}

/** The lifecycle part of the Store over a Kysely database. */
export function createPlanLifecycleStore(db: Kysely<Database>): LifecycleStore {
  return {
    async changePlanState(id, transition, expectedRevision, actor) {
      checkId('方案', id);
      return db.transaction().execute((trx) => writePlanState(trx, id, transition, expectedRevision, actor));
    },

    async deletePlan(id, expectedRevision, actor) {
      checkId('方案', id);
      await db.transaction().execute((trx) => removeDraft(trx, id, expectedRevision, actor));
    },

    async planStateOf(ref) {
      const [id, base] =
        'planId' in ref
          ? [
              ref.planId,
              db
                .selectFrom('plans')
                .select(['plans.id as planId', 'plans.state'])
                .where('plans.id', '=', ref.planId),
            ]
          : 'taskId' in ref
            ? [
                ref.taskId,
                db
                  .selectFrom('tasks')
                  .innerJoin('plans', 'plans.id', 'tasks.plan_id')
                  .select(['plans.id as planId', 'plans.state'])
                  .where('tasks.id', '=', ref.taskId),
              ]
            : [
                ref.targetId,
                db
                  .selectFrom('targets')
                  .innerJoin('plans', 'plans.id', 'targets.plan_id')
                  .select(['plans.id as planId', 'plans.state'])
                  .where('targets.id', '=', ref.targetId),
              ];
      if (!isStorableId(id)) return null;
      const row = await base.executeTakeFirst();
      return row ? { planId: row.planId, state: planState(row.state) } : null;
    },
  };
}
