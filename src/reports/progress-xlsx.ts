/**
 * The progress table as an Excel workbook for statisticians: the same columns as the PDF
 * report (plus all responsible units and the note), Chinese headers, a frozen header row with
 * filters, status cells coloured, completion as a real percentage; a second sheet sums up
 * the statuses per responsible unit.
 */
import ExcelJS from 'exceljs';
import { STATUS_COLORS } from '../charts/chart-style';
import { type PlanProgressView } from '../progress/types';
import { PROGRESS_COLUMNS, progressTableRows } from './progress-rows';
import { HANDLING_COLUMNS, handlingCells } from './report-handling';
import { DATA_STATE_LABELS } from './report-cover';
import { STATUS_TINTS } from './report-document';
import { STATUSES, STATUS_LABELS, defuseFormula } from '../shared/index.js';

const WIDTHS = [6, 48, 36, 18, 9, 10, 14, 30, 40, 12, 17, 12, 17];

export async function buildProgressXlsx(view: PlanProgressView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'dabiao';
  book.title = `${view.plan.title} 进度明细`;
  book.subject = `截至 ${view.asOfYear} 年底 · ${DATA_STATE_LABELS[view.dataState]}${view.unit ? ` · ${view.unit}` : ''}`;
  addProgressSheet(book, view);
  addUnitSheet(book, view);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addProgressSheet(book: ExcelJS.Workbook, view: PlanProgressView): void {
  const sheet = book.addWorksheet('进度明细', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const headers = [...PROGRESS_COLUMNS, '责任单位', '情况说明', ...HANDLING_COLUMNS];
  const byId = new Map(view.targets.map((t) => [t.targetId, t]));
  sheet.columns = headers.map((header, i) => ({ header, width: WIDTHS[i] }));
  for (const row of progressTableRows(view)) {
    // Every row repeats its task, so the sheet can be sorted and filtered freely.
    const cells = [
      row.seq === '—' ? null : Number(row.seq),
      row.task,
      row.target,
      row.latest === '—' ? null : row.latest,
      row.completionShare,
      row.status,
      row.leadUnit,
      row.units,
      row.note,
      // 填报人 and 核实人 apart, each with its time.
      ...(row.targetId === null ? ['—', '—', '—', '—'] : handlingCells(byId.get(row.targetId)!)),
    ];
    // A task text or note typed as `=…` stays text when the sheet is opened.
    const added = sheet.addRow(cells.map((c) => (typeof c === 'string' ? defuseFormula(c) : c)));
    added.alignment = { vertical: 'top', wrapText: true };
    added.getCell(5).numFmt = '0%';
    const tint = row.statusKey ? STATUS_TINTS[row.statusKey] : null;
    if (tint) added.getCell(6).fill = solid(tint);
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => (cell.fill = solid('#e9edf2')));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

function addUnitSheet(book: ExcelJS.Workbook, view: PlanProgressView): void {
  const sheet = book.addWorksheet('责任单位汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '责任单位', width: 24 },
    ...STATUSES.map((s) => ({ header: STATUS_LABELS[s], width: 10 })),
    { header: '合计', width: 8 },
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  STATUSES.forEach((s, i) => (header.getCell(i + 2).fill = solid(STATUS_COLORS[s])));
  header.getCell(1).fill = solid('#e9edf2');
  for (const u of view.units) sheet.addRow([u.unit, ...STATUSES.map((s) => u.counts[s]), u.total]);
  sheet.addRow(['全部', ...STATUSES.map((s) => view.statusCounts[s]), view.targets.length]).font = { bold: true };
}

function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.replace('#', '').toUpperCase()}` } };
}
