/**
 * Reads a completion report (完成情况报告, 工作总结) into plain text for the report reader:
 * text files in any encoding the plan reader knows, Word .docx (paragraphs, table rows joined
 * by tabs) and PDF with a text layer. Spreadsheets and scanned PDFs are refused with a
 * message saying what to send instead.
 */
import path from 'node:path';
import { DomainError } from '../errors';
import { decodeText } from './decode-text';
import { readOfficeFile } from './read-office-file';
import { sniffFormat } from './sniff-format';
import { readPdfText } from './read-pdf-text';

const PDF = Buffer.from('%PDF');

function empty(fileName: string): DomainError {
  return new DomainError(
    'empty_document',
    `文件“${fileName}”没有可读取的内容 / “${fileName}” has no readable content`,
    [{ path: ['file'], message: 'empty_document' }],
  );
}

/** The format, with the plan reader's refusal of a binary file worded for a report. */
function sniffReport(name: string, data: Buffer) {
  try {
    return sniffFormat(name, data);
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'binary_document') throw e;
    throw new DomainError(
      'binary_document',
      `“${name}”是图片或其他二进制文件，不是完成情况报告 / “${name}” is an image or other binary file, not a report`,
      e.issues,
    );
  }
}

/**
 * The report's text, lines as in the document.
 * @example await readReportText('完成情况.docx', bytes) // '吉林市2025年…完成情况报告\n\n市政府：\n…'
 */
export async function readReportText(fileName: string, data: Buffer): Promise<string> {
  const name = path.basename(fileName);
  if (data.length > 0 && data.subarray(0, 4).equals(PDF)) {
    const text = await readPdfText(name, data);
    if (text.trim() === '') {
      throw new DomainError(
        'unprocessable',
        `“${name}”没有文字层（可能是扫描件），请提供 Word 或文本文件 / “${name}” has no text layer (a scan?): send .docx or text`,
        [{ path: ['file'], message: 'no text layer' }],
      );
    }
    return text;
  }
  const format = sniffReport(name, data);
  if (format === 'xlsx' || format === 'csv') {
    throw new DomainError(
      'unsupported_format',
      `完成情况报告请上传 Word（.docx）、PDF 或文本文件，不接受表格“${name}” / a report must be .docx, .pdf or text, not a spreadsheet`,
      [{ path: ['file'], message: 'unsupported_format' }],
    );
  }
  const text =
    format === 'docx'
      ? (await readOfficeFile('docx', name, data))
          .map((b) => (b.kind === 'prose' ? b.lines.join('\n') : b.rows.map((r) => r.join('\t')).join('\n')))
          .join('\n')
      : decodeText(data, name).text;
  if (text.trim() === '') throw empty(name);
  return text.replace(/\r\n?/g, '\n');
}
