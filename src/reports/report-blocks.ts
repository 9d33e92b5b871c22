/**
 * The report as an ordered list of blocks — what is said, in which order, with which tints —
 * independent of the file it ends up in. `planReportLayout` builds it (pure); the PDF
 * renderer (pdfkit) and the Word renderer (docx) each turn the same list into a file, so the
 * two formats can never tell a leader different things.
 */
import type { ChartConfiguration } from 'chart.js';

/** A4 in points, with 2 cm side margins and room for the page footer: the PDF's page and the Word document's. */
export const PAGE = Object.freeze({
  width: 595.28,
  height: 841.89,
  left: 56,
  right: 56,
  top: 56,
  bottom: 64,
  get contentWidth() {
    return this.width - this.left - this.right;
  },
  get contentBottom() {
    return this.height - this.bottom;
  },
});

/**
 * The box (points) a chart laid out at `width` × `height` takes on the page: the content
 * width, unless `maxHeight` (or the page) is shorter.
 */
export function chartBox(width: number, height: number, maxHeight = PAGE.contentBottom - PAGE.top) {
  const scale = Math.min(PAGE.contentWidth / width, Math.min(maxHeight, PAGE.contentBottom - PAGE.top) / height);
  return { width: width * scale, height: height * scale };
}

export interface ReportColumn {
  header: string;
  /** Share of the table width, relative to the other columns' weights. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface ReportRow {
  cells: string[];
  /** Background per cell (`#rrggbb`, a status tint), null for none. */
  tints?: (string | null)[];
  /** Cells to show instead when the row opens a new page (repeats the task it continues). */
  continuation?: string[];
}

export type ReportBlock =
  | { kind: 'cover'; title: string; subtitle: string; facts: [string, string][]; note: string }
  | { kind: 'heading'; text: string; level: 1 | 2 }
  /** `headline`: the figure a leader reads first (达标率); `muted`: a definition or a note. */
  | { kind: 'paragraph'; text: string; style?: 'body' | 'headline' | 'muted' }
  | { kind: 'table'; columns: ReportColumn[]; rows: ReportRow[] }
  /**
   * A chart laid out at `width` × `height` (CSS pixels), drawn across the content width; at
   * most `maxHeight` points tall on an A4 page when given (the chart shrinks to fit).
   */
  | { kind: 'chart'; config: ChartConfiguration; width: number; height: number; maxHeight?: number }
  | { kind: 'pageBreak' };

export interface ReportLayout {
  /** Document properties (title, author, subject) of the file. */
  meta: { title: string; author: string | null; subject: string };
  blocks: ReportBlock[];
}

export interface ReportLayoutOptions {
  /** The moment the report is made (default: now); printed on the cover. */
  generatedAt?: Date;
  /** IANA time zone dates and times are printed in (default Asia/Shanghai). */
  timeZone?: string;
  /** Leave out the annex's chart per target (a short report); default true. */
  targetCharts?: boolean;
}
