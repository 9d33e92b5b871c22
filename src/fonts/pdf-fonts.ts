/**
 * The Chinese font for pdfkit, opened once per process as fontkit objects. pdfkit given a
 * path re-reads the 10 MB file for every table cell; given a fontkit object it reuses the
 * parsed font and still embeds only the glyphs a document uses (a subset).
 */
import * as fontkit from 'fontkit';
import { CJK_FONT_FILES } from './cjk-font';

export interface PdfFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

let fonts: PdfFonts | null = null;

/** The parsed regular and bold faces, shared by every report this process writes. */
export function loadPdfFonts(): PdfFonts {
  fonts ??= {
    regular: fontkit.openSync(CJK_FONT_FILES.regular) as fontkit.Font,
    bold: fontkit.openSync(CJK_FONT_FILES.bold) as fontkit.Font,
  };
  return fonts;
}
