/**
 * Charts and the report for leaders (PDF and Word): per plan the overview, the completion by responsible
 * unit and the status distribution (PNG or vector PDF), one target over the years, the
 * cross-plan comparison, and the report. Every answer carries a strong ETag over what would
 * be drawn (`chart-reply.ts`); drawing happens on the render workers (`renderer.ts`).
 */
import { Router } from 'express';
import { allow } from '../auth';
import type { Store } from '../../db/store';
import { DomainError } from '../../errors';
import type { PlanProgressView } from '../../progress/types';
import { attachment } from '../attachment';
import { drawnOrBusy, type Renderer } from '../renderer';
import { chartView, etagOf, notModified, sendChart, type PreparedChart } from '../chart-reply';
import { idParam } from '../route-helpers';
import { ChartQuery, DEFAULT_CHART_HEIGHT, PdfChartQuery } from '../schemas';
import { validate } from '../validate';
import { compareChartRoutes } from './compare-chart';
import { progressView } from './progress';

/** The plan charts by name (`/api/plans/:id/charts/<name>.png|pdf`), modules loaded on first use. */
export const PLAN_CHARTS: Record<string, (view: PlanProgressView) => Promise<PreparedChart>> = {
  async overview(view) {
    const { planOverviewChart, planOverviewHeight } = await import('../../charts/plan-overview-chart');
    return { config: planOverviewChart(view), height: planOverviewHeight(view) };
  },
  async units(view) {
    const { unitStatusChart, unitStatusHeight } = await import('../../charts/unit-status-chart');
    return { config: unitStatusChart(view), height: unitStatusHeight(view) };
  },
  async status(view) {
    const { statusDistributionChart } = await import('../../charts/status-distribution-chart');
    return { config: statusDistributionChart(view), height: DEFAULT_CHART_HEIGHT };
  },
};

export function chartRoutes({
  store,
  renderer,
  timeZone,
}: {
  store: Store;
  renderer: Renderer;
  /** The readers' clock, for the report's date (config.timeZone). */
  timeZone: string;
}): Router {
  const router = Router();

  for (const [name, prepare] of Object.entries(PLAN_CHARTS)) {
    for (const format of ['png', 'pdf'] as const) {
      router.get(`/api/plans/:id/charts/${name}.${format}`, allow('report'), async (req, res) => {
        const id = idParam(req);
        const query = validate(format === 'pdf' ? PdfChartQuery : ChartQuery, req.query);
        const view = await chartView(store, await store.getPlan(id), query);
        await sendChart(renderer, req, res, await prepare(view), query, format);
      });
    }
  }

  router.get('/api/targets/:id/chart.png', allow('report'), async (req, res) => {
    const id = idParam(req);
    const query = validate(ChartQuery, req.query);
    const target = await store.getTarget(id);
    if (target.deleted) throw new DomainError('not_found', '该目标已删除 / this target was deleted');
    const view = await chartView(store, await store.getPlan(target.planId), query);
    const { targetTrendChart } = await import('../../charts/target-trend-chart');
    const chart = { config: targetTrendChart(view, target.id), height: DEFAULT_CHART_HEIGHT };
    await sendChart(renderer, req, res, chart, query, 'png');
  });

  router.use(compareChartRoutes({ store, renderer }));

  for (const format of ['pdf', 'docx'] as const) {
    router.get(`/api/plans/:id/report.${format}`, allow('report'), async (req, res) => {
      const view = await progressView(store, req);
      // The cover names the day on the readers' clock: the same figures make another report tomorrow.
      const generatedAt = new Date();
      const { chineseDate } = await import('../../reports/report-dates');
      const day = chineseDate(generatedAt, timeZone);
      const etag = etagOf('report', format, timeZone, day, JSON.stringify(view));
      if (notModified(req, res, etag)) return;
      // Keyed by content (plan, figures and options in the view, format, day): drawn once for
      // every instance, and once for every request arriving while it is drawn.
      const cache = {
        get: () => store.cachedReport(etag),
        put: (body: Buffer) => store.cacheReport(etag, body),
      };
      const job = {
        kind: format === 'pdf' ? ('report' as const) : ('docx' as const),
        view,
        options: { generatedAt: generatedAt.toISOString(), timeZone },
      };
      const body = (await cache.get()) ?? (await drawnOrBusy(res, renderer.draw(etag, job, cache)));
      // Named as `dabiao report` names it: the unit, when the report is for one.
      const { reportFileName } = await import('../../reports/report-files');
      const name = attachment(reportFileName(view, format));
      // A PDF opens in the browser; a Word document is saved, to be edited.
      res.type(format);
      res.setHeader('Content-Disposition', format === 'pdf' ? name.replace('attachment', 'inline') : name);
      res.send(body);
    });
  }

  return router;
}
