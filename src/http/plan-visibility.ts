/**
 * The one guard between a role and the plans it may not see: drafts (草稿) are hidden from
 * statisticians and leaders, withdrawn plans (已撤回) from everyone but admins (src/shared
 * `maySeePlan`). A request that names such a plan — by its id, or by one of its tasks or
 * targets, in the path, the `plans` query or a body's `targetId` — is answered 404 exactly
 * as if the plan did not exist, so its existence does not leak. Mounted once in front of
 * every route; list routes ask the store for the visible states only (`visiblePlanStates`).
 */
import type { RequestHandler, Response } from 'express';
import type { Store } from '../db/store';
import { DomainError } from '../errors';
import { maySeePlan } from '../shared/index.js';
import { currentAuth } from './auth';

type PlanRef = { planId: number } | { taskId: number } | { targetId: number };

/** Paths that name a plan, a task or a target by id. */
const NAMED_IN_PATH: [RegExp, (id: number) => PlanRef][] = [
  [/^\/api\/plans\/(\d{1,10})(?:\/|$)/, (planId) => ({ planId })],
  [/^\/api\/tasks\/(\d{1,10})(?:\/|$)/, (taskId) => ({ taskId })],
  [/^\/api\/targets\/(\d{1,10})(?:\/|$)/, (targetId) => ({ targetId })],
];

/** Every plan, task or target a request names in its path or its `plans` query. */
function refsOf(path: string, query: Record<string, unknown>): PlanRef[] {
  const refs: PlanRef[] = [];
  for (const [pattern, ref] of NAMED_IN_PATH) {
    const m = pattern.exec(path);
    if (m) refs.push(ref(Number(m[1])));
  }
  if (path === '/api/charts/compare.png' && typeof query.plans === 'string')
    for (const id of query.plans.split(',').slice(0, 20))
      if (/^\d{1,10}$/.test(id.trim())) refs.push({ planId: Number(id) });
  return refs;
}

/** Throws not_found when the signed-in user may not see the plan a ref belongs to. */
export async function assertPlanVisible(store: Store, res: Response, ref: PlanRef): Promise<void> {
  const found = await store.planStateOf(ref);
  if (found && !maySeePlan(currentAuth(res).user.role, found.state)) {
    const [what, id] =
      'planId' in ref
        ? ['方案', ref.planId]
        : 'taskId' in ref
          ? ['任务', ref.taskId]
          : ['目标', ref.targetId];
    throw new DomainError('not_found', `找不到${what} ${id} / ${what} ${id} not found`, [
      { path: ['id'], message: `找不到${what} ${id} / not found` },
    ]);
  }
}

/** The guard itself, for every /api request after sign-in. */
export function hideUnseenPlans(store: Store): RequestHandler {
  return async (req, res, next) => {
    for (const ref of refsOf(req.path, req.query as Record<string, unknown>))
      await assertPlanVisible(store, res, ref);
    next();
  };
}
