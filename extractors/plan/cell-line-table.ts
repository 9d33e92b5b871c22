/**
 * One cell per line, each cell line starting with a tab, rows separated by blank lines, the
 * header as the first such row (`\t序号` / `\t工作任务` / `\t责任单位`).
 */
import { findColumns, type TableColumns } from './find-columns';
import { isBlank, type TableRead } from './table-read';

const SEQ = /^[\d０-９]{1,4}[.．、]?$/;

export const startsCell = (line: string): boolean => line.startsWith('\t');

/** Consecutive non-blank lines from `at`. */
export function blockAt(lines: readonly string[], at: number): string[] {
  const block: string[] = [];
  for (let i = at; i < lines.length && !isBlank(lines[i]!); i++) block.push(lines[i]!);
  return block;
}

/** Cells of a one-cell-per-line block; a line without the leading tab continues its cell. */
function blockCells(block: readonly string[]): string[] {
  const cells: string[] = [];
  for (const line of block) {
    if (startsCell(line) || cells.length === 0) cells.push(line.trim());
    else cells[cells.length - 1] += '\n' + line.trim();
  }
  return cells;
}

/** Rows of the one-cell-per-line layout; extra cell lines in a row belong to its task cell. */
function readCellLineRows(
  lines: readonly string[],
  at: number,
  width: number,
  columns: TableColumns,
): TableRead {
  const taskColumn = columns.task;
  const rows: string[][] = [];
  let i = at;
  while (i < lines.length) {
    if (isBlank(lines[i]!)) {
      i++;
      continue;
    }
    const block = blockAt(lines, i);
    if (!startsCell(block[0]!)) break;
    let cells = blockCells(block);
    if (cells.length > width) {
      const extra = cells.length - width;
      const task = cells.slice(taskColumn, taskColumn + extra + 1).join('\n');
      cells = [...cells.slice(0, taskColumn), task, ...cells.slice(taskColumn + extra + 1)];
    }
    // A row short of cells whose 序号 is not a number lost its sequence cell (numbered by Word).
    if (cells.length < width && columns.seq !== null && !SEQ.test(cells[columns.seq] ?? '')) {
      cells.splice(columns.seq, 0, '');
    }
    rows.push(cells);
    i += block.length;
  }
  return { rows, next: i };
}

/** The table whose header block starts at `at`, or null when that block is no header. */
export function readCellLineTable(lines: readonly string[], at: number): TableRead | null {
  if (!startsCell(lines[at]!)) return null;
  const header = blockCells(blockAt(lines, at));
  const columns = findColumns(header);
  return columns ? readCellLineRows(lines, at, header.length, columns) : null;
}
