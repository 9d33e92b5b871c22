/**
 * Plans, their tasks and responsible units, and the members per-member targets range over.
 * Importing stores a whole extracted plan in one transaction; the same source hash twice
 * gives the existing plan back, also when two imports race (the unique key decides).
 */
import type { Kysely, Transaction } from 'kysely';
import type { ExtractedPlan, ExtractedTask } from '../../extractors/types';
import { DomainError } from '../errors';
import type { QualitativeStatus } from '../progress/types';
import { isUniqueViolation, notFound, now, toPlanRecord } from './rows';
import type { Database } from './schema';
import type {
  Actor,
  ImportPlanInput,
  JurisdictionMember,
  PlanPatch,
  PlanRecord,
  Store,
  TaskRecord,
} from './store';
import { validateMembers, validatePlanPatch } from './validate-plan';

type PlanStore = Pick<
  Store,
  | 'importPlan'
  | 'listPlans'
  | 'getPlan'
  | 'findPlan'
  | 'updatePlan'
  | 'listTasks'
  | 'setTaskStatus'
  | 'listUnits'
  | 'listMembers'
  | 'setMembers'
>;

/** Start year: the plan's own year, else three years before its first deadline, else this year. */
export function defaultPeriod(extracted: ExtractedPlan, year: number | null | undefined, thisYear: number) {
  const deadlines = extracted.tasks
    .flatMap((t) => t.targets.map((g) => g.deadline))
    .filter((d) => d !== null);
  const startYear = year ?? (deadlines.length > 0 ? Math.min(...deadlines) - 3 : thisYear);
  const latest = deadlines.length > 0 ? Math.max(...deadlines) : null;
  const horizonYear = latest !== null && latest > startYear ? latest : startYear + 3;
  return { startYear, horizonYear };
}

export function createPlanStore(db: Kysely<Database>): PlanStore {
  const getPlan = async (id: number): Promise<PlanRecord> => {
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

    getPlan,

    async findPlan(idOrSourceName) {
      const asId = typeof idOrSourceName === 'number' ? idOrSourceName : Number(idOrSourceName);
      if (Number.isInteger(asId) && asId > 0) {
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

    async updatePlan(id, patch: PlanPatch, actor) {
      const current = await getPlan(id);
      validatePlanPatch(current, patch);
      await db
        .updateTable('plans')
        .set({
          ...(patch.title !== undefined && { title: patch.title.trim() }),
          ...(patch.issuer !== undefined && { issuer: patch.issuer }),
          ...(patch.startYear !== undefined && { start_year: patch.startYear }),
          ...(patch.horizonYear !== undefined && { horizon_year: patch.horizonYear }),
          updated_by: actor,
          updated_at: now(),
        })
        .where('id', '=', id)
        .execute();
      return getPlan(id);
    },

    async listTasks(planId) {
      await getPlan(planId);
      return readTasks(db, planId);
    },

    async setTaskStatus(taskId, status: QualitativeStatus, actor) {
      if (!['not_started', 'in_progress', 'done'].includes(status)) {
        throw new DomainError('unprocessable', undefined, [
          { path: ['status'], message: `未知的任务状态 ${String(status)} / unknown task status` },
        ]);
      }
      const task = await db
        .selectFrom('tasks')
        .select(['id', 'plan_id'])
        .where('id', '=', taskId)
        .executeTakeFirst();
      if (!task) throw notFound('任务', taskId);
      await db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('task_status_revisions')
          .select((eb) => eb.fn.max('revision').as('revision'))
          .where('task_id', '=', taskId)
          .executeTakeFirst();
        const revision = Number(last?.revision ?? 0) + 1;
        await trx
          .insertInto('task_status_revisions')
          .values({ task_id: taskId, revision, status, set_by: actor, set_at: now() })
          .execute();
      });
      const tasks = await readTasks(db, task.plan_id, taskId);
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

    async listMembers(planId) {
      await getPlan(planId);
      const rows = await db
        .selectFrom('plan_members')
        .select(['name', 'kind'])
        .where('plan_id', '=', planId)
        .orderBy('position')
        .execute();
      return rows.map((r) => ({ name: r.name, kind: r.kind as JurisdictionMember['kind'] }));
    },

    async setMembers(planId, members, actor) {
      await getPlan(planId);
      validateMembers(members);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('plan_members').where('plan_id', '=', planId).execute();
        await insertMembers(trx, planId, members);
        await trx
          .updateTable('plans')
          .set({ updated_by: actor, updated_at: now() })
          .where('id', '=', planId)
          .execute();
      });
      return members.map((m) => ({ name: m.name.trim(), kind: m.kind }));
    },
  };
}

