/**
 * Who is asking. A session is found from the `dabiao_session` cookie (browsers) or an
 * `Authorization: Bearer <token>` header (scripts, tests); roles then decide what a user may
 * do. Everything under /api needs a session except login, the OpenAPI document and health.
 */
import type { Request, RequestHandler, Response } from 'express';
import { DomainError } from '../errors';
import type { Store, UserRecord } from '../db/store';
import { ROLE_LABELS, may, type Action } from '../shared/index.js';

export const SESSION_COOKIE = 'dabiao_session';

export interface Auth {
  user: UserRecord;
  token: string;
  csrfToken: string;
  expiresAt: string;
  /** Cookie sessions need a CSRF token on writes; bearer tokens cannot be sent by a foreign page. */
  via: 'cookie' | 'bearer';
}

/** Reads one cookie without a cookie-parser dependency. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function bearerToken(req: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return m ? m[1]! : null;
}

/** Attaches `res.locals.auth` when the request carries a live session; never refuses by itself. */
export function authenticate(store: Store): RequestHandler {
  return async (req, res, next) => {
    const bearer = bearerToken(req);
    const token = bearer ?? readCookie(req.get('cookie'), SESSION_COOKIE);
    if (token) {
      const session = await store.getSession(token);
      if (session) {
        const auth: Auth = {
          user: session.user,
          token,
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt,
          via: bearer ? 'bearer' : 'cookie',
        };
        res.locals.auth = auth;
      }
    }
    next();
  };
}

/** The signed-in user's session, or 401. */
export function currentAuth(res: Response): Auth {
  const auth = res.locals.auth as Auth | undefined;
  if (!auth) throw new DomainError('unauthenticated');
  return auth;
}

/** Who makes a change, as history and the audit log keep it: the username and the client address. */
export function actorOf(res: Response): { name: string; address: string | null } {
  return { name: currentAuth(res).user.username, address: clientAddress(res.req) };
}

/** The address a request came from (the socket's peer: no proxy header is trusted). */
export function clientAddress(req: Request): string | null {
  return req.socket.remoteAddress ?? null;
}

export const requireAuth: RequestHandler = (_req, res, next) => {
  currentAuth(res);
  next();
};

/** Refuses (403) a user whose role may not do `action` (src/shared: admin may do everything). */
export function allow(action: Action): RequestHandler {
  return (_req, res, next) => {
    const { user } = currentAuth(res);
    if (!may(user.role, action)) {
      throw new DomainError('forbidden', undefined, [
        {
          path: ['role'],
          message: `当前角色“${ROLE_LABELS[user.role]}”无权执行此操作 / role ${user.role} may not do this`,
        },
      ]);
    }
    next();
  };
}

/** Every read (GET, HEAD) needs `read`; other methods pass to their route's own `allow`. */
export function allowReads(): RequestHandler {
  const reader = allow('read');
  return (req, res, next) =>
    req.method === 'GET' || req.method === 'HEAD' ? reader(req, res, next) : next();
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
