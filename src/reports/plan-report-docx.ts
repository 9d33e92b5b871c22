/**
 * The plan report as a Word document (.docx) that an office edits and pastes into its 汇报材料:
 * the same blocks as the PDF (`planReportLayout`), with headings in Word's heading styles
 * (so the navigation pane and a table of contents find them), real Word tables whose header
 * row repeats on every page, the charts as embedded PNGs, page numbers in the footer, and a
 * Chinese font named for East Asian text (微软雅黑), so Word and WPS pick a CJK face.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { PlanProgressView } from '../progress/types';
import { PAGE, chartBox, type ReportBlock, type ReportLayout, type ReportLayoutOptions } from './report-blocks';
import { planReportLayout } from './report-layout';
import { renderChart } from './render-chart';

/** Word's East Asian font for the whole document; Latin text in the same face. */
export const DOCX_FONT = { ascii: 'Microsoft YaHei', hAnsi: 'Microsoft YaHei', eastAsia: '微软雅黑', cs: 'Microsoft YaHei' };

const COLORS = { text: '1F1F1F', muted: '666666', rule: 'B5B5B5', header: 'E9EDF2', accent: 'B22222' } as const;
/** Points → twentieths of a point (Word's page measure). */
const twips = (pt: number) => Math.round(pt * 20);
/** Points → CSS pixels (docx sizes images in pixels at 96 dpi). */
const pixels = (pt: number) => Math.round((pt * 96) / 72);
/**
 * Charts are drawn at 1.5 × their layout size (a 720 px chart is 1,080 px across ~480 pt, about
 * 160 dpi): sharp in print, and a third smaller and faster than 2 × (each PNG takes ~0.2 s to draw).
 */
const CHART_PIXEL_RATIO = 1.5;

export async function buildPlanReportDocx(view: PlanProgressView, options: ReportLayoutOptions = {}): Promise<Buffer> {
  return renderReportDocx(planReportLayout(view, options));
}

export async function renderReportDocx(layout: ReportLayout): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  // A page break is carried by the paragraph that opens the new page (no empty paragraph).
  let breakBefore = false;
  for (const block of layout.blocks) {
    if (block.kind === 'pageBreak') {
      breakBefore = true;
      continue;
    }
    const drawn = await docxBlock(block, breakBefore);
    if (breakBefore && drawn[0] instanceof Table) children.push(new Paragraph({ pageBreakBefore: true }));
    children.push(...drawn);
    breakBefore = false;
  }
  const doc = new Document({
    creator: layout.meta.author ?? 'dabiao',
    title: layout.meta.title,
    description: layout.meta.subject,
    styles: {
      default: {
        document: { run: { font: DOCX_FONT, size: 21, color: COLORS.text }, paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO } } },
        heading1: {
          run: { font: DOCX_FONT, size: 30, bold: true, color: COLORS.text },
          paragraph: { spacing: { before: 240, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: DOCX_FONT, size: 24, bold: true, color: COLORS.text },
          paragraph: { spacing: { before: 200, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE.width), height: twips(PAGE.height) },
            margin: { top: twips(PAGE.top), bottom: twips(PAGE.bottom), left: twips(PAGE.left), right: twips(PAGE.right), footer: twips(24) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    color: COLORS.muted,
                    children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function docxBlock(block: Exclude<ReportBlock, { kind: 'pageBreak' }>, pageBreakBefore: boolean): Promise<(Paragraph | Table)[]> {
  switch (block.kind) {
    case 'cover':
      return cover(block);
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          pageBreakBefore,
          children: [new TextRun(block.text)],
        }),
      ];
    case 'paragraph': {
      const run: IRunOptions =
        block.style === 'headline'
          ? { text: block.text, bold: true, size: 40, color: COLORS.accent }
          : block.style === 'muted'
            ? { text: block.text, size: 18, color: COLORS.muted }
            : { text: block.text };
      return [new Paragraph({ pageBreakBefore, spacing: { after: 120 }, children: [new TextRun(run)] })];
    }
    case 'table':
      return [table(block), new Paragraph({ spacing: { after: 60 } })];
    case 'chart': {
      const box = chartBox(block.width, block.height, block.maxHeight);
      const png = await renderChart(block.config, {
        width: block.width,
        height: block.height,
        devicePixelRatio: CHART_PIXEL_RATIO,
      });
      const title = chartTitle(block);
      return [
        new Paragraph({
          pageBreakBefore,
          alignment: AlignmentType.CENTER,
          // Single spacing: Word's auto line spacing would stretch the picture's line by 1.25.
          spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
          keepLines: true,
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width: pixels(box.width), height: pixels(box.height) },
              altText: { name: title, description: title, title },
            }),
          ],
        }),
      ];
    }
  }
}

/** The chart's own title, as the picture's alt text (what a screen reader and Word's pane say). */
function chartTitle(block: Extract<ReportBlock, { kind: 'chart' }>): string {
  const text = block.config.options?.plugins?.title?.text;
  return (Array.isArray(text) ? text.join(' ') : text) || '图表';
}

function cover(block: Extract<ReportBlock, { kind: 'cover' }>): Paragraph[] {
  const rule = { style: BorderStyle.SINGLE, size: 18, color: COLORS.accent, space: 12 };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twips(100), after: 360, line: 400, lineRule: LineRuleType.AUTO },
      border: { top: rule },
      children: [new TextRun({ text: block.title, bold: true, size: 48 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: twips(90) },
      border: { bottom: { ...rule, size: 6 } },
      children: [new TextRun({ text: block.subtitle, size: 36 })],
    }),
    ...block.facts.map(
      ([label, value]) =>
        new Paragraph({
          indent: { left: twips(100) },
          spacing: { after: 120 },
          // The values line up at a tab stop, as on the PDF's cover.
          tabStops: [{ type: TabStopType.LEFT, position: twips(180) }],
          children: [
            new TextRun({ text: `${label}：`, bold: true, size: 24, color: COLORS.muted }),
            new TextRun({ children: [new Tab(), value], size: 24 }),
          ],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twips(60) },
      children: [new TextRun({ text: block.note, size: 20, color: COLORS.muted })],
    }),
  ];
}

function table(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const total = block.columns.reduce((n, c) => n + c.weight, 0);
  const widths = block.columns.map((c) => twips((c.weight / total) * PAGE.contentWidth));
  const align = (a: 'left' | 'center' | 'right' | undefined) =>
    a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const cell = (text: string, i: number, fill: string | null | undefined, bold = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: fill.replace('#', '').toUpperCase() } } : {}),
      children: [
        new Paragraph({
          alignment: align(block.columns[i]!.align),
          spacing: { line: 260, lineRule: LineRuleType.AUTO },
          children: [new TextRun({ text, size: 18, bold })],
        }),
      ],
    });
  const line = { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map((c, i) => cell(c.header, i, COLORS.header, true)),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({ cantSplit: true, children: row.cells.map((text, i) => cell(text, i, row.tints?.[i])) }),
      ),
    ],
  });
}
