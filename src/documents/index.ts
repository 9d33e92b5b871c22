/** Document input: file bytes to text or table rows, then to a plan's tasks. */
export { readPlan } from './read-plan';
export { decodeText, type DecodedText, type TextEncoding } from './decode-text';
export { sniffFormat, type DocumentFormat } from './sniff-format';
export { parseCsv } from './parse-csv';
export { htmlBlocks } from './html-blocks';
export { docxBlocks } from './docx-blocks';
export { xlsxTables, type SheetTable } from './xlsx-tables';
export { readReportText } from './read-report-text';
