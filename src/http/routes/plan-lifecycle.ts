/**
 * A plan's lifecycle over HTTP: publish (发布) a draft, withdraw (撤回) a published plan,
 * restore (恢复, admins) a withdrawn one, delete a draft outright, and its revision history.
 * Every move names the plan revision it was made from (409 when stale) and answers the plan.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Store } from '../../db/store';
import { actorOf, allow } from '../auth';
import { jsonBody } from '../body';
import { idParam, reply } from '../route-helpers';
import { Plan, RevisionBody, RevisionQuery } from '../schemas';
import { validate } from '../validate';
import { PLAN_TRANSITIONS, type PlanTransition } from '../../shared/index.js';
import { PlanRevisionReply } from '../review-schemas';

export function planLifecycleRoutes({ store }: { store: Store }): Router {
  const router = Router();

  for (const transition of Object.keys(PLAN_TRANSITIONS) as PlanTransition[]) {
    router.post(
      `/api/plans/:id/${transition}`,
      allow(PLAN_TRANSITIONS[transition].action),
      ...jsonBody(),
      async (req, res) => {
        const id = idParam(req);
        const { revision } = validate(RevisionBody, req.body);
        reply(res, Plan, await store.changePlanState(id, transition, revision, actorOf(res)));
      },
    );
  }

  router.delete('/api/plans/:id', allow('deletePlan'), async (req, res) => {
    const id = idParam(req);
    const { revision } = validate(RevisionQuery, req.query);
    await store.deletePlan(id, revision, actorOf(res));
    res.status(204).end();
  });

  router.get('/api/plans/:id/history', async (req, res) => {
    reply(res, z.array(PlanRevisionReply), await store.planHistory(idParam(req)));
  });

  return router;
}
