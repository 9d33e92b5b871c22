/**
 * CSV in and out for figure sheets. Reading follows RFC 4180 (quoted fields, doubled quotes,
 * line breaks inside quotes); the bytes are decoded by `decodeText` (src/documents), which takes
 * what Excel on a Chinese Windows saves (UTF-8 with or without BOM, UTF-16, GB18030). Writing
 * adds a BOM so Excel opens Chinese headers correctly.
 */
import { parseCsv as parseDelimited } from './parse-csv';
import { defuseFormula } from '../shared/index.js';

/** Rows of cells, always comma-separated as our template is written; blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  return parseDelimited(text, ',');
}

/** A cell as CSV text, a formula-looking text defused with a leading quote mark (CSV injection). */
export function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  const text = String(cell);
  const s = defuseFormula(text);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writeCsv(rows: (string | number | null)[][]): Buffer {
  const body = rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}
