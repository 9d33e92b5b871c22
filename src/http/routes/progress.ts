/**
 * Where a plan stands: per target its status, completion, expected progress and latest
 * figure; summaries by responsible unit; the same table as .xlsx. Computed on each request
 * from the current figures by the progress rules.
 */
import { Router, type Request } from 'express';
import type { Store } from '../../db/store';
import { DomainError } from '../../errors';
import { loadPlanProgress } from '../../progress/load-plan-progress';
import type { PlanProgressView } from '../../progress/types';
import { idParam, reply } from '../route-helpers';
import { ProgressView, UnitList, UnitsView } from '../progress-schema';
import { ProgressQuery } from '../schemas';
import { validate } from '../validate';
import { attachment } from '../attachment';

/**
 * Reads `?year=&unit=&verified=` (as `dabiao report --year --unit --verified`) and loads the
 * view; 404 for an unknown plan, or for a unit the plan does not name (a misspelt unit would
 * otherwise give an empty report).
 */
export async function progressView(store: Store, req: Request): Promise<PlanProgressView> {
  const id = idParam(req);
  const query = validate(ProgressQuery, req.query);
  const plan = await store.getPlan(id);
  const view = await loadPlanProgress(store, plan, {
    asOfYear: query.year ?? (await defaultAsOfYear(store, plan.id, plan.horizonYear)),
    dataState: query.verified ? 'verified' : 'all',
    unit: query.unit ?? null,
  });
  if (view.unit !== null && view.tasks.length === 0) {
    const message = `本方案没有责任单位“${query.unit}” / this plan names no responsible unit "${query.unit}"`;
    throw new DomainError('not_found', message, [{ path: ['unit'], message }]);
  }
  return view;
}

/**
 * Without `?year=`, judge as of the latest year anyone has reported for (figures for a year
 * arrive after it ends), or the current year capped at the plan's horizon before any figure.
 */
export async function defaultAsOfYear(store: Store, planId: number, horizonYear: number): Promise<number> {
  const figures = await store.listMeasurements({ planId });
  if (figures.length > 0) return Math.max(...figures.map((m) => m.year));
  return Math.min(new Date().getFullYear(), horizonYear);
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
