/**
 * The progress report of one plan as an A4 PDF, for leaders to read and print: cover,
 * summary with charts, the task table, lagging and missed targets, a chart per target, the
 * figures not yet reported, who entered and who verified each figure, and page numbers. Text pages come from pdfkit (the CJK font
 * embedded once, as a subset); the charts are vector PDFs merged in with pdf-lib.
 */
import type { PlanProgressView } from '../progress/types';
import { mergeCharts, type ChartSlot } from './report-charts';
import { drawCover } from './report-cover';
import { drawLaggingList, drawMissingFigures, drawProgressTable, drawTargetCharts } from './report-details';
import { createReportDocument, finishDocument, numberPages } from './report-document';
import { drawHandling } from './report-handling';
import { drawSummary } from './report-summary';

export interface PlanReportOptions {
  /** Date printed on the cover (default: now). */
  generatedAt?: Date;
  /** Leave out the chart per target (a short report); default true. */
  targetCharts?: boolean;
}

/**
 * @example await buildPlanReport(await loadPlanProgress(store, 1, { asOfYear: 2024 }), {})
 */
export async function buildPlanReport(view: PlanProgressView, options: PlanReportOptions = {}): Promise<Buffer> {
  const doc = createReportDocument({
    title: `${view.plan.title} 目标任务进度报告`,
    author: view.plan.issuer ?? undefined,
    subject: `截至 ${view.asOfYear} 年底${view.unit ? ` · ${view.unit}` : ''}`,
  });
  const slots: ChartSlot[] = [];
  drawCover(doc, view, options.generatedAt ?? new Date());
  doc.addPage();
  drawSummary(doc, view, slots);
  doc.addPage();
  drawProgressTable(doc, view);
  drawLaggingList(doc, view);
  if (options.targetCharts !== false) drawTargetCharts(doc, view, slots);
  drawMissingFigures(doc, view);
  drawHandling(doc, view);
  numberPages(doc);
  return mergeCharts(await finishDocument(doc), slots);
}
