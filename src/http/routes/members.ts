/** A plan's jurisdiction members (the counties, cities and districts per-member targets range over). */
import { Router } from 'express';
import { z } from 'zod';
import type { Store } from '../../db/store';
import { actorOf, allow } from '../auth';
import { idParam, reply } from '../route-helpers';
import { Member, MembersBody } from '../schemas';
import { jsonBody } from '../body';
import { validate } from '../validate';
import { DomainError } from '../../errors';

export function memberRoutes({ store }: { store: Store }): Router {
  const router = Router();

  router.get('/api/plans/:id/members', async (req, res) => {
    const plan = await store.getPlan(idParam(req));
    reply(res, z.array(Member), await store.listMembers(plan.id));
  });

  router.put('/api/plans/:id/members', allow('editMembers'), ...jsonBody(), async (req, res) => {
    const id = idParam(req);
    const { members, revision } = validate(MembersBody, req.body);
    const names = members.map((m) => m.name);
    const twice = names.findIndex((n, i) => names.indexOf(n) !== i);
    if (twice >= 0) {
      throw new DomainError('unprocessable', undefined, [
        {
          path: ['members', twice, 'name'],
          message: `成员“${names[twice]}”重复 / duplicate member ${names[twice]}`,
        },
      ]);
    }
    reply(res, z.array(Member), await store.setMembers(id, members, revision, actorOf(res)));
  });

  return router;
}
