/**
 * Reads the tasks of one table given as rows of cells: finds the header (also a two-level
 * header whose merged 责任单位 splits into 牵头单位 / 配合单位 below), skips header rows
 * repeated at page breaks and section rows merged across the table, and numbers rows whose
 * 序号 cell is empty (Word's automatic numbering is lost) by their order.
 */
import type { ExtractedTask } from '../types';
import { buildTask, joinCellLines } from './build-task';
import { findColumns, isHeaderWord, type TableColumns } from './find-columns';
import type { ExtractTargets } from './types';
import { indicatorTask } from './indicator-tasks';

export interface TableState {
  /** Columns of the task table read so far; a later table without a header continues it. */
  columns: TableColumns | null;
  /** Cells per row of that table: a headerless table continues it only when as wide. */
  width: number;
  /** Sequence number of the last task read, for numbering rows with an empty 序号 cell. */
  lastSeq: number;
}

const cellAt = (row: readonly string[], i: number | null): string =>
  i === null ? '' : (row[i] ?? '').trim();

/** `12`, `１２`, `12.`, `12、` → 12; anything else (empty, `（一）`) → null. */
function parseSeq(cell: string): number | null {
  const ascii = cell.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = /^(\d{1,4})[.．、]?$/.exec(ascii.replace(/\s/g, ''));
  return m ? Number(m[1]) : null;
}

/** The header row's cells, with the row below merged in when it names sub-columns. */
function readHeader(rows: readonly string[][], at: number): { columns: TableColumns; used: number } | null {
  const header = (rows[at] ?? []).map(joinCellLines);
  const below = (rows[at + 1] ?? []).map(joinCellLines);
  if (below.some((cell, i) => isHeaderWord(cell) && cell !== header[i])) {
    const merged = header.map((cell, i) => (isHeaderWord(below[i] ?? '') ? below[i]! : cell));
    const columns = findColumns(merged);
    if (columns) return { columns, used: 2 };
  }
  const columns = findColumns(header);
  return columns ? { columns, used: 1 } : null;
}

/** A row merged across the table (`一、思想政治教育` in every cell) or a lone section title. */
function isSectionRow(row: readonly string[], columns: TableColumns): boolean {
  const filled = row.map((c) => c.trim()).filter((c) => c.length > 0);
  if (filled.length >= 2 && new Set(filled).size === 1) return true;
  const seqCell = cellAt(row, columns.seq);
  return seqCell !== '' && parseSeq(seqCell) === null && cellAt(row, columns.task) === '';
}

/**
 * Tasks of one table, or null when it has no task header and continues no earlier table.
 * @example tasksFromRows([['序号', '工作任务', '责任单位'], ['1', '培育 2 所省级典型学校', '市教育局']], …)
 */
export function tasksFromRows(
  rows: readonly string[][],
  extractTargets: ExtractTargets,
  state: TableState = { columns: null, width: 0, lastSeq: 0 },
): ExtractedTask[] | null {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  let columns = width === state.width ? state.columns : null;
  let start = 0;
  const headerAt = rows.findIndex((row) => findColumns(row.map(joinCellLines)) !== null);
  if (headerAt >= 0) {
    const header = readHeader(rows, headerAt)!;
    columns = header.columns;
    start = headerAt + header.used;
  }
  if (!columns) return null;
  state.columns = columns;
  state.width = width;

  const tasks: ExtractedTask[] = [];
  if (columns.indicators) {
    for (const row of rows.slice(start)) {
      if (findColumns(row.map(joinCellLines))) continue; // the header repeated after a page break
      const seq = parseSeq(cellAt(row, columns.seq)) ?? state.lastSeq + 1;
      const task = indicatorTask(row, columns.indicators, seq, extractTargets);
      if (!task) continue;
      state.lastSeq = seq;
      tasks.push(task);
    }
    return tasks;
  }
  for (const row of rows.slice(start)) {
    const text = joinCellLines(cellAt(row, columns.task));
    // A header repeated after a page break has a header word where the task goes.
    if (!text || isHeaderWord(text) || isSectionRow(row, columns)) continue;
    const seq = parseSeq(cellAt(row, columns.seq)) ?? state.lastSeq + 1;
    const previous = tasks.at(-1);
    // A task cell spanning several rows repeats itself in each; read it once.
    if (previous && previous.text === text && previous.seq === seq) continue;
    state.lastSeq = seq;
    tasks.push(
      buildTask(
        {
          seq,
          text,
          lead: cellAt(row, columns.lead),
          support: cellAt(row, columns.support),
          timeLimit: columns.timeLimit === null ? null : cellAt(row, columns.timeLimit),
        },
        extractTargets,
      ),
    );
  }
  return tasks;
}
