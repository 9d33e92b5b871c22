/**
 * Where a plan stands: per target its status, completion, expected progress and latest
 * figure; summaries by responsible unit; the same table as .xlsx. Computed on each request
 * from the current figures by the progress rules.
 */
import { Router, type Request } from 'express';
import type { Store } from '../../db/store';
import { loadPlanProgress } from '../../app/load-plan-progress';
import type { PlanProgressView } from '../../progress/types';
import { idParam, reply } from '../route-helpers';
import { ProgressView, UnitList, UnitsView } from '../progress-schema';
import { ProgressQuery } from '../schemas';
import { validate } from '../validate';
import { attachment } from '../attachment';

/** Reads `?year=&unit=&verified=` (as `dabiao report --year --unit --verified`) and loads the view. */
export async function progressView(store: Store, req: Request): Promise<PlanProgressView> {
  const query = validate(ProgressQuery, req.query);
  return loadPlanProgress(store, await store.getPlan(idParam(req)), {
    asOfYear: query.year,
    dataState: query.verified ? 'verified' : 'all',
    unit: query.unit ?? null,
  });
}

export function progressRoutes({ store }: { store: Store }): Router {
  const router = Router();

  router.get('/api/plans/:id/progress', async (req, res) => {
    reply(res, ProgressView, await progressView(store, req));
  });

  router.get('/api/units', async (_req, res) => {
    reply(res, UnitList, await store.listUnits());
  });

  router.get('/api/plans/:id/units', async (req, res) => {
    const view = await progressView(store, req);
    reply(res, UnitsView, {
      plan: view.plan,
      asOfYear: view.asOfYear,
      dataState: view.dataState,
      units: view.units,
    });
  });

  router.get('/api/plans/:id/progress.xlsx', async (req, res) => {
    const view = await progressView(store, req);
    const { buildProgressXlsx } = await import('../../reports/progress-xlsx');
    const { reportFileName } = await import('../../reports/report-files');
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachment(reportFileName(view, 'xlsx')));
    res.send(await buildProgressXlsx(view));
  });

  return router;
}
