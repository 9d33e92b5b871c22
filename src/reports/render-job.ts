/**
 * What a render worker is asked to draw, as plain data that crosses a thread: a chart
 * configuration with its size, or a progress view to lay out as the report (PDF or Word) or
 * the xlsx sheet. `drawRenderJob` is the one function that turns a job into bytes, on whichever thread
 * runs it (the pool's workers for the server, the CLI's own thread for `dabiao report`).
 */
import type { ChartConfiguration } from 'chart.js';
import type { PlanProgressView } from '../progress/types';
import type { RenderChartOptions } from './render-chart';

export type RenderJob =
  | { kind: 'chart'; config: ChartConfiguration; options: Omit<RenderChartOptions, 'cache'> }
  | { kind: 'report'; view: PlanProgressView; options?: ReportJobOptions }
  | { kind: 'docx'; view: PlanProgressView; options?: ReportJobOptions }
  | { kind: 'xlsx'; view: PlanProgressView; perUnit?: boolean; timeZone?: string };

/** The report's options as plain data: the moment it is made as an ISO string, the readers' time zone. */
export interface ReportJobOptions {
  generatedAt?: string;
  timeZone?: string;
}

function layoutOptions(options: ReportJobOptions = {}) {
  return {
    timeZone: options.timeZone,
    generatedAt: options.generatedAt === undefined ? undefined : new Date(options.generatedAt),
  };
}

/** Draws one job; modules load on first use of each kind. */
export async function drawRenderJob(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'chart': {
      const { renderChart } = await import('./render-chart');
      return renderChart(job.config, job.options);
    }
    case 'report': {
      const { buildPlanReport } = await import('./plan-report-pdf');
      return buildPlanReport(job.view, layoutOptions(job.options));
    }
    case 'docx': {
      const { buildPlanReportDocx } = await import('./plan-report-docx');
      return buildPlanReportDocx(job.view, layoutOptions(job.options));
    }
    case 'xlsx': {
      const { buildProgressXlsx } = await import('./progress-xlsx');
      return buildProgressXlsx(job.view, { perUnit: job.perUnit, timeZone: job.timeZone });
    }
  }
}
