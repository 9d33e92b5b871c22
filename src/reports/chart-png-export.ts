/**
 * The charts of a plan as PNG files, at twice the pixel density, for pasting into Word: the
 * overview, the status distribution, the units chart and one chart per target.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import { planOverviewChart, planOverviewHeight } from '../charts/plan-overview-chart';
import { renderChart } from '../charts/render-chart';
import { statusDistributionChart } from '../charts/status-distribution-chart';
import { targetTrendChart } from '../charts/target-trend-chart';
import { unitStatusChart, unitStatusHeight } from '../charts/unit-status-chart';
import type { PlanProgressView } from '../progress/types';

export interface ChartPng {
  /** File name without directory, e.g. `目标-任务20-1.png`. */
  name: string;
  config: ChartConfiguration;
  width: number;
  height: number;
}

/** Every chart of a plan with a file name and a size (pure; nothing is drawn). */
export function planChartPngs(view: PlanProgressView): ChartPng[] {
  const charts: ChartPng[] = [];
  if (view.targets.length > 0) {
    charts.push({ name: '总览.png', config: planOverviewChart(view), width: 800, height: planOverviewHeight(view) });
    charts.push({ name: '状态分布.png', config: statusDistributionChart(view), width: 640, height: 320 });
    charts.push({ name: '责任单位.png', config: unitStatusChart(view), width: 800, height: unitStatusHeight(view) });
  }
  const perTask = new Map<number | null, number>();
  for (const t of view.targets) {
    const n = (perTask.get(t.seq) ?? 0) + 1;
    perTask.set(t.seq, n);
    const name = `目标-任务${t.seq ?? '无序号'}-${n}.png`;
    charts.push({ name, config: targetTrendChart(view, t.targetId), width: 720, height: 360 });
  }
  return charts;
}

/** Draws every chart into `dir` (created if needed); returns the paths written. */
export async function exportChartPngs(view: PlanProgressView, dir: string, devicePixelRatio = 2): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const chart of planChartPngs(view)) {
    const png = await renderChart(chart.config, { width: chart.width, height: chart.height, devicePixelRatio });
    const file = path.join(dir, chart.name);
    await writeFile(file, png);
    written.push(file);
  }
  return written;
}
