/**
 * Reads a filled-in figure sheet (.xlsx or .csv) into rows of named cells. Columns are found
 * by their Chinese header, in any order and on any row, so a user may add a title row or
 * move columns; row numbers are those Excel shows.
 */
import ExcelJS from 'exceljs';
import { checkArchive } from '../documents/archive-guard';
import { DomainError } from '../errors';
import { decodeText } from '../documents/decode-text';
import { parseCsv } from '../documents/csv';
import { TEMPLATE_COLUMNS, type TemplateColumn } from './measurement-template';

export interface SheetRow {
  /** Row number as shown by Excel. */
  line: number;
  cells: Partial<Record<TemplateColumn, string>>;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

async function readXlsx(fileName: string, data: Buffer): Promise<string[][]> {
  checkArchive('Excel', fileName, data);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('unsupported_format', '无法读取该 Excel 文件 / cannot read this .xlsx file');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Reads the sheet by file type; columns are found by their Chinese header, in any order. */
export async function readMeasurementSheet(fileName: string, data: Buffer): Promise<SheetRow[]> {
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  let grid: string[][];
  if (/\.xlsx$/i.test(fileName) || isZip) grid = await readXlsx(fileName, data);
  else if (/\.(csv|txt)$/i.test(fileName)) grid = parseCsv(decodeText(data, fileName).text);
  else
    throw new DomainError('unsupported_format', '请上传 .xlsx 或 .csv 文件 / upload an .xlsx or .csv file');

  const headerIndex = grid.findIndex((r) => r.some((c) => c.trim() === '目标编号'));
  if (headerIndex < 0) {
    throw new DomainError('validation_failed', undefined, [
      {
        path: ['rows', 1],
        message: '找不到表头“目标编号”，请使用下载的模板 / header 目标编号 not found: use the template',
      },
    ]);
  }
  const header = grid[headerIndex]!.map((c) => c.trim());
  const columns = TEMPLATE_COLUMNS.map((name) => [name, header.indexOf(name)] as const).filter(
    ([, i]) => i >= 0,
  );
  const rows: SheetRow[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const line = grid[r]!;
    if (line.every((c) => c.trim() === '')) continue;
    const cells: SheetRow['cells'] = {};
    for (const [name, i] of columns) cells[name] = (line[i] ?? '').trim();
    rows.push({ line: r + 1, cells });
  }
  return rows;
}
