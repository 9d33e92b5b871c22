/**
 * Splits plain text into prose and task tables. Each layout in which text exports of plan
 * tables come is a named reader that recognises its own header line; everything else is
 * prose, one paragraph per line.
 */
import { readAlignedTable } from './aligned-table';
import { blockAt, readCellLineTable, startsCell } from './cell-line-table';
import { readPipeTable } from './pipe-table';
import { readTabTable } from './tab-table';
import { isBlank, type TableRead } from './table-read';
import type { DocBlock } from './types';

interface TableLayout {
  name: string;
  /** The table whose header is at line `at`, or null when the line is no header of this layout. */
  read(lines: readonly string[], at: number): TableRead | null;
}

export const TABLE_LAYOUTS: readonly TableLayout[] = [
  /** `序号\t工作任务\t责任单位` rows, headers repeated at page breaks (Jilin). */
  { name: 'tab-rows', read: readTabTable },
  /** `\t序号` / `\t工作任务` / `\t责任单位`, one cell per line, rows between blank lines (Siping). */
  { name: 'cell-lines', read: readCellLineTable },
  /** `| 序号 | 工作任务 | 责任单位 |` in a Markdown plan. */
  { name: 'pipe', read: readPipeTable },
  /** Columns aligned with spaces, as `pdftotext -layout` writes them. */
  { name: 'aligned', read: readAlignedTable },
];

/** Prose and tables of a plain-text plan, in reading order. */
export function textBlocks(text: string): DocBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: DocBlock[] = [];
  let prose: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const table = TABLE_LAYOUTS.reduce<TableRead | null>(
      (found, layout) => found ?? layout.read(lines, i),
      null,
    );
    if (table) {
      if (prose.length > 0) blocks.push({ kind: 'prose', lines: prose });
      prose = [];
      blocks.push({ kind: 'table', rows: table.rows });
      i = table.next;
      continue;
    }
    // A block of cell lines that is no header is prose; taking it whole reads each line once.
    const block = startsCell(line) ? blockAt(lines, i) : [line];
    prose.push(...block.map((l) => l.trim()).filter((l) => l.length > 0));
    i += block.length;
  }
  if (prose.length > 0) blocks.push({ kind: 'prose', lines: prose });
  return blocks;
}
