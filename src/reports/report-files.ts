/**
 * Writes a plan's report files — the PDF and, when asked, the xlsx table and the chart
 * PNGs — under names an office can file: `吉林市…实施方案-市教育局-进度报告-2024.pdf`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlanProgressView } from '../progress/types';
import { exportChartPngs } from './chart-png-export';
import { buildPlanReport } from './plan-report-pdf';
import { buildProgressXlsx } from './progress-xlsx';
import { safeFileName } from './safe-file-name';

/** `吉林市…实施方案-市教育局-进度报告-2024.pdf` (the unit only when the report is for one). */
export function reportFileName(view: PlanProgressView, ext: 'pdf' | 'xlsx'): string {
  const parts = [view.plan.title, view.unit, ext === 'pdf' ? '进度报告' : '进度表', String(view.asOfYear)];
  return `${safeFileName(parts.filter(Boolean).join('-'))}.${ext}`;
}

/** Writes the PDF and, when asked, the xlsx and the PNGs (directories created); returns every path written. */
export async function writeReportFiles(
  view: PlanProgressView,
  files: { pdf: string; xlsx?: string; pngDir?: string; unitSheets?: boolean },
): Promise<string[]> {
  const written: string[] = [];
  const put = async (file: string, data: Promise<Buffer>) => {
    const target = path.resolve(file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await data);
    written.push(target);
  };
  await put(files.pdf, buildPlanReport(view));
  if (files.xlsx) await put(files.xlsx, buildProgressXlsx(view, { perUnit: files.unitSheets }));
  if (files.pngDir) written.push(...(await exportChartPngs(view, path.resolve(files.pngDir))));
  return written;
}
