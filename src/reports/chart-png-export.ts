/**
 * The charts of a plan as PNG files, at twice the pixel density, for pasting into Word: the
 * overview, the status distribution, the units chart and one chart per target.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import { crossPlanChart } from '../charts/cross-plan-chart';
import { crossPlanGroups } from '../charts/cross-plan-groups';
import { planOverviewChart, planOverviewHeight } from '../charts/plan-overview-chart';
import { renderChart } from './render-chart';
import { statusDistributionChart } from '../charts/status-distribution-chart';
import { targetTrendChart } from '../charts/target-trend-chart';
import { unitStatusChart, unitStatusHeight } from '../charts/unit-status-chart';
import type { PlanProgressView } from '../progress/types';
import { safeFileName } from './safe-file-name';

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

/**
 * The same kind of target across plans (思政示范课程 in 吉林市 and 四平市), one PNG per kind,
 * named `对比-思政示范课.png`; returns the paths written.
 */
export async function exportCrossPlanPngs(views: PlanProgressView[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const group of crossPlanGroups(views)) {
    const config = crossPlanChart(group.items, `${group.subject}：各方案对比`);
    const file = path.join(dir, `对比-${safeFileName(group.subject)}.png`);
    await writeFile(file, await renderChart(config, { width: 720, height: 400, devicePixelRatio: 2 }));
    written.push(file);
  }
  return written;
}
