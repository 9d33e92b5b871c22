/**
 * The only code that touches a canvas: renders a chart configuration to PNG (any size and
 * pixel ratio) or to vector PDF. One renderer per (width, height, type) is reused, because
 * creating one costs more than drawing; results are cached by content, so an unchanged chart
 * is not drawn twice.
 */
import { createHash } from 'node:crypto';
import type { ChartConfiguration } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { DomainError } from '../errors';
import { registerCanvasFonts } from '../fonts/canvas-fonts';
import { DABIAO_PLUGINS, glyphTextPlugin } from '../charts/chart-plugins';
import { chartSizeIssue } from '../charts/chart-size';
import { TEXT_COLOR } from '../charts/chart-style';
import { CJK_FONT_FAMILY } from '../fonts/cjk-font';

export type ChartFormat = 'png' | 'pdf';

/** The family server charts are drawn in: the bundled font, registered with canvas under this name. */
export const CHART_FONT_FAMILY = `'${CJK_FONT_FAMILY}', sans-serif`;

export interface RenderChartOptions {
  /** CSS pixels for PNG, points for PDF. */
  width: number;
  height: number;
  /** PNG only: the image is width × ratio by height × ratio pixels. */
  devicePixelRatio?: number;
  format?: ChartFormat;
  /** Bypass the content cache (benchmarks). */
  cache?: boolean;
}

/** The cache keeps the most recently used charts up to this many bytes. */
const CACHE_BYTES = 64 * 1024 * 1024;
/** Each renderer holds its own Chart.js copy: keep the sizes in use, not every size ever asked for. */
const RENDERER_LIMIT = 16;
const renderers = new Map<string, ChartJSNodeCanvas>();
const cache = new Map<string, Buffer>();
let cachedBytes = 0;

/** Renders a (plain-data) chart configuration; the configuration itself is never mutated. */
export async function renderChart(config: ChartConfiguration, options: RenderChartOptions): Promise<Buffer> {
  const format = options.format ?? 'png';
  const ratio = format === 'pdf' ? 1 : (options.devicePixelRatio ?? 1);
  const tooLarge = chartSizeIssue({ width: options.width, height: options.height, ratio });
  if (tooLarge) throw new DomainError('validation_failed', undefined, [tooLarge]);
  const json = JSON.stringify(config);
  const key = createHash('sha256')
    .update(`${format}|${options.width}x${options.height}@${ratio}|${json}`)
    .digest('hex');
  const useCache = options.cache !== false;
  const hit = useCache ? cache.get(key) : undefined;
  if (hit) {
    cache.delete(key); // re-insert: the map's order doubles as least-recently-used order
    cache.set(key, hit);
    return hit;
  }
  // Chart.js writes into the configuration it draws, so every render gets its own copy.
  const fresh = JSON.parse(json) as ChartConfiguration;
  fresh.options = { ...fresh.options, devicePixelRatio: ratio };
  const renderer = rendererFor(options.width, options.height, format);
  const buffer =
    format === 'pdf'
      ? renderer.renderToBufferSync(fresh, 'application/pdf')
      : await renderer.renderToBuffer(fresh, 'image/png');
  if (useCache) {
    cache.set(key, buffer);
    cachedBytes += buffer.length;
    for (const [oldKey, old] of cache) {
      if (cachedBytes <= CACHE_BYTES) break;
      cache.delete(oldKey);
      cachedBytes -= old.length;
    }
  }
  return buffer;
}

/** Number of charts held in the content cache (for tests and benches). */
export function chartCacheSize(): number {
  return cache.size;
}

/** Forgets every cached chart (benches measure drawing from cold). */
export function clearChartCache(): void {
  cache.clear();
  cachedBytes = 0;
}

function rendererFor(width: number, height: number, format: ChartFormat): ChartJSNodeCanvas {
  const key = `${width}x${height}:${format}`;
  let renderer = renderers.get(key);
  if (renderer) {
    renderers.delete(key); // re-insert: least recently used first
    renderers.set(key, renderer);
  } else {
    registerCanvasFonts();
    renderer = new ChartJSNodeCanvas({
      width,
      height,
      ...(format === 'pdf'
        ? { type: 'pdf' as const } // no background: cairo would rasterise the whole chart
        : { backgroundColour: '#ffffff' }),
      chartCallback: (ChartJS) => {
        ChartJS.defaults.font.family = CHART_FONT_FAMILY;
        ChartJS.defaults.font.size = 13;
        ChartJS.defaults.color = TEXT_COLOR;
        ChartJS.register(...DABIAO_PLUGINS, ...(format === 'pdf' ? [glyphTextPlugin] : []));
      },
    });
    renderers.set(key, renderer);
    if (renderers.size > RENDERER_LIMIT) renderers.delete(renderers.keys().next().value!);
  }
  return renderer;
}
