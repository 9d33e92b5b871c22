/**
 * The audit log's query and answer schemas (`GET /api/audit`, its XLSX export, restoring a
 * deleted target from an entry), kept beside the other schemas in their own file.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../shared/index.js';

/** `2026-12-01` or a full ISO time; a bare date as `to` counts the whole day (UTC). */
const when = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/,
    '应为日期 YYYY-MM-DD / a date YYYY-MM-DD',
  );

/** The filters of the audit log; every one narrows. */
export const AuditFilterQuery = z.object({
  plan: z.coerce.number().int().positive().optional(),
  target: z.coerce.number().int().positive().optional(),
  /** Who did it (username). */
  user: z.string().trim().min(1).max(64).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: when.optional(),
  to: when.optional(),
});

/** The filters and a page: newest first, `after` the last id of the page before (the next page is older). */
export const AuditQuery = AuditFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.coerce.number().int().min(1).optional(),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** The client address of the request; null for the command line and entries copied from older history. */
  address: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  planId: z.number().int().nullable(),
  taskId: z.number().int().nullable(),
  targetId: z.number().int().nullable(),
  subject: z.string().nullable(),
  /** The record before the change (null for a creation) and after it (null for a removal). */
  before: z.unknown(),
  after: z.unknown(),
});
