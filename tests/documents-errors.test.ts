import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { readPlan } from '../src/documents';
import { ERROR_STATUS, isDomainError, type ErrorCode } from '../src/errors';

async function xlsxWith(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('统计表');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function docxWith(rows: string[][]): Promise<Buffer> {
  const table = new Table({
    rows: rows.map(
      (row) => new TableRow({ children: row.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
    ),
  });
  return Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph('各县（市）指标汇总'), table] }] }),
  );
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const OLE = Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex');

/** Every way a file can fail to be a plan, with the code the user is told and a word the message names. */
const BAD_INPUTS: Array<[string, string, () => Promise<Buffer> | Buffer, ErrorCode, string]> = [
  ['an empty file', 'plan.txt', () => Buffer.alloc(0), 'empty_document', '为空'],
  [
    'whitespace only',
    'plan.txt',
    () => Buffer.from(' \r\n\t\u3000\n\n'),
    'empty_document',
    '没有可读取的内容',
  ],
  ['only a byte-order mark', 'plan.txt', () => Buffer.from('\uFEFF'), 'empty_document', '没有可读取的内容'],
  ['a PNG image', 'plan.txt', () => PNG, 'binary_document', '图片'],
  [
    'bytes with NULs',
    'plan.txt',
    () => Buffer.from([0x31, 0x00, 0x32, 0x00, 0x07, 0x9c]),
    'binary_document',
    '不是可识别的文本',
  ],
  [
    'bytes that are neither UTF-8 nor GB18030',
    'plan.txt',
    () => Buffer.from([0xc3, 0x28, 0x80, 0xff, 0xfe]),
    'binary_document',
    'GB18030',
  ],
  [
    'a zip that is not Office',
    'plan.zip',
    () => Buffer.from('PK\u0003\u0004notes/readme.txt'),
    'binary_document',
    '压缩包',
  ],
  [
    'a .docx that is a bare zip',
    'plan.docx',
    () => Buffer.from('PK\u0003\u0004notes/readme.txt'),
    'unsupported_format',
    '.docx',
  ],
  [
    'a truncated .docx',
    'plan.docx',
    () => Buffer.from('PK\u0003\u0004word/document.xml\u0000\u0000'),
    'unsupported_format',
    'Word',
  ],
  ['an old Word .doc', 'plan.doc', () => OLE, 'unsupported_format', '.doc'],
  ['an old Excel .xls', 'plan.xls', () => OLE, 'unsupported_format', '.xls'],
  ['a PDF', 'plan.pdf', () => Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), 'unsupported_format', 'PDF'],
  [
    'a CSV without a task column',
    'plan.csv',
    () => Buffer.from('地区,指标,数值\n城区,床位,120\n'),
    'no_task_column',
    '指标',
  ],
  [
    'an Excel sheet without a task column',
    'plan.xlsx',
    () =>
      xlsxWith([
        ['地区', '牵头单位'],
        ['城区', '市卫健委'],
      ]),
    'no_task_column',
    '地区',
  ],
  [
    'a Word table without a task column',
    'plan.docx',
    () =>
      docxWith([
        ['县（市）', '指标'],
        ['磐石市', '12'],
      ]),
    'no_task_column',
    '县（市）',
  ],
  [
    'a Word file with nothing written in it',
    'plan.docx',
    () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })),
    'empty_document',
    '没有可读取的内容',
  ],
  ['an empty Excel workbook', 'plan.xlsx', () => xlsxWith([]), 'empty_document', '没有可读取的内容'],
  [
    'prose with no table and no target',
    'plan.txt',
    () => Buffer.from('各单位要高度重视，认真抓好落实。\n'),
    'no_tasks_found',
    '任务表',
  ],
  [
    'a task header with no rows',
    'plan.csv',
    () => Buffer.from('序号,工作任务,责任单位\n'),
    'no_tasks_found',
    '任务表',
  ],
];

describe('bad input gets an error naming the problem', () => {
  test.each(BAD_INPUTS)('%s', async (_what, fileName, build, code, word) => {
    const error = await readPlan(fileName, await build()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(error)).toBe(true);
    if (!isDomainError(error)) return;
    expect(error.code).toBe(code);
    expect(error.status).toBe(ERROR_STATUS[code]);
    expect(error.message).toContain(word);
    // Chinese first, then English after the slash.
    const [chinese = '', english = ''] = error.message.split(' / ');
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(english).toMatch(/[a-z]{3}/);
  });
});
