/**
 * The text layer of a PDF, page by page, through unpdf (a maintained build of Mozilla's
 * PDF.js for servers). A PDF that is a scan has no text layer and reads as ''.
 */
import { DomainError } from '../errors';

/** Pages are joined by a line break; lines within a page as PDF.js orders them. */
export async function readPdfText(fileName: string, data: Buffer): Promise<string> {
  // Loaded on the first PDF only: PDF.js is large, and nothing else (server start, the CLI,
  // plan imports, npm run eval) needs it. Outside the try: a missing package is no damaged file.
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data));
    const { text } = await extractText(pdf, { mergePages: false });
    return text.join('\n');
  } catch (cause) {
    throw new DomainError(
      'unsupported_format',
      `无法读取 PDF 文件“${fileName}”，文件可能已损坏或加密 / cannot read the PDF “${fileName}”: ${(cause as Error).message}`,
      [{ path: ['file'], message: 'unsupported_format' }],
    );
  }
}
