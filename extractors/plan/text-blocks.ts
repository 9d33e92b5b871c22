/**
 * Splits plain text into prose and task tables, recognising the two layouts text exports
 * of plan tables take:
 * - rows as tab-separated lines, the header repeated after page breaks (`序号\t工作任务\t责任单位`);
 * - one cell per line, each cell line starting with a tab, rows separated by blank lines;
 * - Markdown pipe tables, as in a `.md` plan;
 * - columns aligned with spaces, as `pdftotext -layout` writes them.
 * Everything else is prose, one paragraph per line.
 */
import { alignedHeader, readAlignedRows } from './aligned-table';
import { findColumns } from './find-columns';
import { isPipeLine, pipeCells, readPipeRows } from './pipe-table';
import type { DocBlock } from './types';

/** Page furniture between table rows: `- 5 -`, `— 12 —`, `第 3 页`. */
const PAGE_NUMBER = /^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?[-—–\s]*$/;

const isBlank = (line: string): boolean => line.trim() === '';
const startsCell = (line: string): boolean => line.startsWith('\t');

interface TableRead {
  rows: string[][];
  /** Index of the first line after the table. */
  next: number;
}

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

/** Consecutive non-blank lines from `at`. */
function blockAt(lines: readonly string[], at: number): string[] {
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
  taskColumn: number,
): TableRead {
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
    rows.push(cells);
    i += block.length;
  }
  return { rows, next: i };
}

/** Prose and tables of a plain-text plan, in reading order. */
export function textBlocks(text: string): DocBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: DocBlock[] = [];
  let prose: string[] = [];
  const flushProse = (): void => {
    if (prose.length > 0) blocks.push({ kind: 'prose', lines: prose });
    prose = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (alignedHeader(line)) {
      flushProse();
      const table = readAlignedRows(lines, i);
      blocks.push({ kind: 'table', rows: table.rows });
      i = table.next;
      continue;
    }
    if (isPipeLine(line) && findColumns(pipeCells(line))) {
      flushProse();
      const table = readPipeRows(lines, i);
      blocks.push({ kind: 'table', rows: table.rows });
      i = table.next;
      continue;
    }
    if (!startsCell(line) && line.includes('\t')) {
      const columns = findColumns(line.split('\t'));
      if (columns) {
        flushProse();
        const table = readTabRows(lines, i, columns.task);
        blocks.push({ kind: 'table', rows: table.rows });
        i = table.next;
        continue;
      }
    }
    if (startsCell(line)) {
      const block = blockAt(lines, i);
      const header = blockCells(block);
      const columns = findColumns(header);
      if (columns) {
        flushProse();
        const table = readCellLineRows(lines, i, header.length, columns.task);
        blocks.push({ kind: 'table', rows: table.rows });
        i = table.next;
        continue;
      }
      // Not a header: the whole block is prose, read once.
      prose.push(...block.map((l) => l.trim()).filter((l) => l.length > 0));
      i += block.length;
      continue;
    }
    prose.push(line.trim());
    i++;
  }
  flushProse();
  return blocks;
}
