/**
 * Tables laid out with spaces, as `pdftotext -layout` writes them: columns separated by two
 * or more spaces, a long cell wrapped onto following lines at its column's position. A line
 * with every cell starts a row; a line with fewer cells continues the row above, each piece
 * going to the column whose position it is nearest.
 */
import { findColumns, type TableColumns } from './find-columns';
import { PAGE_NUMBER, type TableRead } from './table-read';

/** Runs of two or more spaces (or a full-width space) separate columns. */
const GAP = /(?: {2,}|\u3000+|\t+)/g;
const SEQ = /^\d{1,4}[.．、]?$/;
/**
 * After a blank line, a line in one piece that reads as prose (a sentence, a section heading, a
 * note) ends the table: `二、重点任务`, `（一）深入打好…。`, `注：…` are no wrapped cell.
 */
const PROSE_AFTER_TABLE =
  /[。；;]|^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]+[章节条]|注\s*[：:])/;

interface Piece {
  text: string;
  /** Display column where the piece starts: CJK characters take two. */
  at: number;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** The pieces of a line between gaps, with their display positions. */
export function alignedPieces(line: string): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  const push = (to: number): void => {
    const raw = line.slice(from, to);
    const text = raw.trim();
    if (text) pieces.push({ text, at: width(line.slice(0, from)) + width(raw) - width(raw.trimStart()) });
  };
  for (const m of line.matchAll(GAP)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(line.length);
  return pieces;
}

/** Columns of a space-aligned header line, or null when it is not one. */
function alignedHeader(line: string): TableColumns | null {
  if (line.includes('\t')) return null;
  const pieces = alignedPieces(line);
  return pieces.length >= 2 ? findColumns(pieces.map((p) => p.text)) : null;
}

function nearest(starts: readonly number[], at: number): number {
  let best = 0;
  starts.forEach((s, i) => {
    if (Math.abs(s - at) < Math.abs(starts[best]! - at)) best = i;
  });
  return best;
}

/** Rows from the header line at `at` on, and the index of the first line after the table. */
function readAlignedRows(lines: readonly string[], at: number, columns: TableColumns): TableRead {
  const header = alignedPieces(lines[at]!);
  const count = header.length;
  // Data sits left-aligned while headers are often centred: positions come from full rows.
  let starts = header.map((p) => p.at);
  const rows: string[][] = [header.map((p) => p.text)];
  let i = at + 1;
  let afterBlank = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || PAGE_NUMBER.test(line)) {
      afterBlank = true;
      continue;
    }
    const pieces = alignedPieces(line);
    if (afterBlank && pieces.length === 1 && PROSE_AFTER_TABLE.test(pieces[0]!.text)) break;
    afterBlank = false;
    const startsRow =
      pieces.length === count || (columns.seq !== null && SEQ.test(pieces[0]!.text) && pieces.length > 1);
    if (startsRow && pieces.length === count) {
      starts = pieces.map((p) => p.at);
      rows.push(pieces.map((p) => p.text));
      continue;
    }
    const row = Array.from({ length: count }, () => '');
    for (const piece of pieces)
      row[nearest(starts, piece.at)] += (row[nearest(starts, piece.at)] ? ' ' : '') + piece.text;
    if (startsRow) {
      rows.push(row);
      continue;
    }
    // A line starting left of the task column is prose after the table, not a wrapped cell.
    if (rows.length === 1 || pieces[0]!.at < starts[columns.task]! - 2) break;
    const last = rows.at(-1)!;
    row.forEach((text, c) => {
      if (text) last[c] = last[c] ? `${last[c]}\n${text}` : text;
    });
  }
  return { rows, next: i };
}

/** The table whose header is the line at `at`, or null when that line is no such header. */
export function readAlignedTable(lines: readonly string[], at: number): TableRead | null {
  const columns = alignedHeader(lines[at]!);
  return columns ? readAlignedRows(lines, at, columns) : null;
}
