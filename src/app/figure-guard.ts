/**
 * Applies the figure rules of figure-access.ts to a request: looks up the task
 * units of the targets written and refuses the whole request (403) when any figure is not
 * the account's to write, naming each one (a spreadsheet upload names its rows).
 */
import { figureRefusal, planRefusal } from './figure-access';
import type { Store, TargetRecord, UserRecord } from '../db/store';
import { DomainError, type ErrorIssue } from '../errors';

/** Task id → names of its responsible units, for one plan. */
async function unitsByTask(store: Store, planId: number): Promise<Map<number, string[]>> {
  const tasks = await store.listTasks(planId);
  return new Map(tasks.map((t) => [t.id, t.units.map((u) => u.name)]));
}

/** Throws 403 unless the user may write this target's figure (for this member). */
export async function guardFigure(
  store: Store,
  user: UserRecord,
  target: TargetRecord,
  member: string | null,
): Promise<void> {
  const outside = planRefusal(user, target.planId);
  if (outside) throw outside;
  if (user.role !== 'statistician') return;
  const units = await unitsByTask(store, target.planId);
  const refusal = figureRefusal(user, {
    planId: target.planId,
    taskUnits: units.get(target.taskId) ?? [],
    member,
  });
  if (refusal) throw refusal;
}

/** Throws 403 naming every row the user may not write (rows as `[targetId, member, line]`). */
export async function guardFigureRows(
  store: Store,
  user: UserRecord,
  planId: number,
  targets: TargetRecord[],
  rows: { targetId: number; member?: string | null; line: number }[],
): Promise<void> {
  const outside = planRefusal(user, planId);
  if (outside) throw outside;
  if (user.role !== 'statistician') return;
  const units = await unitsByTask(store, planId);
  const taskOf = new Map(targets.map((t) => [t.id, t.taskId]));
  const issues: ErrorIssue[] = [];
  let first: DomainError | null = null;
  for (const row of rows) {
    const refusal = figureRefusal(user, {
      planId,
      taskUnits: units.get(taskOf.get(row.targetId) ?? -1) ?? [],
      member: row.member ?? null,
    });
    if (!refusal) continue;
    first ??= refusal;
    issues.push({ path: ['rows', row.line, '目标编号'], message: `第 ${row.line} 行：${refusal.message}` });
  }
  if (first) throw new DomainError('forbidden', first.message, issues);
}
