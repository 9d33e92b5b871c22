/**
 * Plans, their tasks and responsible units, and the members per-member targets range over.
 * Importing stores a whole extracted plan in one transaction; the same source hash twice
 * gives the existing plan back, also when two imports race (the unique key decides).
 */
import type { Kysely } from 'kysely';
import { DomainError } from '../errors';
import { readTasks } from './read-tasks';
import {
  checkId,
  isStorableId,
  isUniqueViolation,
  notFound,
  now,
  parseJson,
  planOfTask,
  planState,
  toPlanRecord,
} from './rows';
import { revisePlan } from './revise-plan';
import type { Db } from './measurement-series';
import type { Database } from './schema';
import type { Actor, ImportPlanInput, JurisdictionMember, Page, PlanPatch, PlanRecord, Store } from './store';
import { validateMembers, validatePlanPatch, validatePlanSize } from './validate-plan';
import { insertPlan } from './insert-plan';
import { actorName, writeAudit } from './audit-store';
import {
  PLAN_STATES,
  QUALITATIVE_STATUSES,
  type PlanState,
  type QualitativeStatus,
} from '../shared/index.js';

export { defaultPeriod } from './insert-plan';

type PlanStore = Pick<
  Store,
  | 'importPlan'
  | 'listPlans'
  | 'pagePlans'
  | 'getPlan'
  | 'findPlan'
  | 'updatePlan'
  | 'planHistory'
  | 'listTasks'
  | 'setTaskStatus'
  | 'listUnits'
  | 'pageUnits'
  | 'listMembers'
  | 'setMembers'
>;

/** The plan, task, unit and member part of the Store over a Kysely database. */
export function createPlanStore(db: Kysely<Database>): PlanStore {
  const getPlan = async (id: number): Promise<PlanRecord> => {
    checkId('方案', id);
    const row = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('方案', id);
    return toPlanRecord(row);
  };

  const findByHash = async (hash: string) =>
    db.selectFrom('plans').selectAll().where('source_hash', '=', hash).executeTakeFirst();

  return {
    async importPlan(input: ImportPlanInput, actor: Actor) {
      const existing = await findByHash(input.sourceHash);
      if (existing) return { plan: toPlanRecord(existing), created: false };
      validatePlanSize(input.extracted, input.title);
      if (input.jurisdiction) validateMembers(input.jurisdiction.members);
      try {
        const id = await db.transaction().execute((trx) => insertPlan(trx, input, actor));
        return { plan: await getPlan(id), created: true };
      } catch (e) {
        const raced = isUniqueViolation(e) ? await findByHash(input.sourceHash) : undefined;
        if (raced) return { plan: toPlanRecord(raced), created: false };
        throw e;
      }
    },

    async listPlans() {
      const rows = await db.selectFrom('plans').selectAll().orderBy('id').execute();
      return rows.map(toPlanRecord);
    },

    async pagePlans({ limit, after = 0, states }) {
      if (states?.length === 0) return { items: [], total: 0, nextCursor: null };
      const [rows, count] = await Promise.all([
        db
          .selectFrom('plans')
          .selectAll()
          .where('id', '>', after)
          .$if(states !== undefined, (q) => q.where('state', 'in', [...states!]))
          .orderBy('id')
          .limit(limit + 1)
          .execute(),
        db
          .selectFrom('plans')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .$if(states !== undefined, (q) => q.where('state', 'in', [...states!]))
          .executeTakeFirstOrThrow(),
      ]);
      return pageOf(rows.map(toPlanRecord), limit, Number(count.n));
    },

    getPlan,

    async findPlan(idOrSourceName) {
      const asId = typeof idOrSourceName === 'number' ? idOrSourceName : Number(idOrSourceName);
      if (isStorableId(asId)) {
        const row = await db.selectFrom('plans').selectAll().where('id', '=', asId).executeTakeFirst();
        if (row) return toPlanRecord(row);
      }
      const name = String(idOrSourceName);
      const row = await db
        .selectFrom('plans')
        .selectAll()
        .where('source_name', '=', name)
        .orderBy('id')
        .executeTakeFirst();
      return row ? toPlanRecord(row) : null;
    },

    async updatePlan(id, patch: PlanPatch, expectedRevision, actor) {
      validatePlanPatch(await getPlan(id), patch);
      const { members, ...fields } = patch;
      if (members) validateMembers(members);
      await db
        .transaction()
        .execute((trx) => revisePlan(trx, id, expectedRevision, { patch: fields, members }, actor));
      return getPlan(id);
    },

    async planHistory(id) {
      await getPlan(id);
      const rows = await db
        .selectFrom('plan_revisions')
        .selectAll()
        .where('plan_id', '=', id)
        .orderBy('revision')
        .execute();
      return rows.map((r) => ({
        planId: r.plan_id,
        revision: r.revision,
        title: r.title,
        issuer: r.issuer,
        startYear: r.start_year,
        horizonYear: r.horizon_year,
        documentNumber: r.document_number,
        jurisdiction: r.jurisdiction,
        members: parseJson<JurisdictionMember[]>(r.members),
        state: planState(r.state),
        changedBy: r.changed_by,
        changedAt: r.changed_at,
      }));
    },

    async listTasks(planId) {
      await getPlan(planId);
      return readTasks(db, planId);
    },

    async setTaskStatus(taskId, status: QualitativeStatus, actor) {
      if (!QUALITATIVE_STATUSES.includes(status)) {
        throw new DomainError('unprocessable', undefined, [
          { path: ['status'], message: `未知的任务状态 ${String(status)} / unknown task status` },
        ]);
      }
      checkId('任务', taskId);
      const planId = await planOfTask(db, taskId);
      await db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('task_status_revisions')
          .select((eb) => eb.fn.max('revision').as('revision'))
          .where('task_id', '=', taskId)
          .executeTakeFirst();
        const revision = Number(last?.revision ?? 0) + 1;
        const previous =
          revision === 1
            ? undefined
            : await trx
                .selectFrom('task_status_revisions')
                .select('status')
                .where('task_id', '=', taskId)
                .where('revision', '=', revision - 1)
                .executeTakeFirst();
        await trx
          .insertInto('task_status_revisions')
          .values({ task_id: taskId, revision, status, set_by: actorName(actor), set_at: now() })
          .execute();
        const task = await trx.selectFrom('tasks').select('seq').where('id', '=', taskId).executeTakeFirst();
        await writeAudit(trx, actor, {
          action: 'task.status',
          planId,
          taskId,
          subject: task?.seq == null ? null : `任务 ${task.seq}`,
          ...(previous && { before: { status: previous.status } }),
          after: { status },
        });
      });
      const tasks = await readTasks(db, planId, taskId);
      return tasks[0]!;
    },

    async listUnits() {
      const rows = await db
        .selectFrom('units')
        .leftJoin('task_units', 'task_units.unit_id', 'units.id')
        .select((eb) => [
          'units.id',
          'units.name',
          eb.fn.count<string>('task_units.task_id').distinct().as('task_count'),
        ])
        .groupBy(['units.id', 'units.name'])
        .orderBy('units.id')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, taskCount: Number(r.task_count) }));
    },

    async pageUnits({ limit, after = 0, states }) {
      if (states?.length === 0) return { items: [], total: 0, nextCursor: null };
      // A unit is listed when a task of a plan the caller may see names it: the units of a
      // draft stay with the draft. What the caller may not see (drafts, withdrawn plans) is
      // the small part, so it is read from those plans (plans → tasks → task_units) and
      // subtracted; the page's own counts come from task_units(unit_id). Neither reads every
      // task of every plan.
      const hiddenStates = PLAN_STATES.filter((s) => !(states ?? PLAN_STATES).includes(s));
      const hidden = new Map<number, number>();
      if (hiddenStates.length > 0) {
        const rows = await hiddenUnitTasks(db, hiddenStates).execute();
        for (const r of rows) hidden.set(r.unit_id, Number(r.n));
      }
      const totals = hidden.size === 0 ? [] : await unitTaskCounts(db, [...hidden.keys()]).execute();
      const hiddenOnly = totals.filter((t) => Number(t.n) === hidden.get(t.unit_id)).map((t) => t.unit_id);
      const [units, count] = await Promise.all([
        db
          .selectFrom('units')
          .select(['id', 'name'])
          .where('id', '>', after)
          .$if(hiddenOnly.length > 0, (q) => q.where('id', 'not in', hiddenOnly))
          .orderBy('id')
          .limit(limit + 1)
          .execute(),
        db
          .selectFrom('units')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const ids = units.slice(0, limit).map((u) => u.id);
      const counts = ids.length === 0 ? [] : await unitTaskCounts(db, ids).execute();
      const byUnit = new Map(counts.map((c) => [c.unit_id, Number(c.n) - (hidden.get(c.unit_id) ?? 0)]));
      const items = units.map((u) => ({ id: u.id, name: u.name, taskCount: byUnit.get(u.id) ?? 0 }));
      return pageOf(items, limit, Number(count.n) - hiddenOnly.length);
    },

    async listMembers(planId) {
      await getPlan(planId);
      return planMembers(db, planId);
    },

    async setMembers(planId, members, expectedRevision, actor) {
      await getPlan(planId);
      validateMembers(members);
      await db.transaction().execute((trx) => revisePlan(trx, planId, expectedRevision, { members }, actor));
      return members.map((m) => ({ name: m.name.trim(), kind: m.kind }));
    },
  };
}

