/**
 * CSV in and out for figure sheets. Reading follows RFC 4180 (quoted fields, doubled quotes,
 * line breaks inside quotes); the bytes are decoded by `decodeText` (src/documents), which takes
 * what Excel on a Chinese Windows saves (UTF-8 with or without BOM, UTF-16, GB18030). Writing
 * adds a BOM so Excel opens Chinese headers correctly.
 */
import { parseCsv as parseDelimited } from './parse-csv';

/** Rows of cells, always comma-separated as our template is written; blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  return parseDelimited(text, ',');
}

/**
 * What a spreadsheet would run as a formula: a text starting with = + - @, a tab or a carriage
 * return (`-2+3+cmd|…` included). Only a whole number (`-5`, `-0.25`) keeps its leading minus.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const WHOLE_NUMBER = /^-?\d+(\.\d+)?$/;

/** A cell as CSV text, a formula-looking text defused with a leading quote mark (CSV injection). */
export function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  const text = String(cell);
  const s = FORMULA_START.test(text) && !WHOLE_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writeCsv(rows: (string | number | null)[][]): Buffer {
  const body = rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}
