/**
 * The plan report as an A4 PDF, for leaders to read and print: the blocks of
 * `planReportLayout` drawn with pdfkit (the CJK font embedded once, as a subset), tables
 * that break across pages with their header repeated, the charts as vector PDFs merged in
 * with pdf-lib, and page numbers.
 */
import type { PlanProgressView } from '../progress/types';
import { drawTable } from './pdf-table';
import { chartBox, type ReportBlock, type ReportLayout, type ReportLayoutOptions } from './report-blocks';
import { mergeCharts, reserveChart, type ChartSlot } from './report-charts';
import { COLORS, FONT, PAGE, createReportDocument, finishDocument, numberPages, paragraph, sectionHeading, type Doc } from './report-document';
import { planReportLayout } from './report-layout';

export type PlanReportOptions = ReportLayoutOptions;

/**
 * @example await buildPlanReport(await loadPlanProgress(store, 1, { asOfYear: 2024 }), {})
 */
export async function buildPlanReport(view: PlanProgressView, options: PlanReportOptions = {}): Promise<Buffer> {
  return renderReportPdf(planReportLayout(view, options));
}

export async function renderReportPdf(layout: ReportLayout): Promise<Buffer> {
  const doc = createReportDocument({
    title: layout.meta.title,
    author: layout.meta.author ?? undefined,
    subject: layout.meta.subject,
  });
  const slots: ChartSlot[] = [];
  layout.blocks.forEach((block, i) => drawBlock(doc, block, layout.blocks[i + 1], slots));
  numberPages(doc);
  return mergeCharts(await finishDocument(doc), slots);
}

function drawBlock(doc: Doc, block: ReportBlock, next: ReportBlock | undefined, slots: ChartSlot[]): void {
  switch (block.kind) {
    case 'cover':
      return drawCover(doc, block);
    case 'pageBreak':
      doc.addPage();
      return;
    case 'heading':
      // A heading stays on the page of what it introduces.
      return sectionHeading(doc, block.text, keepWith(next), block.level === 1 ? 15 : 12);
    case 'paragraph':
      if (block.style === 'headline') {
        doc.font(FONT.bold).fontSize(20).fillColor('#b22222').text(block.text, PAGE.left, doc.y, { width: PAGE.contentWidth });
        doc.moveDown(0.3);
        doc.font(FONT.regular).fontSize(10.5).fillColor(COLORS.text);
        return;
      }
      paragraph(doc, block.text, block.style === 'muted' ? { color: COLORS.muted, size: 9 } : {});
      doc.moveDown(0.4);
      return;
    case 'table':
      drawTable(doc, tableColumns(block.columns), block.rows);
      doc.moveDown(0.4);
      return;
    case 'chart':
      return reserveChart(doc, slots, block.config, block.width, block.height, block.maxHeight);
  }
}

/** Points a heading needs after it on its page: the chart's height, or a table's first rows. */
function keepWith(next: ReportBlock | undefined): number {
  if (next?.kind === 'chart') return chartBox(next.width, next.height, next.maxHeight).height;
  return next?.kind === 'table' ? 70 : 40;
}

/** Column weights as widths (points) across the content width. */
function tableColumns(columns: Extract<ReportBlock, { kind: 'table' }>['columns']) {
  const total = columns.reduce((n, c) => n + c.weight, 0);
  return columns.map((c) => ({ header: c.header, width: (c.weight / total) * PAGE.contentWidth, align: c.align }));
}

function drawCover(doc: Doc, cover: Extract<ReportBlock, { kind: 'cover' }>): void {
  const width = PAGE.contentWidth - 40;
  const left = PAGE.left + 20;
  doc.rect(PAGE.left, 150, PAGE.contentWidth, 3).fill('#b22222');
  doc.font(FONT.bold).fontSize(24).fillColor(COLORS.text).text(cover.title, left, 190, { width, align: 'center', lineGap: 8 });
  doc.moveDown(0.8);
  doc.font(FONT.regular).fontSize(18).text(cover.subtitle, left, doc.y, { width, align: 'center' });
  doc.rect(PAGE.left, doc.y + 24, PAGE.contentWidth, 1).fill('#b22222');

  let y = 460;
  const labelX = PAGE.left + 100;
  for (const [label, value] of cover.facts) {
    doc.font(FONT.bold).fontSize(12).fillColor(COLORS.muted).text(`${label}：`, labelX, y, { width: 80 });
    doc.font(FONT.regular).fontSize(12).fillColor(COLORS.text).text(value, labelX + 80, y, { width: 250 });
    y = Math.max(doc.y, y + 18) + 8;
  }
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(COLORS.muted)
    .text(cover.note, PAGE.left, PAGE.contentBottom - 40, { width: PAGE.contentWidth, align: 'center' });
  doc.fillColor(COLORS.text);
}
