/**
 * Charts and the PDF report for leaders. Each answer carries a strong ETag computed from what
 * would be drawn (the chart configuration and size, or the progress view for a report): a
 * client holding the current picture gets 304 without anything being drawn, and the chart
 * renderer's own content cache spares redrawing for other clients. The canvas and PDF
 * libraries are loaded on the first chart asked for, so the API starts without them.
 */
import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { ChartConfiguration } from 'chart.js';
import type { ChartFormat } from '../../charts/render-chart';
import type { Store } from '../../db/store';
import { DomainError } from '../../errors';
import { loadPlanProgress } from '../../progress/load-plan-progress';
import { attachment } from '../attachment';
import { idParam } from '../route-helpers';
import { ChartQuery } from '../schemas';
import { validate } from '../validate';
import { defaultAsOfYear, progressView } from './progress';

const TYPES: Record<ChartFormat, string> = { png: 'image/png', pdf: 'application/pdf' };

function etagOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return `"${hash.digest('base64url').slice(0, 32)}"`;
}

/** Sets caching headers; true when the client already holds this exact content. */
function notModified(req: Request, res: Response, etag: string): boolean {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  const held = req.get('if-none-match');
  if (held && held.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    res.status(304).end();
    return true;
  }
  return false;
}

async function sendChart(
  req: Request,
  res: Response,
  config: ChartConfiguration,
  size: { width: number; height: number; ratio: number },
  format: ChartFormat,
): Promise<void> {
  const etag = etagOf(format, `${size.width}x${size.height}@${size.ratio}`, JSON.stringify(config));
  if (notModified(req, res, etag)) return;
  const { renderChart } = await import('../../charts/render-chart');
  const body = await renderChart(config, { ...size, devicePixelRatio: size.ratio, format });
  res.type(TYPES[format]).send(body);
}

/** Reports take a few hundred milliseconds: keep the latest ones, keyed by their ETag. */
const REPORT_CACHE_LIMIT = 20;

export function chartRoutes({ store }: { store: Store }): Router {
  const router = Router();
  const reports = new Map<string, Buffer>();

  const overview = (format: ChartFormat) => async (req: Request, res: Response) => {
    const id = idParam(req);
    const query = validate(ChartQuery, req.query);
    const plan = await store.getPlan(id);
    const view = await loadPlanProgress(store, plan, {
      asOfYear: query.year ?? (await defaultAsOfYear(store, plan.id, plan.horizonYear)),
      dataState: query.verified ? 'verified' : 'all',
    });
    const { planOverviewChart, planOverviewHeight } = await import('../../charts/plan-overview-chart');
    const height = query.height ?? Math.min(4000, planOverviewHeight(view));
    await sendChart(
      req,
      res,
      planOverviewChart(view),
      { width: query.width, height, ratio: query.ratio },
      format,
    );
  };
  router.get('/api/plans/:id/charts/overview.png', overview('png'));
  router.get('/api/plans/:id/charts/overview.pdf', overview('pdf'));

  router.get('/api/targets/:id/chart.png', async (req, res) => {
    const id = idParam(req);
    const query = validate(ChartQuery, req.query);
    const target = await store.getTarget(id);
    if (target.deleted) throw new DomainError('not_found', '该目标已删除 / this target was deleted');
    const plan = await store.getPlan(target.planId);
    const view = await loadPlanProgress(store, plan, {
      asOfYear: query.year ?? (await defaultAsOfYear(store, plan.id, plan.horizonYear)),
      dataState: query.verified ? 'verified' : 'all',
    });
    const { targetTrendChart } = await import('../../charts/target-trend-chart');
    const size = { width: query.width, height: query.height ?? 400, ratio: query.ratio };
    await sendChart(req, res, targetTrendChart(view, target.id), size, 'png');
  });

  router.get('/api/plans/:id/report.pdf', async (req, res) => {
    const view = await progressView(store, req);
    const etag = etagOf('report', JSON.stringify(view));
    if (notModified(req, res, etag)) return;
    let pdf = reports.get(etag);
    if (!pdf) {
      const { buildPlanReport } = await import('../../reports/plan-report-pdf');
      pdf = await buildPlanReport(view, {});
      reports.set(etag, pdf);
      if (reports.size > REPORT_CACHE_LIMIT) reports.delete(reports.keys().next().value!);
    }
    res.type('application/pdf');
    res.setHeader(
      'Content-Disposition',
      attachment(`${view.plan.title}-进度报告-${view.asOfYear}.pdf`).replace('attachment', 'inline'),
    );
    res.send(pdf);
  });

  return router;
}
