/**
 * Where a plan stands: per target its status, completion, expected progress and latest
 * figure; summaries by responsible unit; the same table as .xlsx. Computed on each request
 * from the current figures by the progress rules.
 */
import { Router, type Request } from 'express';
import type { Store } from '../../db/store';
import { loadPlanProgress } from '../../app/load-plan-progress';
import type { PlanProgressView } from '../../progress/types';
import { idParam, pageHeaders, reply } from '../route-helpers';
import { PlanSummaryPage, ProgressView, UnitList, UnitsView } from '../progress-schema';
import { PageQuery, ProgressQuery } from '../schemas';
import { validate } from '../validate';
import { attachment } from '../attachment';
import { etagOf } from '../chart-reply';
import { drawnOrBusy, type Renderer } from '../renderer';

/** Reads `?year=&unit=&verified=` (as `dabiao report --year --unit --verified`) and loads the view. */
export async function progressView(store: Store, req: Request): Promise<PlanProgressView> {
  const query = validate(ProgressQuery, req.query);
  return loadPlanProgress(store, await store.getPlan(idParam(req)), {
    asOfYear: query.year,
    dataState: query.verified ? 'verified' : 'all',
    unit: query.unit ?? null,
  });
}

export function progressRoutes({ store, renderer }: { store: Store; renderer: Renderer }): Router {
  const router = Router();

  router.get('/api/plans/:id/progress', async (req, res) => {
    reply(res, ProgressView, await progressView(store, req));
  });

  router.get('/api/units', async (req, res) => {
    const page = await store.pageUnits(validate(PageQuery, req.query));
    pageHeaders(res, page);
    reply(res, UnitList, page.items);
  });

  // The plans page in one request: a page of plans, each with where it stands.
  router.get('/api/plan-summaries', async (req, res) => {
    const query = validate(PageQuery, req.query);
    const page = await store.pagePlans({ ...query, limit: Math.min(query.limit, 50) });
    const items = [];
    for (const plan of page.items) {
      const view = await loadPlanProgress(store, plan, { dataState: 'all', unit: null });
      items.push({
        plan,
        taskCount: view.tasks.length,
        targetCount: view.targets.length,
        asOfYear: view.asOfYear,
        statusCounts: view.statusCounts,
        overallCompletion: view.overallCompletion,
      });
    }
    reply(res, PlanSummaryPage, { items, total: page.total, nextCursor: page.nextCursor });
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
    const sheet = await drawnOrBusy(
      res,
      renderer.draw(etagOf('xlsx', JSON.stringify(view)), { kind: 'xlsx', view }),
    );
    const { reportFileName } = await import('../../reports/report-files');
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachment(reportFileName(view, 'xlsx')));
    res.send(sheet);
  });

  return router;
}
