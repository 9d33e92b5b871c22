/**
 * Targets: read one with its full history; correct, confirm or delete it. Every write names
 * the revision the evaluator read, so two people editing at once cannot overwrite each other:
 * a stale revision answers 409.
 */
import { Router } from 'express';
import type { Store } from '../../db/store';
import { actorOf, allow } from '../auth';
import { idParam, reply } from '../route-helpers';
import { RevisionBody, RevisionQuery, Target, TargetPatchBody, TargetWithHistory } from '../schemas';
import { jsonBody } from '../body';
import { validate } from '../validate';
import { TARGET_FIELD_LABELS } from '../../shared/index.js';

export function targetRoutes({ store }: { store: Store }): Router {
  const router = Router();

  router.get('/api/targets/:id', async (req, res) => {
    const id = idParam(req);
    const [target, history] = await Promise.all([store.getTarget(id), store.targetHistory(id)]);
    reply(res, TargetWithHistory, { target, history });
  });

  router.patch('/api/targets/:id', allow('editTargets'), ...jsonBody(), async (req, res) => {
    const id = idParam(req);
    const { revision, ...patch } = validate(TargetPatchBody, req.body, TARGET_FIELD_LABELS);
    reply(res, Target, await store.updateTarget(id, patch, revision, actorOf(res)));
  });

  router.post('/api/targets/:id/confirm', allow('editTargets'), ...jsonBody(), async (req, res) => {
    const id = idParam(req);
    const { revision } = validate(RevisionBody, req.body);
    reply(res, Target, await store.confirmTarget(id, revision, actorOf(res)));
  });

  router.delete('/api/targets/:id', allow('editTargets'), async (req, res) => {
    const id = idParam(req);
    const { revision } = validate(RevisionQuery, req.query);
    reply(res, Target, await store.deleteTarget(id, revision, actorOf(res)));
  });

  return router;
}
