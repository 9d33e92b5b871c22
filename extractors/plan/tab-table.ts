/**
 * Rows as tab-separated lines (`序号\t工作任务\t责任单位`), the header repeated after page
 * breaks, page numbers between rows, and a cell wrapped onto the next line.
 */
import { startsCell } from './cell-line-table';
import { findColumns } from './find-columns';
import { isBlank, PAGE_NUMBER, type TableRead } from './table-read';

/** Tab-separated rows from a header line on; a wrapped line continues the cell it broke. */
function readTabRows(lines: readonly string[], at: number, taskColumn: number): TableRead {
  const rows: string[][] = [lines[at]!.split('\t').map((c) => c.trim())];
  const width = rows[0]!.length;
  let i = at + 1;
  let afterRow = true;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      afterRow = false;
      continue;
    }
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => c.trim());
      const last = rows.at(-1)!;
      // A row cut short by a wrapped cell goes on in the next line: its first piece ends that cell.
      if (afterRow && rows.length > 1 && last.length < width && last.length + cells.length - 1 <= width) {
        last[last.length - 1] += '\n' + cells[0];
        last.push(...cells.slice(1));
      } else rows.push(cells);
      afterRow = true;
      continue;
    }
    if (PAGE_NUMBER.test(line)) continue;
    let ahead = i + 1;
    while (ahead < lines.length && isBlank(lines[ahead]!)) ahead++;
    const nextLine = lines[ahead];
    const last = rows.at(-1)!;
    if (afterRow && nextLine?.includes('\t') && rows.length > 1 && last[taskColumn] !== undefined) {
      last[taskColumn] += '\n' + line.trim();
      continue;
    }
    break;
  }
  return { rows, next: i };
}

/** The table whose header is the line at `at`, or null when that line is no such header. */
export function readTabTable(lines: readonly string[], at: number): TableRead | null {
  const line = lines[at]!;
  if (startsCell(line) || !line.includes('\t')) return null;
  const columns = findColumns(line.split('\t'));
  return columns ? readTabRows(lines, at, columns.task) : null;
}
