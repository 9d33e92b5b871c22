/**
 * Structured request logs (pino, one JSON line per request): method, path, status, time, who,
 * and a request id that is also returned in `X-Request-Id` and in every error body, so a user
 * reporting an error gives the line an operator finds. A sane incoming `X-Request-Id` (from a
 * load balancer) is kept. Query strings are not logged: they may carry names of people.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import pino, { type Logger } from 'pino';

export type { Logger };

/** A logger that writes nothing: tests and embedded uses. */
export const silentLogger: Logger = pino({ level: 'silent' });

/** The service's logger: JSON lines to stdout, level from the argument (default `info`). */
export function serviceLogger(level = 'info'): Logger {
  return pino({ level, base: { service: 'dabiao' } });
}

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The request id of the request being answered (set by `requestLog`). */
export function requestIdOf(res: Response): string | undefined {
  return res.locals.requestId as string | undefined;
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const user = (res.locals.auth as { user?: { username?: string } } | undefined)?.user?.username;
      const line = {
        reqId: id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        user,
      };
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    next();
  };
}
