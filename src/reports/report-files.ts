/**
 * Writes a plan's report files — the report (PDF, or Word when the name ends in .docx) and,
 * when asked, the xlsx table and the chart PNGs — under names an office can file:
 * `吉林市…实施方案-市教育局-进度报告-2024.pdf`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlanProgressView } from '../progress/types';
import { exportChartPngs } from './chart-png-export';
import { buildPlanReport } from './plan-report-pdf';
import type { ReportLayoutOptions } from './report-blocks';
import { buildProgressXlsx } from './progress-xlsx';
import { safeFileName } from './safe-file-name';

/** `吉林市…实施方案-市教育局-进度报告-2024.pdf` (the unit only when the report is for one). */
export function reportFileName(view: PlanProgressView, ext: 'pdf' | 'docx' | 'xlsx'): string {
  const parts = [view.plan.title, view.unit, ext === 'xlsx' ? '进度表' : '进度报告', String(view.asOfYear)];
  return `${safeFileName(parts.filter(Boolean).join('-'))}.${ext}`;
}

/** True when a report file name asks for Word (`.docx`, any case) rather than PDF. */
export function isDocxName(file: string): boolean {
  return path.extname(file).toLowerCase() === '.docx';
}

/**
 * Writes the report (`report`: PDF, or Word for a `.docx` name) and, when asked, the xlsx and
 * the PNGs (directories created); returns every path written.
 */
export async function writeReportFiles(
  view: PlanProgressView,
  files: { report: string; xlsx?: string; pngDir?: string; unitSheets?: boolean },
  options: ReportLayoutOptions = {},
): Promise<string[]> {
  const written: string[] = [];
  const put = async (file: string, data: Promise<Buffer>) => {
    const target = path.resolve(file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await data);
    written.push(target);
  };
  const report = isDocxName(files.report)
    ? import('./plan-report-docx').then(({ buildPlanReportDocx }) => buildPlanReportDocx(view, options))
    : buildPlanReport(view, options);
  await put(files.report, report);
  if (files.xlsx) await put(files.xlsx, buildProgressXlsx(view, { perUnit: files.unitSheets, timeZone: options.timeZone }));
  if (files.pngDir) written.push(...(await exportChartPngs(view, path.resolve(files.pngDir))));
  return written;
}
