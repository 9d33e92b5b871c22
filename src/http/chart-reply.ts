/**
 * How every chart route answers: the plan as of the asked year, a strong ETag computed from
 * what would be drawn (configuration and size), 304 when the client holds it already, and
 * otherwise the picture drawn at the asked size or at the chart's own height fitted into the
 * size limit. Drawing happens on a render worker (`renderer.ts`), never on the event loop.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ChartConfiguration } from 'chart.js';
import { fitHeight } from '../charts/chart-size';
import type { ChartFormat } from '../reports/render-chart';
import type { PlanRecord, Store } from '../db/store';
import { loadPlanProgress } from '../app/load-plan-progress';
import type { PlanProgressView } from '../progress/types';
import { drawnOrBusy, type Renderer } from './renderer';

const TYPES: Record<ChartFormat, string> = { png: 'image/png', pdf: 'application/pdf' };

/** What every chart query carries once validated (`ChartQuery` and its kin). */
export interface ChartSizeQuery {
  width: number;
  height?: number;
  ratio: number;
  year?: number;
  verified?: boolean;
}

/** A chart ready to draw, with the height it takes when the request names none. */
export interface PreparedChart {
  config: ChartConfiguration;
  height: number;
}

/** A strong ETag over the parts that decide the content. */
export function etagOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return `"${hash.digest('base64url').slice(0, 32)}"`;
}

/** Sets caching headers; true (and 304 sent) when the client already holds this exact content. */
export function notModified(req: Request, res: Response, etag: string): boolean {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  const held = req.get('if-none-match');
  if (held && held.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    res.status(304).end();
    return true;
  }
  return false;
}

/** The plan as of the asked year (default: the latest reported), all or only verified figures. */
export async function chartView(
  store: Store,
  plan: PlanRecord,
  query: ChartSizeQuery,
): Promise<PlanProgressView> {
  return loadPlanProgress(store, plan, {
    asOfYear: query.year,
    dataState: query.verified ? 'verified' : 'all',
  });
}

/** Answers with the chart drawn at the asked size (on a render worker), or 304 when the client holds it. */
export async function sendChart(
  renderer: Renderer,
  req: Request,
  res: Response,
  chart: PreparedChart,
  query: ChartSizeQuery,
  format: ChartFormat,
): Promise<void> {
  const { width, ratio } = query;
  // A vector PDF has no pixel ratio: only PNG heights are fitted against it.
  const height = query.height ?? fitHeight(chart.height, width, format === 'pdf' ? 1 : ratio);
  const etag = etagOf(format, `${width}x${height}@${ratio}`, JSON.stringify(chart.config));
  if (notModified(req, res, etag)) return;
  const job = {
    kind: 'chart',
    config: chart.config,
    options: { width, height, devicePixelRatio: ratio, format },
  } as const;
  const body = await drawnOrBusy(res, renderer.draw(etag, job));
  res.type(TYPES[format]).send(body);
}