async function insertPlan(trx: Transaction<Database>, input: ImportPlanInput, actor: Actor): Promise<number> {
  const at = now();
  const { startYear, horizonYear } = defaultPeriod(input.extracted, input.year, new Date().getFullYear());
  const plan = await trx
    .insertInto('plans')
    .values({
      title: input.title,
      issuer: input.issuer ?? null,
      year: input.year ?? null,
      source_name: input.sourceName,
      source_hash: input.sourceHash,
      start_year: startYear,
      horizon_year: horizonYear,
      jurisdiction: input.jurisdiction?.name ?? null,
      created_by: actor,
      created_at: at,
      updated_by: null,
      updated_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.jurisdiction) await insertMembers(trx, plan.id, input.jurisdiction.members);
  for (const [position, task] of input.extracted.tasks.entries()) {
    await insertTask(trx, plan.id, position, task, actor, at);
  }
  return plan.id;
}

async function insertTask(
  trx: Transaction<Database>,
  planId: number,
  position: number,
  task: ExtractedTask,
  actor: Actor,
  at: string,
) {
  const { id: taskId } = await trx
    .insertInto('tasks')
    .values({
      plan_id: planId,
      position,
      seq: task.seq,
      text: task.text,
      time_limit: task.timeLimit ?? null,
      qualitative: task.qualitative ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const roles = task.unitRoles?.length
    ? task.unitRoles
    : task.units.map((name, i) => ({ name, role: i === 0 ? ('lead' as const) : ('support' as const) }));
  for (const [i, unit] of roles.entries()) {
    const unitId = await unitIdFor(trx, unit.name);
    await trx
      .insertInto('task_units')
      .values({ task_id: taskId, position: i, unit_id: unitId, role: unit.role })
      .execute();
  }
  for (const g of task.targets) {
    const { id: targetId } = await trx
      .insertInto('targets')
      .values({ task_id: taskId, plan_id: planId, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('target_revisions')
      .values({
        target_id: targetId,
        revision: 1,
        quote: g.quote,
        subject: g.subject,
        value: g.value,
        max_value: g.max,
        unit: g.unit,
        op: g.op,
        deadline: g.deadline,
        per: g.per,
        each_scope: g.each,
        base: g.base,
        span_start: g.start ?? null,
        span_end: g.end ?? null,
        origin: 'extracted',
        confirmed: 0,
        confirmed_by: null,
        deleted: 0,
        updated_by: actor,
        updated_at: at,
      })
      .execute();
  }
}

/** One row per distinct unit name; insert-or-ignore keeps concurrent imports from clashing. */
async function unitIdFor(trx: Transaction<Database>, name: string): Promise<number> {
  await trx
    .insertInto('units')
    .values({ name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await trx.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

async function insertMembers(trx: Transaction<Database>, planId: number, members: JurisdictionMember[]) {
  for (const [position, m] of members.entries()) {
    await trx
      .insertInto('plan_members')
      .values({ plan_id: planId, position, name: m.name.trim(), kind: m.kind })
      .execute();
  }
}

async function readTasks(db: Kysely<Database>, planId: number, onlyTaskId?: number): Promise<TaskRecord[]> {
  let tasksQuery = db.selectFrom('tasks').selectAll().where('plan_id', '=', planId);
  if (onlyTaskId !== undefined) tasksQuery = tasksQuery.where('id', '=', onlyTaskId);
  const tasks = await tasksQuery.orderBy('position').execute();
  const units = await db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select(['task_units.task_id', 'task_units.role', 'units.name'])
    .where('tasks.plan_id', '=', planId)
    .orderBy('task_units.task_id')
    .orderBy('task_units.position')
    .execute();
  const statuses = await db
    .selectFrom('task_status_revisions as s')
    .innerJoin('tasks', 'tasks.id', 's.task_id')
    .select(['s.task_id', 's.status'])
    .where('tasks.plan_id', '=', planId)
    .where('s.revision', '=', (eb) =>
      eb
        .selectFrom('task_status_revisions as s2')
        .select((eb2) => eb2.fn.max('s2.revision').as('m'))
        .whereRef('s2.task_id', '=', 's.task_id'),
    )
    .execute();
  const statusOf = new Map(statuses.map((s) => [s.task_id, s.status as QualitativeStatus]));
  return tasks.map((t) => ({
    id: t.id,
    planId: t.plan_id,
    seq: t.seq,
    text: t.text,
    position: t.position,
    timeLimit: t.time_limit,
    qualitative: Boolean(t.qualitative),
    qualitativeStatus: statusOf.get(t.id) ?? null,
    units: units
      .filter((u) => u.task_id === t.id)
      .map((u) => ({ name: u.name, role: u.role as 'lead' | 'support' })),
  }));
}
