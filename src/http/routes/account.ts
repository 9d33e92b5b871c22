/**
 * The signed-in user's own account: change the password (the only thing a user whose
 * password was reset may do besides reading the session and signing out) and the named API
 * tokens for scripts — created (the secret shown once), listed, revoked.
 */
import { Router, type RequestHandler } from 'express';
import type { Store } from '../../db/store';
import { DomainError } from '../../errors';
import { actorOf, currentAuth } from '../auth';
import { jsonBody } from '../body';
import { reply } from '../route-helpers';
import { PasswordChangeBody, TokenBody, TokenCreated, TokenInfo, TokenParams, User } from '../schemas';
import { validate } from '../validate';

export function accountRoutes({ store }: { store: Store }): Router {
  const router = Router();

  router.put('/api/session/password', ...jsonBody('10kb'), async (req, res) => {
    const { currentPassword, password } = validate(PasswordChangeBody, req.body);
    const { user, token } = currentAuth(res);
    if (!(await store.verifyPassword(user.username, currentPassword)))
      throw new DomainError('validation_failed', '当前密码不正确 / the current password is wrong', [
        { path: ['currentPassword'], message: 'currentPassword：当前密码不正确 / wrong password' },
      ]);
    // Other sessions and tokens end: a changed password is often a suspected leak.
    reply(res, User, await store.setPassword(user.id, password, { keepToken: token, actor: actorOf(res) }));
  });

  router.get('/api/session/tokens', async (_req, res) => {
    reply(res, TokenInfo.array(), await store.listTokens(currentAuth(res).user.id));
  });

  router.post('/api/session/tokens', ...jsonBody('10kb'), async (req, res) => {
    const { name } = validate(TokenBody, req.body);
    const created = await store.createToken(currentAuth(res).user.id, name, undefined, actorOf(res));
    reply(res, TokenCreated, created, 201);
  });

  router.delete('/api/session/tokens/:name', async (req, res) => {
    const { name } = validate(TokenParams, req.params);
    await store.revokeToken(currentAuth(res).user.id, name, actorOf(res));
    res.status(204).end();
  });

  return router;
}

/** After a reset, everything past this point waits until the user has set a password of their own. */
export const requirePasswordChanged: RequestHandler = (_req, res, next) => {
  if (currentAuth(res).user.mustChangePassword) {
    throw new DomainError('password_change_required', undefined, [
      { path: ['password'], message: '请先修改密码 / change your password first' },
    ]);
  }
  next();
};
