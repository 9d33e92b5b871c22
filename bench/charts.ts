/**
 * Chart and report speed: milliseconds per PNG chart (first and steady state) through
 * dabiao's renderer against a bare chartjs-node-canvas render of the same chart in the same
 * run, and seconds for a whole plan report. Uses the demo database when the seed plans
 * import, else the hand-built progress fixtures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { planOverviewChart } from '../src/charts/plan-overview-chart';
import { CHART_FONT_FAMILY, clearChartCache, renderChart } from '../src/reports/render-chart';
import { registerCanvasFonts } from '../src/fonts/canvas-fonts';
import type { PlanProgressView } from '../src/progress/types';
import { planChartPngs } from '../src/reports/chart-png-export';
import { buildPlanReport } from '../src/reports/plan-report-pdf';

const WIDTH = 800;
const HEIGHT = 400;
const STEADY_RUNS = 50;

async function views(): Promise<{ source: string; views: PlanProgressView[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dabiao-bench-'));
  try {
    const { openStore } = await import('../src/db');
    const { seedDemo } = await import('../src/demo/seed-demo');
    const { loadPlanProgress } = await import('../src/app/load-plan-progress');
    const store = await openStore({ database: path.join(dir, 'bench.db') });
    try {
      const seeded = await seedDemo(store);
      const out = [];
      for (const s of seeded) out.push(await loadPlanProgress(store, s.plan.id, { asOfYear: 2024 }));
      return { source: '示例数据库 (seedDemo)', views: out };
    } finally {
      await store.close();
    }
  } catch (e) {
    const { jilinView, sipingView } = await import('../tests/fixtures/progress-views');
    return {
      source: `手工样例 (demo seed failed: ${(e as Error).message.slice(0, 60)})`,
      views: [jilinView(), sipingView()],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function steady(fn: () => Promise<unknown>, runs = STEADY_RUNS): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

export async function run(): Promise<void> {
  const { source, views: all } = await views();
  const view = all[0]!;
  const config = planOverviewChart(view);
  const fresh = () => JSON.parse(JSON.stringify(config)) as ChartConfiguration;

  registerCanvasFonts();
  const bareRenderer = () =>
    new ChartJSNodeCanvas({
      width: WIDTH,
      height: HEIGHT,
      backgroundColour: '#ffffff',
      chartCallback: (ChartJS) => {
        ChartJS.defaults.font.family = CHART_FONT_FAMILY;
      },
    });

  // Load canvas, Chart.js and the font once at another size, so "first" compares like with like:
  // a new renderer for this size and its first drawing, for both.
  await renderChart(config, { width: 200, height: 100, cache: false });
  await new ChartJSNodeCanvas({ width: 200, height: 100 }).renderToBuffer(fresh());
  // First charts: each pays for creating its renderer (Chart.js instance, canvas set-up).
  const oursFirst = await time(() => renderChart(config, { width: WIDTH, height: HEIGHT, cache: false }));
  const bare = bareRenderer();
  const bareFirst = await time(() => bare.renderToBuffer(fresh()));

  const oursSteady = await steady(() => renderChart(config, { width: WIDTH, height: HEIGHT, cache: false }));
  const oursCached = await steady(() => renderChart(config, { width: WIDTH, height: HEIGHT }));
  const bareSteady = await steady(() => bare.renderToBuffer(fresh()));
  const bareNewEach = await steady(() => bareRenderer().renderToBuffer(fresh()), 10);

  const rows: [string, number, number][] = [
    ['PNG 首张 / first', oursFirst, bareFirst],
    [`PNG 稳定 / steady (${STEADY_RUNS} 次)`, oursSteady, bareSteady],
    ['PNG 内容缓存命中 / cache hit', oursCached, bareSteady],
    ['每张新建渲染器 / new renderer per chart', oursSteady, bareNewEach],
  ];
  console.log(`数据 / data: ${source}; chart: plan overview ${WIDTH}×${HEIGHT}, ${view.targets.length} bars`);
  console.log(`${'dabiao ms'.padStart(10)} ${'bare ms'.padStart(10)}  measure`);
  for (const [name, ours, ref] of rows) {
    console.log(`${ours.toFixed(1).padStart(10)} ${ref.toFixed(1).padStart(10)}  ${name}`);
  }

  console.log('');
  console.log(
    `${'first s'.padStart(8)} ${'steady s'.padStart(9)} ${'cached s'.padStart(9)} ${'KiB'.padStart(6)} ${'bare PNGs s'.padStart(12)}  report`,
  );
  for (const v of all) {
    clearChartCache();
    let size = 0;
    const first = await time(async () => (size = (await buildPlanReport(v)).length));
    const again = await steady(async () => {
      clearChartCache();
      await buildPlanReport(v);
    }, 3);
    const cached = await steady(() => buildPlanReport(v), 3);
    // Reference: the report's charts (and PNG exports) drawn as PNG by bare renderers, one per size.
    const bares = new Map<string, ChartJSNodeCanvas>();
    const bareCharts = await time(async () => {
      for (const c of planChartPngs(v)) {
        const key = `${c.width}x${c.height}`;
        if (!bares.has(key)) bares.set(key, new ChartJSNodeCanvas({ width: c.width, height: c.height }));
        await bares.get(key)!.renderToBuffer(JSON.parse(JSON.stringify(c.config)));
      }
    });
    const name = `${v.plan.title.slice(0, 12)}…（${v.targets.length} 个目标，${planChartPngs(v).length} 张图）`;
    console.log(
      `${(first / 1000).toFixed(2).padStart(8)} ${(again / 1000).toFixed(2).padStart(9)} ${(cached / 1000).toFixed(2).padStart(9)} ${(size / 1024).toFixed(0).padStart(6)} ${(bareCharts / 1000).toFixed(2).padStart(12)}  ${name}`,
    );
  }
}
