/**
 * A plan's tasks with their responsible units (lead first, document order) and the latest
 * evaluator-set status of each, assembled from three queries rather than one per task.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { TaskRecord, TaskUnitRecord } from './store';
import type { QualitativeStatus } from '../shared/index.js';

/** A plan's tasks in document order (or just one of them) with units and latest status. */
export async function readTasks(
  db: Kysely<Database>,
  planId: number,
  onlyTaskId?: number,
): Promise<TaskRecord[]> {
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
      .map((u) => ({ name: u.name, role: u.role as TaskUnitRecord['role'] })),
  }));
}
