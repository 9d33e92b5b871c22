/**
 * The one Express error handler. Every failure leaves the service as the same envelope
 * `{ error: { code, message, issues } }` with the status from `ERROR_STATUS`; body-parser,
 * multer and unknown errors are mapped here too, so no route formats an error itself and no
 * stack trace ever reaches a client.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import multer from 'multer';
import { ZodError } from 'zod';
import { DomainError, ERROR_MESSAGES, ERROR_STATUS, isDomainError, type ErrorIssue } from '../errors';
import { NOT_UTF8 } from './clean-input';
import { requestIdOf, silentLogger, type Logger } from './request-log';
import { translateZodIssues } from './validate';

export interface ErrorEnvelope {
  /** `requestId` names the request in the service's log (also in `X-Request-Id`). */
  error: { code: string; message: string; issues: ErrorIssue[]; requestId?: string };
}

/** Maps any thrown value to a DomainError; `null` for the truly unexpected. */
export function toDomainError(err: unknown): DomainError | null {
  if (isDomainError(err)) return err;
  if (err instanceof ZodError)
    return new DomainError('validation_failed', undefined, translateZodIssues(err.issues));
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE' || err.code === 'LIMIT_FIELD_VALUE')
      return new DomainError('payload_too_large');
    return new DomainError('malformed_request', `上传内容有误 / bad upload: ${err.code}`, [
      { path: [err.field ?? 'file'], message: `上传字段有误 / bad upload field: ${err.message}` },
    ]);
  }
  // body-parser marks its errors with a `type`.
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    return new DomainError('malformed_request', '请求内容不是有效的 JSON / the body is not valid JSON');
  }
  if (type === 'entity.too.large') {
    return new DomainError('payload_too_large', '请求内容过大 / request body too large');
  }
  if (type === NOT_UTF8) {
    return new DomainError(
      'malformed_request',
      '请求内容不是有效的 UTF-8 文本 / the body is not valid UTF-8',
      [{ path: ['body'], message: '请求内容：不是有效的 UTF-8 / body: not valid UTF-8' }],
    );
  }
  // A body declared compressed (Content-Encoding: gzip) that does not inflate: zlib's Z_* codes.
  if (/^Z_/.test(String((err as { code?: unknown } | null)?.code ?? ''))) {
    return new DomainError(
      'malformed_request',
      '请求声明的压缩编码与内容不符 / the body does not match its Content-Encoding',
      [
        {
          path: ['Content-Encoding'],
          message: 'Content-Encoding：内容无法按声明的编码解压 / the body cannot be decoded as declared',
        },
      ],
    );
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new DomainError('unsupported_media_type');
  }
  // Multipart bodies that end early or are not multipart at all (busboy's own messages).
  if (
    err instanceof Error &&
    /^(Unexpected end of form|Malformed part header|Multipart: Boundary not found)/.test(err.message)
  ) {
    return new DomainError('malformed_request', '上传内容不完整或格式错误 / malformed multipart body');
  }
  return null;
}

export function errorBody(e: DomainError, requestId?: string): ErrorEnvelope {
  return {
    error: { code: e.code, message: e.message, issues: e.issues, ...(requestId ? { requestId } : {}) },
  };
}

/**
 * Logs only the unexpected, with its stack, to the service's log under the request id; the
 * answer carries the id and a plain message, never the stack.
 */
export function createErrorHandler(logger: Logger = silentLogger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let domain = toDomainError(err);
    const requestId = requestIdOf(res);
    if (!domain) {
      logger.error({ reqId: requestId, method: req.method, path: req.path, err }, 'unexpected error');
      domain = new DomainError('internal', ERROR_MESSAGES.internal);
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(ERROR_STATUS[domain.code] ?? 500).json(errorBody(domain, requestId));
  };
}

/** Unknown `/api/...` paths answer with the envelope, not Express's HTML page. */
export const apiNotFound: RequestHandler = (req) => {
  throw new DomainError(
    'not_found',
    `找不到接口 / no such endpoint: ${req.method} ${req.originalUrl.split('?')[0]}`,
  );
};
