/**
 * Word `.docx` to prose and tables. mammoth's `convertToHtml` keeps tables with their
 * spans (`extractRawText` flattens them); Word's automatic numbering is not in its output,
 * which is why task rows with an empty 序号 cell are numbered by their order later on.
 */
import mammoth from 'mammoth';
import type { DocBlock } from '../../extractors/plan';
import { DomainError } from '../errors';
import { htmlBlocks } from './html-blocks';

export async function docxBlocks(fileName: string, data: Buffer): Promise<DocBlock[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: data })).value;
  } catch (e) {
    throw new DomainError(
      'unsupported_format',
      `无法读取 Word 文件“${fileName}”，文件可能已损坏 / cannot read the Word file “${fileName}”: ${(e as Error).message}`,
      [{ path: ['file'], message: 'unsupported_format' }],
    );
  }
  return htmlBlocks(html);
}
