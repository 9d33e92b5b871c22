/**
 * The input boundary's byte hygiene: text that no database should store and no page should show
 * is refused as a 400 naming where it was, before any route reads it. A NUL byte (PostgreSQL
 * refuses it in text, SQLite stores it silently), a lone UTF-16 surrogate (`"\ud800"` in JSON),
 * bytes that are not UTF-8, and a path segment whose percent-escape does not decode.
 */
import type { RequestHandler } from 'express';
import { DomainError, type ErrorIssue } from '../errors';

/** A NUL, or a surrogate half without its partner. */
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const FIELD_PROBLEM = '含有空字符或无效字符 / contains a NUL or an invalid character';

/** The paths of every string inside a parsed body or query that carries bad text. */
export function badTextPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => badTextPaths(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      BAD_TEXT.test(k) ? [[...path, k]] : badTextPaths(v, [...path, k]),
    );
  }
  return [];
}

function refuse(paths: (string | number)[][]): DomainError {
  const issues: ErrorIssue[] = paths.map((p) => ({
    path: p,
    message: `${p.join('.') || '内容'}：${FIELD_PROBLEM}`,
  }));
  return new DomainError('validation_failed', undefined, issues);
}

/** Refuses a body whose strings (or keys) carry a NUL or a lone surrogate. */
export const refuseBadBodyText: RequestHandler = (req, _res, next) => {
  const paths = badTextPaths(req.body);
  if (paths.length) throw refuse(paths);
  next();
};

/** For `express.json({ verify })`: bytes that are not UTF-8 are refused, not replaced with U+FFFD. */
export function verifyUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // body-parser wraps what verify throws; the error handler maps this type to a 400.
    throw Object.assign(new Error('body is not valid UTF-8'), { type: NOT_UTF8 });
  }
}

/** The body-parser error type `verifyUtf8` raises. */
export const NOT_UTF8 = 'entity.verify.utf8';

/**
 * Before routing: a path that does not percent-decode (`/api/plans/%ZZ`) and a path or query
 * with a NUL or a lone surrogate are 400s naming the part, never a 500 from deeper down.
 */
export const refuseBadUrl: RequestHandler = (req, _res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    throw new DomainError(
      'malformed_request',
      `网址中的转义字符无效 / malformed percent-escape in the path`,
      [
        {
          path: ['path'],
          message: `路径：转义字符无效 / path: malformed percent-escape (${req.path.slice(0, 200)})`,
        },
      ],
    );
  }
  if (BAD_TEXT.test(path)) throw refuse([['path']]);
  const queryPaths = badTextPaths(req.query).map((p) => ['query', ...p]);
  if (queryPaths.length) throw refuse(queryPaths);
  next();
};
