/**
 * Sign in and out. Login answers with the CSRF token (for cookie sessions) and the session
 * token itself (for scripts using `Authorization: Bearer`); the browser keeps the session in
 * an HttpOnly cookie that page scripts cannot read.
 */
import { Router } from 'express';
import type { Config } from '../../config';
import type { Store } from '../../db/store';
import { DomainError } from '../../errors';
import { clearedSessionCookie, clientAddress, currentAuth, requireAuth, sessionCookie } from '../auth';
import { requireCsrf } from '../csrf';
import { createLoginThrottle, LoginThrottled, type LoginThrottle } from '../login-throttle';
import { reply } from '../route-helpers';
import { LoginBody, SessionResponse } from '../schemas';
import { jsonBody } from '../body';
import { validate } from '../validate';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** The audit entry of a refused sign-in: wrong name or password, or held back by the throttle. */
function refused(username: string, reason: 'credentials' | 'throttled') {
  return { action: 'session.refused' as const, subject: username, after: { reason } };
}

export function sessionRoutes({
  config,
  store,
  throttle = createLoginThrottle(store),
}: {
  config: Config;
  store: Store;
  throttle?: LoginThrottle;
}): Router {
  const router = Router();

  router.post('/api/session', ...jsonBody('10kb'), async (req, res) => {
    const { username, password } = validate(LoginBody, req.body);
    const ip = clientAddress(req) ?? '';
    const attempt = { name: username, address: clientAddress(req) };
    try {
      await throttle.check(ip, username);
    } catch (e) {
      if (e instanceof LoginThrottled) {
        res.setHeader('Retry-After', String(e.retryAfterSeconds));
        await store.recordAudit(attempt, refused(username, 'throttled'));
      }
      throw e;
    }
    const user = await store.verifyPassword(username, password);
    if (!user) {
      await throttle.failed(ip, username);
      await store.recordAudit(attempt, refused(username, 'credentials'));
      // One message for unknown user and wrong password: do not reveal which usernames exist.
      throw new DomainError('unauthenticated', '用户名或密码错误 / wrong username or password', [
        { path: ['password'], message: '用户名或密码错误 / wrong username or password' },
      ]);
    }
    await throttle.succeeded(ip, username);
    const session = await store.createSession(user.id, SESSION_TTL_MS, {
      name: user.username,
      address: clientAddress(req),
    });
    res.setHeader('Set-Cookie', sessionCookie(session.token, SESSION_TTL_MS / 1000, config.secureCookies));
    reply(
      res,
      SessionResponse,
      { user, csrfToken: session.csrfToken, token: session.token, expiresAt: session.expiresAt },
      201,
    );
  });

  router.get('/api/session', requireAuth, (_req, res) => {
    const { user, csrfToken, expiresAt } = currentAuth(res);
    reply(res, SessionResponse, { user, csrfToken, expiresAt });
  });

  router.delete('/api/session', requireAuth, requireCsrf, async (_req, res) => {
    await store.deleteSession(currentAuth(res).token);
    res.setHeader('Set-Cookie', clearedSessionCookie(config.secureCookies));
    res.status(204).end();
  });

  return router;
}
