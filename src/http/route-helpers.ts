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
