/**
 * Small helpers every route file shares: the numeric `:id`, and replies that pass through the
 * response schema, so a client gets exactly the documented shape (and never, say, a
 * password hash).
 */
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { chooseEncoding, encode, encodedEtag } from '../web/content-encoding';
import { etagOf, notModified } from './chart-reply';
import { IdParams } from './schemas';
import { validate } from './validate';

export function idParam(req: Request): number {
  return validate(IdParams, req.params).id;
}

export function reply<S extends z.ZodType>(res: Response, schema: S, data: z.input<S>, status = 200): void {
  res.status(status).json(schema.parse(data));
}

interface Serialised {
  json: string;
  etag: string;
  /** Compressed on the first reader that accepts each encoding, then kept with the answer. */
  encoded: Map<string, Buffer>;
}

const serialised = new WeakMap<object, Map<string, Serialised>>();

/**
 * `reply` for an answer derived from a shared, unchanging source (a cached progress view):
 * the schema pass and the JSON are done once per source and `variant` (the query that shaped
 * the answer), and the answer carries an ETag, so a client asking again with If-None-Match
 * gets a bare 304. A new source (any change to the plan or its figures) is a new answer.
 * It is compressed once per encoding too (brotli or gzip, as the reader asks; the
 * compression middleware leaves an encoded answer alone): a progress answer is tens of KB,
 * and compressing it on every request cost more than everything else the route does.
 */
export function replyFrom<S extends z.ZodType>(
  req: Request,
  res: Response,
  schema: S,
  source: object,
  variant: string,
  build: () => z.input<S>,
): void {
  let answers = serialised.get(source);
  if (!answers) serialised.set(source, (answers = new Map()));
  let answer = answers.get(variant);
  if (!answer) {
    const json = JSON.stringify(schema.parse(build()));
    answer = { json, etag: etagOf(json), encoded: new Map() };
    answers.set(variant, answer);
  }
  res.setHeader('Vary', 'Accept-Encoding');
  const encoding = chooseEncoding(req.get('accept-encoding'));
  const etag = encodedEtag(answer.etag, encoding);
  if (notModified(req, res, etag)) return;
  res.type('json');
  if (encoding === 'identity') {
    res.send(answer.json);
    return;
  }
  let body = answer.encoded.get(encoding);
  if (!body) answer.encoded.set(encoding, (body = encode(answer.json, encoding, 'fast')));
  res.setHeader('Content-Encoding', encoding);
  res.send(body);
}

/**
 * Sends one page of a list as the bare array earlier clients read, with the size of the whole
 * list in `X-Total-Count` and the next page's `after` in `X-Next-Cursor` (absent on the last).
 */
export function pageHeaders(res: Response, page: { total: number; nextCursor: number | null }): void {
  res.setHeader('X-Total-Count', String(page.total));
  if (page.nextCursor !== null) res.setHeader('X-Next-Cursor', String(page.nextCursor));
}
