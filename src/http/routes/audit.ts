/**
 * The audit log (操作日志) for admins and evaluators: read a page with filters, export the
 * matching entries as XLSX, and restore a deleted target from its deletion's entry. No route
 * edits or deletes an entry (the table refuses it too).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AuditFilter, Store } from '../../db/store';
import { buildAuditXlsx } from '../../reports/audit-xlsx';
import { attachment } from '../attachment';
import { AuditEntry, AuditFilterQuery, AuditQuery } from '../audit-schema';
import { actorOf, allow } from '../auth';
import { idParam, pageHeaders, reply } from '../route-helpers';
import { Target } from '../schemas';
import { validate } from '../validate';

/** Entries one export holds at most (the newest); beyond that the filter should narrow. */
export const AUDIT_EXPORT_MAX = 50_000;

function filterOf(q: z.output<typeof AuditFilterQuery>): AuditFilter {
  return {
    ...(q.plan !== undefined && { planId: q.plan }),
    ...(q.target !== undefined && { targetId: q.target }),
    ...(q.user !== undefined && { user: q.user }),
    ...(q.action !== undefined && { action: q.action }),
    ...(q.from !== undefined && { from: q.from }),
    ...(q.to !== undefined && { to: q.to }),
  };
}

export function auditRoutes({ store }: { store: Store }): Router {
  const router = Router();
  const reader = allow('readAudit');

  router.get('/api/audit', reader, async (req, res) => {
    const q = validate(AuditQuery, req.query);
    const page = await store.pageAudit(filterOf(q), { limit: q.limit, after: q.after });
    pageHeaders(res, page);
    reply(res, z.array(AuditEntry), page.items);
  });

  router.get('/api/audit.xlsx', reader, async (req, res) => {
    const filter = filterOf(validate(AuditFilterQuery, req.query));
    const entries = [];
    let after: number | undefined;
    let total = 0;
    do {
      const page = await store.pageAudit(filter, { limit: 500, after });
      entries.push(...page.items);
      total = page.total;
      after = page.nextCursor ?? undefined;
    } while (after !== undefined && entries.length < AUDIT_EXPORT_MAX);
    const kept = entries.slice(0, AUDIT_EXPORT_MAX);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachment('操作日志.xlsx'));
    res.setHeader('X-Total-Count', String(total));
    res.send(await buildAuditXlsx(kept, Math.max(0, total - kept.length)));
  });

  router.post('/api/audit/:id/restore', allow('editTargets'), async (req, res) => {
    const target = await store.restoreTargetFromAudit(idParam(req), actorOf(res));
    reply(res, Target, target);
  });

  return router;
}
