/**
 * Vector charts in a pdfkit report. pdfkit reserves a box for each chart while it lays out
 * the text; afterwards each chart is rendered as a one-page vector PDF (text kept as glyphs)
 * and drawn into its box with pdf-lib. pdf-lib only merges: it never subsets a CJK font
 * itself (its subsetting breaks CJK glyphs), the fonts come from pdfkit and cairo.
 */
import type { ChartConfiguration } from 'chart.js';
import { PDFDocument } from 'pdf-lib';
import { renderChart } from './render-chart';
import { chartBox } from './report-blocks';
import { PAGE, ensureSpace, type Doc } from './report-document';

export interface ChartSlot {
  config: ChartConfiguration;
  /** Zero-based page index in the pdfkit document. */
  page: number;
  /** Box on the page in pdfkit coordinates (points, origin top-left). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Size the chart is laid out at; fonts shrink by width / renderWidth on the page. */
  renderWidth: number;
  renderHeight: number;
}

/**
 * Reserves a box for a chart laid out at `renderWidth` × `renderHeight`, scaled to fit the
 * content width (and at most `maxHeight` points tall), starting a page if it does not fit.
 */
export function reserveChart(
  doc: Doc,
  slots: ChartSlot[],
  config: ChartConfiguration,
  renderWidth: number,
  renderHeight: number,
  maxHeight?: number,
): void {
  const { width, height } = chartBox(renderWidth, renderHeight, maxHeight);
  ensureSpace(doc, height);
  const range = doc.bufferedPageRange();
  const x = PAGE.left + (PAGE.contentWidth - width) / 2;
  slots.push({ config, page: range.start + range.count - 1, x, y: doc.y, width, height, renderWidth, renderHeight });
  doc.y += height + 10;
  doc.x = PAGE.left;
}

/** Draws every reserved chart into the finished pdfkit output. */
export async function mergeCharts(pdf: Buffer, slots: ChartSlot[]): Promise<Buffer> {
  if (slots.length === 0) return pdf;
  const out = await PDFDocument.load(pdf);
  const pages = out.getPages();
  for (const slot of slots) {
    const chartPdf = await renderChart(slot.config, {
      width: slot.renderWidth,
      height: slot.renderHeight,
      format: 'pdf',
    });
    const [embedded] = await out.embedPdf(chartPdf, [0]);
    const page = pages[slot.page];
    if (!embedded || !page) continue;
    page.drawPage(embedded, {
      x: slot.x,
      y: page.getHeight() - slot.y - slot.height,
      width: slot.width,
      height: slot.height,
    });
  }
  return Buffer.from(await out.save());
}
