/**
 * Small helpers every route file shares: the numeric `:id`, and replies that pass through the
 * response schema, so a client gets exactly the documented shape (and never, say, a
 * password hash).
 */
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { IdParams } from './schemas';
import { validate } from './validate';

export function idParam(req: Request): number {
  return validate(IdParams, req.params).id;
}

export function reply<S extends z.ZodType>(res: Response, schema: S, data: z.input<S>, status = 200): void {
  res.status(status).json(schema.parse(data));
}

/**
 * Sends one page of a list as the bare array earlier clients read, with the size of the whole
 * list in `X-Total-Count` and the next page's `after` in `X-Next-Cursor` (absent on the last).
 */
export function pageHeaders(res: Response, page: { total: number; nextCursor: number | null }): void {
  res.setHeader('X-Total-Count', String(page.total));
  if (page.nextCursor !== null) res.setHeader('X-Next-Cursor', String(page.nextCursor));
}
