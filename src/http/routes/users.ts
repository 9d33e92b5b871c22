/**
 * User administration (admin only): list, create, edit (role, display name, units, members,
 * plans), disable (sessions and tokens end at once), reset a password (to be changed at next
 * sign-in), and list or revoke anyone's named tokens.
 */
import { Router } from 'express';
import { generatePassword } from '../../db/password-hash';
import type { Store } from '../../db/store';
import { DomainError } from '../../errors';
import { actorOf, allow, currentAuth } from '../auth';
import { jsonBody } from '../body';
import { reply } from '../route-helpers';
import {
  PasswordResetBody,
  PasswordResetResponse,
  TokenInfo,
  TokenParams,
  User,
  UserCreateBody,
  UserParams,
  UserPatchBody,
} from '../schemas';
import { validate } from '../validate';

export function userRoutes({ store }: { store: Store }): Router {
  const router = Router();
  const admin = allow('manageUsers');
  const userId = (params: unknown) => validate(UserParams, params).id;

  router.get('/api/users', admin, async (_req, res) => {
    reply(res, User.array(), await store.listUsers());
  });

  router.post('/api/users', admin, ...jsonBody(), async (req, res) => {
    const user = await store.createUser(validate(UserCreateBody, req.body), actorOf(res));
    reply(res, User, user, 201);
  });

  router.patch('/api/users/:id', admin, ...jsonBody(), async (req, res) => {
    const id = userId(req.params);
    const patch = validate(UserPatchBody, req.body);
    // An admin cannot lock themselves out: someone else has to take their rights away.
    if (id === currentAuth(res).user.id && (patch.disabled || (patch.role && patch.role !== 'admin')))
      throw new DomainError(
        'unprocessable',
        '不能停用自己或取消自己的管理员角色 / you cannot disable or demote yourself',
        [{ path: [patch.disabled ? 'disabled' : 'role'], message: '不能对自己这样做 / not on yourself' }],
      );
    reply(res, User, await store.updateUser(id, patch, actorOf(res)));
  });

  router.post('/api/users/:id/password', admin, ...jsonBody('10kb'), async (req, res) => {
    const id = userId(req.params);
    const password = validate(PasswordResetBody, req.body).password ?? generatePassword();
    const user = await store.setPassword(id, password, { mustChange: true, actor: actorOf(res) });
    reply(res, PasswordResetResponse, { user, password });
  });

  router.get('/api/users/:id/tokens', admin, async (req, res) => {
    reply(res, TokenInfo.array(), await store.listTokens(userId(req.params)));
  });

  router.delete('/api/users/:id/tokens/:name', admin, async (req, res) => {
    const id = userId(req.params);
    await store.revokeToken(id, validate(TokenParams, req.params).name, actorOf(res));
    res.status(204).end();
  });

  return router;
}
