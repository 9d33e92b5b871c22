/**
 * CSRF protection for cookie sessions: a state-changing request must echo the session's
 * CSRF token (returned at login) in `X-CSRF-Token`. A foreign page can make the browser send
 * the cookie but cannot read the token. Bearer-token requests need no check.
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { DomainError } from '../errors';
import type { Auth } from './auth';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const requireCsrf: RequestHandler = (req, res, next) => {
  const auth = res.locals.auth as Auth | undefined;
  if (!auth || auth.via !== 'cookie' || SAFE_METHODS.has(req.method)) return next();
  const sent = req.get('x-csrf-token');
  if (!sent || !sameToken(sent, auth.csrfToken)) {
    throw new DomainError('csrf_failed', undefined, [
      {
        path: ['X-CSRF-Token'],
        message: '缺少或错误的 X-CSRF-Token 请求头 / missing or wrong X-CSRF-Token header',
      },
    ]);
  }
  next();
};
