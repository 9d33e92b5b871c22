/**
 * Reviewing extracted targets quickly: confirm many in one request, undo a deletion, split
 * one target in two or merge two, and propose a target from words selected in a task's text
 * (the extractor reads the selection; the evaluator only corrects). Every write names the
 * revisions it was made from; a stale one answers 409 and nothing is written.
 */
import { Router } from 'express';
import type { Store } from '../../db/store';
import { proposeTaskTarget } from '../../app/propose-task-target';
import { actorOf, allow } from '../auth';
import { jsonBody } from '../body';
import { assertPlanVisible } from '../plan-visibility';
import { idParam, reply } from '../route-helpers';
import {
  ConfirmTargetsBody,
  MergeTargetsBody,
  SelectionBody,
  SplitTargetBody,
  TargetListReply,
  TargetPair,
  TargetProposal,
} from '../review-schemas';
import { RevisionBody, Target } from '../schemas';
import { validate } from '../validate';
import { TARGET_FIELD_LABELS } from '../../shared/index.js';

export function targetReviewRoutes({ store }: { store: Store }): Router {
  const router = Router();

  router.post('/api/targets/confirm', allow('editTargets'), ...jsonBody(), async (req, res) => {
    const { targets } = validate(ConfirmTargetsBody, req.body);
    // The store refuses targets of several plans, so the first names the plan of them all.
    await assertPlanVisible(store, res, { targetId: targets[0]!.id });
    reply(res, TargetListReply, await store.confirmTargets(targets, actorOf(res)));
  });

  router.post('/api/targets/:id/restore', allow('editTargets'), ...jsonBody(), async (req, res) => {
    const { revision } = validate(RevisionBody, req.body);
    reply(res, Target, await store.restoreTarget(idParam(req), revision, actorOf(res)));
  });

  router.post('/api/targets/:id/split', allow('editTargets'), ...jsonBody(), async (req, res) => {
    const { revision, parts } = validate(SplitTargetBody, req.body, TARGET_FIELD_LABELS);
    const pair = await store.splitTarget(idParam(req), revision, parts, actorOf(res));
    reply(res, TargetPair, pair, 201);
  });

  router.post('/api/targets/:id/merge', allow('editTargets'), ...jsonBody(), async (req, res) => {
    const body = validate(MergeTargetsBody, req.body, TARGET_FIELD_LABELS);
    const keep = { id: idParam(req), revision: body.revision };
    reply(res, Target, await store.mergeTargets(keep, body.with, body.fields, actorOf(res)));
  });

  router.post('/api/tasks/:id/proposal', allow('editTargets'), ...jsonBody(), async (req, res) => {
    const id = idParam(req);
    const { start, end } = validate(SelectionBody, req.body);
    reply(res, TargetProposal, await proposeTaskTarget(store, id, start, end));
  });

  return router;
}
