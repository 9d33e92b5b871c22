/**
 * The audit log (操作日志) as an Excel workbook: one row per entry, newest first, Chinese
 * headers and action labels, before and after as JSON text. Every text cell passes through
 * `defuseFormula`: a plan title or a note typed as `=HYPERLINK(…)` stays text in Excel.
 */
import ExcelJS from 'exceljs';
import type { AuditAction } from '../shared/index.js';
import { AUDIT_ACTION_LABELS, defuseFormula } from '../shared/index.js';

/** An entry as the export reads it (the store's AuditRecord). */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  address: string | null;
  action: AuditAction;
  planId: number | null;
  taskId: number | null;
  targetId: number | null;
  subject: string | null;
  before: unknown;
  after: unknown;
}

const COLUMNS = [
  { header: '编号', width: 8 },
  { header: '时间', width: 22 },
  { header: '操作人', width: 14 },
  { header: '地址', width: 16 },
  { header: '操作', width: 14 },
  { header: '方案', width: 7 },
  { header: '任务', width: 7 },
  { header: '目标', width: 7 },
  { header: '对象', width: 22 },
  { header: '修改前', width: 50 },
  { header: '修改后', width: 50 },
];

const text = (value: string | null) => (value === null ? null : defuseFormula(value));
const json = (value: unknown) => (value === null || value === undefined ? null : defuseFormula(JSON.stringify(value)));

/** The entries as a workbook; `leftOut` > 0 adds a closing row saying how many older entries were left out. */
export async function buildAuditXlsx(entries: AuditRow[], leftOut = 0): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'dabiao';
  book.title = '操作日志';
  const sheet = book.addWorksheet('操作日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  for (const e of entries) {
    sheet.addRow([
      e.id,
      e.at,
      text(e.actor),
      text(e.address),
      AUDIT_ACTION_LABELS[e.action],
      e.planId,
      e.taskId,
      e.targetId,
      text(e.subject),
      json(e.before),
      json(e.after),
    ]).alignment = { vertical: 'top', wrapText: true };
  }
  if (leftOut > 0) sheet.addRow([null, `另有 ${leftOut} 条较早的记录未导出，请缩小筛选范围`]);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
