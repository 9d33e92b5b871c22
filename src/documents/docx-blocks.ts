/**
 * Word `.docx` to prose and tables. mammoth's `convertToHtml` keeps tables with their
 * spans (`extractRawText` flattens them); Word's automatic numbering is not in its output,
 * which is why task rows with an empty 序号 cell are numbered by their order later on.
 */
import mammoth from 'mammoth';
import type { DocBlock } from '../../extractors/plan';
import { htmlBlocks } from './html-blocks';
import { unreadableDocument } from './sniff-format';

export async function docxBlocks(fileName: string, data: Buffer): Promise<DocBlock[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: data })).value;
  } catch (e) {
    throw unreadableDocument('Word', fileName, e);
  }
  return htmlBlocks(html);
}
