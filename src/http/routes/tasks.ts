/** Tasks: an evaluator sets a qualitative task's status or adds a target the extractor missed. */
import { Router } from 'express';
import type { Store } from '../../db/store';
import { actorOf, allow } from '../auth';
import { idParam, reply } from '../route-helpers';
import { Target, TargetCreateBody, Task, TaskStatusBody } from '../schemas';
import { jsonBody } from '../body';
import { validate } from '../validate';
import { TARGET_FIELD_LABELS } from '../../shared/index.js';

export function taskRoutes({ store }: { store: Store }): Router {
  const router = Router();

  router.patch('/api/tasks/:id/status', allow('setTaskStatus'), ...jsonBody(), async (req, res) => {
    const id = idParam(req);
    const { status } = validate(TaskStatusBody, req.body);
    reply(res, Task, await store.setTaskStatus(id, status, actorOf(res)));
  });

  router.post('/api/tasks/:id/targets', allow('editTargets'), ...jsonBody(), async (req, res) => {
    const id = idParam(req);
    const fields = validate(TargetCreateBody, req.body, TARGET_FIELD_LABELS);
    const target = await store.addTarget(id, fields, actorOf(res));
    res.location(`/api/targets/${target.id}`);
    reply(res, Target, target, 201);
  });

  return router;
}
