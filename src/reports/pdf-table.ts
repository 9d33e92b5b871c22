/**
 * A table drawn with pdfkit that breaks across pages and repeats its header on every page.
 * Row heights are measured with the document's own text metrics; where rows break is a pure
 * function (`paginateRows`) so it is tested without a PDF.
 */
import type { ReportRow } from './report-blocks';
import { COLORS, FONT, PAGE, type Doc } from './report-document';

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A row as the layout gives it: cells, status tints, the cells that repeat the task on a new page. */
export type TableRow = ReportRow;

const PAD = 4;
const FONT_SIZE = 9;

/**
 * Splits rows into pages: the first page has `firstAvailable` points, later pages
 * `pageAvailable`; each page also holds the header. A row that opens a later page takes its
 * `openingHeights` height (it repeats the task it continues). A row taller than a page gets
 * a page of its own rather than being lost. Returns the row indexes of each page.
 */
export function paginateRows(
  heights: number[],
  headerHeight: number,
  firstAvailable: number,
  pageAvailable: number,
  openingHeights: number[] = heights,
): number[][] {
  const pages: number[][] = [[]];
  let room = firstAvailable - headerHeight;
  heights.forEach((h, i) => {
    const page = pages[pages.length - 1]!;
    if (h > room && page.length > 0) {
      pages.push([i]);
      room = pageAvailable - headerHeight - (openingHeights[i] ?? h);
    } else {
      page.push(i);
      room -= h;
    }
  });
  return pages;
}

/** Draws the table from the current position; leaves `doc.y` below its last row. */
export function drawTable(doc: Doc, columns: TableColumn[], rows: TableRow[]): void {
  doc.font(FONT.regular).fontSize(FONT_SIZE);
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(FONT_SIZE);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: columns[i]!.width - 2 * PAD }))) +
      2 * PAD
    );
  };
  const headerHeight = heightOf(
    columns.map((c) => c.header),
    FONT.bold,
  );
  const heights = rows.map((r) => heightOf(r.cells, FONT.regular));
  const opening = rows.map((r, i) => (r.continuation ? heightOf(r.continuation, FONT.regular) : heights[i]!));
  let startY = doc.y;
  if (startY + headerHeight + (heights[0] ?? 0) > PAGE.contentBottom) {
    doc.addPage();
    startY = doc.y;
  }
  const pageAvailable = PAGE.contentBottom - PAGE.top;
  const pages = paginateRows(heights, headerHeight, PAGE.contentBottom - startY, pageAvailable, opening);
  pages.forEach((indexes, p) => {
    if (p > 0) doc.addPage();
    let y = p === 0 ? startY : PAGE.top;
    drawRow(doc, columns, columns.map((c) => c.header), y, headerHeight, FONT.bold, columns.map(() => COLORS.header));
    y += headerHeight;
    indexes.forEach((i, k) => {
      const row = rows[i]!;
      const opens = k === 0 && p > 0 && row.continuation !== undefined;
      const height = opens ? opening[i]! : heights[i]!;
      drawRow(doc, columns, opens ? row.continuation! : row.cells, y, height, FONT.regular, row.tints);
      y += height;
    });
    doc.y = y + 6;
  });
  doc.x = PAGE.left;
  doc.font(FONT.regular).fontSize(10.5).fillColor(COLORS.text);
}

function drawRow(
  doc: Doc,
  columns: TableColumn[],
  cells: string[],
  y: number,
  height: number,
  font: string,
  fills?: (string | null)[],
): void {
  let x = PAGE.left;
  columns.forEach((col, i) => {
    const fill = fills?.[i];
    if (fill) doc.rect(x, y, col.width, height).fill(fill);
    doc.rect(x, y, col.width, height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc
      .font(font)
      .fontSize(FONT_SIZE)
      .fillColor(COLORS.text)
      .text(cells[i] ?? '', x + PAD, y + PAD, { width: col.width - 2 * PAD, align: col.align ?? 'left' });
    x += col.width;
  });
}
