/**
 * Multipart uploads held in memory (plans and figure sheets are small), one `file` field,
 * size capped by `config.uploadLimitBytes`. Going over the cap becomes a 413 in the error
 * handler. Requests that are not multipart pass through untouched, so a route can accept
 * either a file or JSON.
 */
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { DomainError } from '../errors';
import { refuseBadBodyText } from './clean-input';

/** The multipart parser, then the same text check as JSON bodies for its text fields. */
export function createUpload(limitBytes: number): RequestHandler[] {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limitBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 30 },
  }).single('file');
  return [parse, refuseBadBodyText];
}

/** The uploaded file, or 400 naming the `file` field. */
export function uploadedFile(req: Request): Express.Multer.File {
  if (!req.file) {
    throw new DomainError('validation_failed', undefined, [
      { path: ['file'], message: '文件（file）：请上传文件 / file: required' },
    ]);
  }
  return req.file;
}

/** Multer reads file names as latin1; browsers send UTF-8, so Chinese names need re-decoding. */
export function originalName(file: Express.Multer.File): string {
  const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
  return name.includes('\uFFFD') ? file.originalname : name;
}
