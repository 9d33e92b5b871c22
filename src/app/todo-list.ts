/**
 * The to-do list (待办) of a signed-in user. A statistician sees, for the figures it may write
 * (figure-access.ts): the ones returned to it with the reason (退回), the ones due and not
 * yet entered (催报: each target's figure for this year, or for its deadline or the plan's
 * last year when that came first), and the ones it sent that wait for verification. An
 * evaluator or admin sees the figures waiting for verification in its plans. Leaders have none.
 */
import { figureRefusal, planRefusal } from './figure-access';
import { membersForScope } from '../db/members-for-scope';
import type { MeasurementRecord, PlanRecord, Store, TargetRecord, TaskRecord, UserRecord } from '../db/store';
import { may } from '../shared/index.js';

export interface TodoItem {
  planId: number;
  planTitle: string;
  targetId: number;
  taskId: number;
  taskSeq: number | null;
  subject: string;
  quote: string;
  /** The task's lead unit. */
  unit: string | null;
  year: number;
  member: string | null;
  /** The current revision, its value and who handled it; null for a figure not yet entered. */
  revision: number | null;
  value: number | null;
  enteredBy: string | null;
  enteredAt: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
  reason: string | null;
}

export interface TodoList {
  returned: TodoItem[];
  due: TodoItem[];
  awaiting: TodoItem[];
  /** `total`: what waits on this user — returned and due for a statistician, awaiting for a checker. */
  counts: { returned: number; due: number; awaiting: number; total: number };
}

/** Items each list holds at most (the counts stay whole). */
export const TODO_LIST_MAX = 500;

/** The year a target's figure is asked for: this year, or the target's or plan's end when that came first. */
export function dueYear(plan: PlanRecord, target: TargetRecord, thisYear: number): number | null {
  const year = Math.min(thisYear, plan.horizonYear, target.deadline ?? plan.horizonYear);
  return year >= plan.startYear ? year : null;
}

function item(
  plan: PlanRecord,
  task: TaskRecord | undefined,
  target: TargetRecord,
  year: number,
  member: string | null,
  m?: MeasurementRecord,
): TodoItem {
  return {
    planId: plan.id,
    planTitle: plan.title,
    targetId: target.id,
    taskId: target.taskId,
    taskSeq: task?.seq ?? null,
    subject: target.subject,
    quote: target.quote,
    unit: task?.units.find((u) => u.role === 'lead')?.name ?? task?.units[0]?.name ?? null,
    year,
    member,
    revision: m?.revision ?? null,
    value: m?.value ?? null,
    enteredBy: m?.enteredBy ?? null,
    enteredAt: m?.enteredAt ?? null,
    verifiedBy: m?.verifiedBy ?? null,
    verifiedAt: m?.verifiedAt ?? null,
    reason: m?.reason ?? null,
  };
}

/** The to-do lists of `user` across the plans it may act in. */
export async function loadTodoList(
  store: Store,
  user: UserRecord,
  thisYear = new Date().getFullYear(),
): Promise<TodoList> {
  const lists: Pick<TodoList, 'returned' | 'due' | 'awaiting'> = { returned: [], due: [], awaiting: [] };
  const writes = may(user.role, 'recordMeasurements') && user.role === 'statistician';
  const verifies = may(user.role, 'verifyMeasurements');
  if (!writes && !verifies) return withCounts(lists, false);
  const plans = (await store.listPlans()).filter((p) => planRefusal(user, p.id) === null);
  for (const plan of plans) {
    const [tasks, targets, current, members] = await Promise.all([
      store.listTasks(plan.id),
      store.listTargets(plan.id),
      store.listMeasurements({ planId: plan.id }),
      store.listMembers(plan.id),
    ]);
    const taskOf = new Map(tasks.map((t) => [t.id, t]));
    const targetOf = new Map(targets.map((t) => [t.id, t]));
    const mayWrite = (target: TargetRecord, member: string | null) =>
      figureRefusal(user, {
        planId: plan.id,
        taskUnits: taskOf.get(target.taskId)?.units.map((u) => u.name) ?? [],
        member,
      }) === null;
    const seen = new Set<string>();
    for (const m of current) {
      const target = targetOf.get(m.targetId);
      if (!target) continue;
      seen.add(`${m.targetId}|${m.year}|${m.member ?? ''}`);
      const entry = () => item(plan, taskOf.get(target.taskId), target, m.year, m.member, m);
      if (writes && mayWrite(target, m.member)) {
        if (m.state === 'returned') lists.returned.push(entry());
        else if (m.state === 'reported') lists.awaiting.push(entry());
      } else if (verifies && m.state === 'reported') lists.awaiting.push(entry());
    }
    if (!writes) continue;
    for (const target of targets) {
      const year = dueYear(plan, target, thisYear);
      if (year === null) continue;
      const perMember = target.each === null ? [] : membersForScope(target.each, members).map((x) => x.name);
      for (const member of perMember.length > 0 ? perMember : [null]) {
        if (seen.has(`${target.id}|${year}|${member ?? ''}`) || !mayWrite(target, member)) continue;
        lists.due.push(item(plan, taskOf.get(target.taskId), target, year, member));
      }
    }
  }
  return withCounts(lists, writes);
}

function withCounts(lists: Pick<TodoList, 'returned' | 'due' | 'awaiting'>, writes: boolean): TodoList {
  const counts = {
    returned: lists.returned.length,
    due: lists.due.length,
    awaiting: lists.awaiting.length,
    total: writes ? lists.returned.length + lists.due.length : lists.awaiting.length,
  };
  return {
    returned: lists.returned.slice(0, TODO_LIST_MAX),
    due: lists.due.slice(0, TODO_LIST_MAX),
    awaiting: lists.awaiting.slice(0, TODO_LIST_MAX),
    counts,
  };
}
