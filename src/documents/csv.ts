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

function quote(cell: string | number | null): string {
  const s = cell === null ? '' : String(cell);
  // A leading = + - @ would run as a formula in Excel: prefix a quote mark (CSV injection).
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(rows: (string | number | null)[][]): Buffer {
  const body = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}
