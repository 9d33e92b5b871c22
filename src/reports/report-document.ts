/**
 * The A4 page, fonts and text styles every report page uses. The Chinese font is the shared
 * fontkit object (opened once per process), so pdfkit embeds a subset without re-reading
 * the file; headings and body text come from here so every page reads alike.
 */
import PDFDocument from 'pdfkit';
import { loadPdfFonts } from '../fonts/pdf-fonts';
import { PAGE } from './report-blocks';

export type Doc = PDFKit.PDFDocument;

/** The A4 page both renderers lay out on (see report-blocks). */
export { PAGE };

export const FONT = { regular: 'cjk', bold: 'cjk-bold' } as const;

export const COLORS = { text: '#1f1f1f', muted: '#666666', rule: '#b5b5b5', header: '#e9edf2' } as const;

/** Status tints live with the layout (the xlsx sheet imports them from here too). */
export { STATUS_TINTS } from './status-tints';

export interface ReportMeta {
  title: string;
  author?: string;
  subject?: string;
}

/** A buffered-pages document (page numbers are written at the end) with the CJK fonts registered. */
export function createReportDocument(meta: ReportMeta): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: meta.title, Author: meta.author ?? 'dabiao', Subject: meta.subject ?? '', Creator: 'dabiao' },
  });
  const fonts = loadPdfFonts();
  // pdfkit accepts a fontkit font object; its type declarations only list paths and buffers.
  doc.registerFont(FONT.regular, fonts.regular as unknown as string);
  doc.registerFont(FONT.bold, fonts.bold as unknown as string);
  doc.font(FONT.regular).fontSize(10.5).fillColor(COLORS.text);
  return doc;
}

/** Collects the finished document into one buffer. */
export function finishDocument(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.contentBottom) doc.addPage();
}

/** A section heading (`一、需要关注`), kept on one page with the next `keepWith` points. */
export function sectionHeading(doc: Doc, text: string, keepWith = 60, size = 15): void {
  ensureSpace(doc, 30 + keepWith);
  // At the top of a page the heading starts at the margin, not below an empty line.
  if (doc.y > PAGE.top + 1) doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(size).fillColor(COLORS.text).text(text, PAGE.left, doc.y, { width: PAGE.contentWidth });
  doc.moveDown(0.4);
  doc.font(FONT.regular).fontSize(10.5);
}

/** A paragraph of body text across the content width. */
export function paragraph(doc: Doc, text: string, options: { color?: string; size?: number } = {}): void {
  doc
    .font(FONT.regular)
    .fontSize(options.size ?? 10.5)
    .fillColor(options.color ?? COLORS.text)
    .text(text, PAGE.left, doc.y, { width: PAGE.contentWidth, lineGap: 3 });
  doc.fillColor(COLORS.text);
}

/**
 * Writes `第 N 页 / 共 M 页` at the foot of every page. Runs last, when the page count is known;
 * the bottom margin is lifted meanwhile so pdfkit does not start a new page for the footer.
 */
export function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(COLORS.muted)
      .text(`第 ${i + 1} 页 / 共 ${range.count} 页`, PAGE.left, PAGE.height - 40, {
        width: PAGE.contentWidth,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  doc.fillColor(COLORS.text);
}
