/**
 * Where a plan stands: per target its status, completion, expected progress and latest
 * figure; summaries by responsible unit; the same table as .xlsx. Computed by the progress
 * rules from the current figures, once per version of the plan (loadPlanProgress).
 */
import { Router, type Request } from 'express';
import type { Store } from '../../db/store';
import { loadPlanProgress, loadPlansProgress } from '../../app/load-plan-progress';
import { loadUnitsPage } from '../../app/load-units-page';
import type { PlanProgressView } from '../../progress/types';
import { idParam, pageHeaders, reply, replyFrom } from '../route-helpers';
import { PlanSummaryPage, ProgressAnswer, ProgressPageQuery, UnitList, UnitsView } from '../progress-schema';
import { PageQuery, ProgressQuery, ProgressXlsxQuery } from '../schemas';
import { validate } from '../validate';
import { attachment } from '../attachment';
import { allow, currentAuth } from '../auth';
import { countReviewStates, visiblePlanStates } from '../../shared/index.js';
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

export function progressRoutes({
  store,
  renderer,
  timeZone,
}: {
  store: Store;
  renderer: Renderer;
  /** The readers' clock, for the sheet's 生成于 (config.timeZone). */
  timeZone: string;
}): Router {
  const router = Router();

  router.get('/api/plans/:id/progress', async (req, res) => {
    const { limit, offset, target } = validate(ProgressPageQuery, req.query);
    const view = await progressView(store, req);
    const chosen = target === undefined ? view.targets : view.targets.filter((t) => t.targetId === target);
    res.setHeader('X-Total-Count', String(chosen.length));
    if (offset + limit < chosen.length) res.setHeader('X-Next-Cursor', String(offset + limit));
    replyFrom(req, res, ProgressAnswer, view, `${limit}|${offset}|${target ?? ''}`, () => {
      const page = chosen.slice(offset, offset + limit);
      const taskIds = target === undefined ? null : new Set(page.map((t) => t.taskId));
      // ProgressAnswer drops the task fields each target row carries inside the view.
      return {
        ...view,
        tasks: taskIds ? view.tasks.filter((t) => taskIds.has(t.taskId)) : view.tasks,
        targets: page,
      };
    });
  });

  router.get('/api/units', async (req, res) => {
    const states = visiblePlanStates(currentAuth(res).user.role);
    const page = await loadUnitsPage(store, { ...validate(PageQuery, req.query), states });
    pageHeaders(res, page);
    reply(res, UnitList, page.items);
  });

  // The plans page in one request: a page of plans, each with where it stands.
  router.get('/api/plan-summaries', async (req, res) => {
    const query = validate(PageQuery, req.query);
    const states = visiblePlanStates(currentAuth(res).user.role);
    const page = await store.pagePlans({ ...query, limit: Math.min(query.limit, 50), states });
    const review = await store.reviewCounts(page.items.map((p) => p.id));
    const views = await loadPlansProgress(store, page.items, { dataState: 'all', unit: null });
    const items = page.items.map((plan, i) => {
      const view = views[i]!;
      return {
        plan,
        taskCount: view.tasks.length,
        targetCount: view.targets.length,
        asOfYear: view.asOfYear,
        statusCounts: view.statusCounts,
        attainment: view.attainment,
        overallCompletion: view.overallCompletion,
        reviewCounts: review.get(plan.id) ?? countReviewStates([]),
      };
    });
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

  router.get('/api/plans/:id/progress.xlsx', allow('report'), async (req, res) => {
    const view = await progressView(store, req);
    const perUnit = validate(ProgressXlsxQuery, req.query).perUnit === true;
    const sheet = await drawnOrBusy(
      res,
      renderer.draw(etagOf('xlsx', timeZone, JSON.stringify({ view, perUnit })), {
        kind: 'xlsx',
        view,
        perUnit,
        timeZone,
      }),
    );
    const { reportFileName } = await import('../../reports/report-files');
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', attachment(reportFileName(view, 'xlsx')));
    res.send(sheet);
  });

  return router;
}
