/** User administration (admin only): create the statisticians, evaluators and leaders. */
import { Router } from 'express';
import type { Store } from '../../db/store';
import { allow } from '../auth';
import { reply } from '../route-helpers';
import { User, UserCreateBody } from '../schemas';
import { jsonBody } from '../body';
import { validate } from '../validate';

export function userRoutes({ store }: { store: Store }): Router {
  const router = Router();
  router.post('/api/users', allow('manageUsers'), ...jsonBody(), async (req, res) => {
    const user = await store.createUser(validate(UserCreateBody, req.body));
    reply(res, User, user, 201);
  });
  return router;
}
