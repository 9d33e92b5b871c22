/**
 * Excel `.xlsx` to one table of cell strings per worksheet. exceljs reports a merged
 * cell's value in every cell it covers, so a merged 责任单位 over 牵头单位 / 配合单位 or
 * a unit cell spanning several task rows reaches each row.
 */
import ExcelJS from 'exceljs';
import { unreadableDocument } from './sniff-format';

export interface SheetTable {
  sheet: string;
  rows: string[][];
}

/** Bounds against sheets styled out to column XFD or a million rows. */
const MAX_COLUMNS = 64;
const MAX_ROWS = 50_000;

/** A date cell as Chinese plans write dates (`2024年12月31日`), not as JavaScript prints them. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  const date =
    value instanceof Date
      ? value
      : value && typeof value === 'object' && 'result' in value && value.result instanceof Date
        ? value.result
        : null;
  if (date && !Number.isNaN(date.getTime())) {
    // exceljs reads dates as UTC midnight.
    return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  }
  return cell.text ?? '';
}

export async function xlsxTables(fileName: string, data: Buffer): Promise<SheetTable[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadableDocument('Excel', fileName, e);
  }
  return workbook.worksheets.map((sheet) => {
    const width = Math.min(sheet.columnCount, MAX_COLUMNS);
    const rows: string[][] = [];
    const height = Math.min(sheet.rowCount, MAX_ROWS);
    for (let r = 1; r <= height; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
      if (cells.some((cell) => cell.trim() !== '')) rows.push(cells);
    }
    return { sheet: sheet.name, rows };
  });
}
