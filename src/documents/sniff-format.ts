/**
 * Decides how to read a file from its first bytes, then its extension: Office files are
 * zip archives told apart by the part names inside; old binary Office files, PDFs and images
 * are refused with a message saying what they are and what to send instead.
 */
import path from 'node:path';
import { DomainError } from '../errors';

export type DocumentFormat = 'text' | 'csv' | 'docx' | 'xlsx';

const startsWith = (data: Uint8Array, bytes: readonly number[]): boolean =>
  bytes.every((b, i) => data[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];
/** PNG, JPEG, GIF, BMP, gzip, 7z, RAR, ELF: binary files people upload by mistake. */
const BINARY_MAGIC = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x42, 0x4d],
  [0x1f, 0x8b],
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x52, 0x61, 0x72, 0x21],
  [0x7f, 0x45, 0x4c, 0x46],
];

const unsupported = (message: string): DomainError =>
  new DomainError('unsupported_format', message, [{ path: ['file'], message: 'unsupported_format' }]);

/** A Word or Excel file its library could not open: most likely damaged. */
export function unreadableDocument(kind: 'Word' | 'Excel', fileName: string, cause: unknown): DomainError {
  return unsupported(
    `无法读取 ${kind} 文件“${fileName}”，文件可能已损坏 / cannot read the ${kind} file “${fileName}”: ${(cause as Error).message}`,
  );
}

const binary = (message: string): DomainError =>
  new DomainError('binary_document', message, [{ path: ['file'], message: 'binary_document' }]);

export function sniffFormat(fileName: string, data: Buffer): DocumentFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (data.length === 0) {
    throw new DomainError('empty_document', `文件“${fileName}”为空 / “${fileName}” is empty`, [
      { path: ['file'], message: 'empty_document' },
    ]);
  }
  if (startsWith(data, ZIP)) {
    // Part names stand in plain ASCII in the zip's local and central headers.
    if (data.includes('word/document.xml')) return 'docx';
    if (data.includes('xl/workbook.xml')) return 'xlsx';
    if (ext === '.docx' || ext === '.xlsx') {
      throw unsupported(
        `“${fileName}”不是有效的 ${ext} 文件（压缩包中缺少文档内容） / “${fileName}” is not a valid ${ext} file`,
      );
    }
    throw binary(
      `“${fileName}”是压缩包，不是 Word 或 Excel 文件 / “${fileName}” is a zip archive, not a Word or Excel file`,
    );
  }
  if (startsWith(data, OLE)) {
    throw unsupported(
      ext === '.xls' || ext === '.et'
        ? `不支持旧版 Excel（.xls）文件，请另存为 .xlsx 后再试 / old .xls files are not supported, save as .xlsx`
        : `不支持旧版 Word（.doc）文件，请另存为 .docx 后再试 / old .doc files are not supported, save as .docx`,
    );
  }
  if (startsWith(data, PDF)) {
    throw unsupported(
      `不支持 PDF，请提供 Word（.docx）、Excel（.xlsx）、CSV 或文本文件 / PDF is not supported, send .docx, .xlsx, .csv or text`,
    );
  }
  if (BINARY_MAGIC.some((magic) => startsWith(data, magic))) {
    throw binary(
      `“${fileName}”是图片或其他二进制文件，不是方案文档 / “${fileName}” is an image or other binary file`,
    );
  }
  return ext === '.csv' ? 'csv' : 'text';
}
