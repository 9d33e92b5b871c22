/**
 * The progress table as an Excel workbook statisticians can compute with: a title row and an
 * as-of row (截至 … 年底 · data state · generated at, Beijing time) above a frozen header;
 * target values, each year's figure, the 年均 so far and completion as numbers with number
 * formats, the unit in its own column; status cells in the PDF's tints; printed on A4
 * landscape, fit to the page width, the header repeated. A second sheet sums up the statuses
 * and 达标率 per responsible unit; on request one more sheet per unit holds its own rows.
 */
import ExcelJS from 'exceljs';
import { STATUS_COLORS } from '../charts/chart-style';
import { type Attainment, type PlanProgressView, type TargetProgressRow } from '../progress/types';
import { PROGRESS_COLUMNS, progressTableRows, type ProgressTableRow } from './progress-rows';
import { HANDLING_COLUMNS, handlingCells } from './report-handling';
import { tableTime, timeZoneLabel } from './report-dates';
import { DATA_STATE_LABELS } from './report-cover';
import { STATUS_TINTS } from './report-document';
import {
  MEASURES,
  STATUSES,
  STATUS_LABELS,
  defuseFormula,
  formatAttainment,
  formatPercent,
} from '../shared/index.js';

export interface ProgressXlsxOptions {
  /** One more sheet per responsible unit with the rows of its tasks. */
  perUnit?: boolean;
  generatedAt?: Date;
  /** The readers' clock for 生成于 (config.timeZone); default Asia/Shanghai. */
  timeZone?: string;
}

const [SEQ, TASK, TARGET, LATEST, COMPLETION, STATUS, LEAD] = PROGRESS_COLUMNS;
/** Rows above the header: title, as-of, the headline figures. */
const HEAD_ROWS = 3;
const HEADER_FILL = '#e9edf2';
/** Completion with one decimal, as formatPercent writes it: 99.6% is never shown as 100%. */
const PERCENT = '0.0%';

export async function buildProgressXlsx(view: PlanProgressView, options: ProgressXlsxOptions = {}): Promise<Buffer> {
  const at = (options.generatedAt ?? new Date()).toISOString();
  // The same 生成于 on every sheet.
  const made = `生成于 ${tableTime(at, options.timeZone)}（${timeZoneLabel(options.timeZone)}）`;
  const book = new ExcelJS.Workbook();
  book.creator = 'dabiao';
  book.title = `${view.plan.title} 进度明细`;
  book.subject = asOfLine(view, made);
  const years = yearsOf(view);
  const rows = progressTableRows(view);
  addProgressSheet(book, '进度明细', view, rows, years, view.unit, view.attainment, made);
  addUnitSheet(book, view, made);
  if (options.perUnit) {
    const names = new Set(book.worksheets.map((s) => s.name));
    for (const unit of view.units.filter((u) => u.total > 0)) {
      // The tasks the unit shares in, as `--unit` restricts a view.
      const own = progressTableRows({ ...view, tasks: view.tasks.filter((t) => t.units.includes(unit.unit)) });
      const name = sheetName(unit.unit, names);
      addProgressSheet(book, name, view, own, years, unit.unit, unit.attainment, made);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `截至 2025 年底 · 全部填报数据 · 生成于 2026-01-05 09:30（北京时间）`, with the unit when the view has one. */
function asOfLine(view: PlanProgressView, made: string, unit = view.unit): string {
  return [
    `截至 ${view.asOfYear} 年底`,
    DATA_STATE_LABELS[view.dataState],
    ...(unit ? [unit] : []),
    made,
  ].join(' · ');
}

/** The plan period's years up to the as-of year, and any earlier year a figure was entered for. */
function yearsOf(view: PlanProgressView): number[] {
  const years = new Set<number>();
  for (let y = view.plan.startYear; y <= view.asOfYear; y++) years.add(y);
  for (const t of view.targets) for (const s of t.progress.series) if (s.value !== null) years.add(s.year);
  return [...years].sort((a, b) => a - b);
}

/** Excel's rules for sheet names: 31 characters, none of `[]:*?/\`, unique. */
function sheetName(unit: string, taken: Set<string>): string {
  const base = unit.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '单位';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

/** `#,##0` for whole figures, two decimals otherwise (figures are rounded to two, as shown elsewhere). */
function figureFormat(value: number): string {
  return Number.isInteger(value) ? '#,##0' : '#,##0.00';
}

function addProgressSheet(
  book: ExcelJS.Workbook,
  name: string,
  view: PlanProgressView,
  rows: ProgressTableRow[],
  years: number[],
  unit: string | null,
  attainment: Attainment,
  made: string,
): void {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEAD_ROWS + 1, xSplit: 2 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEAD_ROWS + 1}:${HEAD_ROWS + 1}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  const columns: { header: string; width: number }[] = [
    { header: SEQ, width: 6 },
    { header: TASK, width: 36 },
    { header: TARGET, width: 28 },
    { header: '目标值', width: 10 },
    { header: '单位', width: 8 },
    { header: LATEST, width: 16 },
    ...years.map((y) => ({ header: `${y} 年`, width: 10 })),
    { header: '年均', width: 10 },
    { header: COMPLETION, width: 9 },
    { header: STATUS, width: 10 },
    { header: LEAD, width: 14 },
    { header: '责任单位', width: 22 },
    { header: '情况说明', width: 30 },
    ...HANDLING_COLUMNS.map((h) => ({ header: h, width: h.endsWith('时间') ? 17 : 12 })),
  ];
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const at = (header: string) => columns.findIndex((c) => c.header === header) + 1;
  const firstYear = at(`${years[0]} 年`);

  titleRows(sheet, columns.length, [
    unit ? `${view.plan.title} · ${unit}` : view.plan.title,
    asOfLine(view, made, unit),
    `${MEASURES.attainment.label} ${formatAttainment(attainment)}` +
      (unit ? '' : ` · ${MEASURES.completion.label} ${formatPercent(view.overallCompletion)}`),
  ]);
  const header = sheet.getRow(HEAD_ROWS + 1);
  header.values = columns.map((c) => c.header);
  styleHeader(header);
  header.getCell(at('年均')).note = '年均目标：规划期起至截至年度各年数据的平均值';
  header.getCell(at(COMPLETION)).note = '实际 ÷ 目标（越低越好的目标取倒数）';

  const byId = new Map(view.targets.map((t) => [t.targetId, t]));
  for (const row of rows) {
    const t = row.targetId === null ? null : byId.get(row.targetId)!;
    const figures = new Map((t?.progress.series ?? []).map((s) => [s.year, s.value]));
    const perMember = Boolean(t?.progress.members);
    const cells: (string | number | null)[] = [
      row.seq === '—' ? null : Number(row.seq),
      row.task,
      row.target,
      t?.value ?? null,
      t?.unit ?? null,
      row.latest === '—' ? null : row.latest,
      // A per-member target's yearly figures are the members' own; the plan has none to show.
      ...years.map((y) => (perMember ? null : (figures.get(y) ?? null))),
      t ? averageSoFar(t) : null,
      row.completionShare,
      row.status,
      row.leadUnit,
      row.units,
      row.note,
      // 填报人 and 核实人 apart, each with its time.
      ...(t === null ? ['—', '—', '—', '—'] : handlingCells(t)),
    ];
    // A task text or note typed as `=…` stays text when the sheet is opened.
    const added = sheet.addRow(cells.map((c) => (typeof c === 'string' ? defuseFormula(c) : c)));
    added.alignment = { vertical: 'top', wrapText: true };
    added.height = rowHeight(cells, columns);
    for (let col = at('目标值'); col <= at('年均'); col++) {
      const cell = added.getCell(col);
      if (typeof cell.value === 'number') cell.numFmt = figureFormat(cell.value);
      if (col >= firstYear) cell.alignment = { vertical: 'top', horizontal: 'right' };
    }
    added.getCell(at(COMPLETION)).numFmt = PERCENT;
    const tint = row.statusKey ? STATUS_TINTS[row.statusKey] : null;
    if (tint) added.getCell(at(STATUS)).fill = solid(tint);
  }
  sheet.autoFilter = {
    from: { row: HEAD_ROWS + 1, column: 1 },
    to: { row: HEAD_ROWS + 1, column: columns.length },
  };
}

/**
 * Points tall enough for the longest wrapped text of the row. Excel and LibreOffice do not
 * grow a row for wrapped text written by a program, so without a height the text is cut off.
 * A Chinese character takes about two width units, other characters about one.
 */
function rowHeight(cells: (string | number | null)[], columns: { width: number }[]): number {
  let lines = 1;
  // Slightly wide per character: an estimate that falls short cuts the last line off.
  cells.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const units = [...cell].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2.25 : 1.1), 0);
    lines = Math.max(lines, Math.ceil(units / Math.max(1, columns[i]!.width - 1)));
  });
  return Math.min(409, 15 * lines + 2);
}

