/**
 * Request bodies: which content types a route reads (anything else is a 415 before any
 * parsing) and the JSON parser with its size limit.
 */
import express, { type RequestHandler } from 'express';
import { DomainError } from '../errors';
import { refuseBadBodyText, verifyUtf8 } from './clean-input';

/** Ordinary JSON bodies are small; plan texts and uploads have their own, larger limits. */
export const JSON_LIMIT = '256kb';

/**
 * Refuses bodies of a type the route does not read (415) before any parsing: a form post or
 * `text/plain` to a JSON route would otherwise arrive as an empty body and fail confusingly.
 */
export function acceptBody(...kinds: ('json' | 'multipart')[]): RequestHandler {
  const types = kinds.map((k) => (k === 'json' ? 'application/json' : 'multipart/form-data'));
  return (req, _res, next) => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (hasBody && !req.is(types)) {
      throw new DomainError('unsupported_media_type', undefined, [
        {
          path: ['Content-Type'],
          message: `请求类型应为 ${types.join(' 或 ')} / Content-Type must be ${types.join(' or ')}`,
        },
      ]);
    }
    next();
  };
}

/**
 * Parses a JSON body when there is one: 413 over the limit, 400 when malformed, not UTF-8, or
 * carrying a NUL or a lone surrogate in any string.
 */
export function parseJson(limit: number | string = JSON_LIMIT): RequestHandler[] {
  return [express.json({ limit, verify: verifyUtf8 }), refuseBadBodyText];
}

/** A JSON body: 415 for other content types, then `parseJson`. */
export function jsonBody(limit: number | string = JSON_LIMIT): RequestHandler[] {
  return [acceptBody('json'), ...parseJson(limit)];
}