/** A plan's jurisdiction members in stored order (also read inside measurement writes). */
export async function planMembers(db: Db, planId: number): Promise<JurisdictionMember[]> {
  const rows = await db
    .selectFrom('plan_members')
    .select(['name', 'kind'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ name: r.name, kind: r.kind as JurisdictionMember['kind'] }));
}

/** The members of several plans at once, in stored order (a bulk upload's plans). */
export async function membersOfPlans(db: Db, planIds: number[]): Promise<Map<number, JurisdictionMember[]>> {
  const byPlan = new Map<number, JurisdictionMember[]>(planIds.map((id) => [id, []]));
  if (planIds.length === 0) return byPlan;
  const rows = await db
    .selectFrom('plan_members')
    .select(['plan_id', 'name', 'kind'])
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('position')
    .execute();
  for (const r of rows)
    byPlan.get(r.plan_id)!.push({ name: r.name, kind: r.kind as JurisdictionMember['kind'] });
  return byPlan;
}

/** A page from `limit + 1` rows read: the extra row only says whether another page follows. */
function pageOf<T extends { id: number }>(rows: T[], limit: number, total: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, total, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** How many tasks name each of the given units, read through task_units(unit_id). */
export function unitTaskCounts(db: Db, unitIds: number[]) {
  return db
    .selectFrom('task_units')
    .select((eb) => ['unit_id', eb.fn.count<string>('task_id').distinct().as('n')])
    .where('unit_id', 'in', unitIds)
    .groupBy('unit_id');
}

/** Per unit, how many tasks of plans in `states` name it: read from those plans outwards. */
export function hiddenUnitTasks(db: Db, states: readonly PlanState[]) {
  return db
    .selectFrom('plans')
    .innerJoin('tasks', 'tasks.plan_id', 'plans.id')
    .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
    .select((eb) => ['task_units.unit_id', eb.fn.count<string>('task_units.task_id').distinct().as('n')])
    .where('plans.state', 'in', [...states])
    .groupBy('task_units.unit_id');
}