/** For a 年均 target the mean judged (`progress.latest`), else nothing: a year's own figure is in its year's column. */
function averageSoFar(t: TargetProgressRow): number | null {
  const latest = t.progress.latest;
  return t.average && latest?.averageFrom !== undefined ? Math.round(latest.value * 100) / 100 : null;
}

function addUnitSheet(book: ExcelJS.Workbook, view: PlanProgressView, made: string): void {
  const sheet = book.addWorksheet('责任单位汇总', {
    views: [{ state: 'frozen', ySplit: HEAD_ROWS + 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const headers = ['责任单位', ...STATUSES.map((s) => STATUS_LABELS[s]), '合计', MEASURES.attainment.label];
  sheet.columns = headers.map((_, i) => ({ width: i === 0 ? 24 : 10 }));
  titleRows(sheet, headers.length, [
    `${view.plan.title} · 责任单位汇总`,
    asOfLine(view, made),
    `${MEASURES.attainment.label}：${MEASURES.attainment.definition}`,
  ]);
  const header = sheet.getRow(HEAD_ROWS + 1);
  header.values = headers;
  styleHeader(header);
  STATUSES.forEach((s, i) => (header.getCell(i + 2).fill = solid(STATUS_COLORS[s])));
  header.getCell(headers.length).note = MEASURES.attainment.definition;
  const add = (name: string, counts: Record<string, number>, total: number, attainment: Attainment) => {
    const row = sheet.addRow([name, ...STATUSES.map((s) => counts[s]), total, attainment.rate]);
    row.getCell(headers.length).numFmt = PERCENT;
    return row;
  };
  for (const u of view.units) add(u.unit, u.counts, u.total, u.attainment);
  add('全部', view.statusCounts, view.targets.length, view.attainment).font = { bold: true };
}

/** Title (bold, larger), then the as-of and headline lines, each merged across the table's width. */
function titleRows(sheet: ExcelJS.Worksheet, width: number, lines: string[]): void {
  lines.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    sheet.mergeCells(i + 1, 1, i + 1, width);
    row.font = i === 0 ? { bold: true, size: 14 } : { size: 10, color: { argb: 'FF555F6D' } };
    row.alignment = { vertical: 'middle' };
    if (i === 0) row.height = 24;
  });
}

function styleHeader(header: ExcelJS.Row): void {
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => (cell.fill = solid(HEADER_FILL)));
}

function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.replace('#', '').toUpperCase()}` } };
}
