import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { readPlan } from '../src/documents';
import { decodeText } from '../src/documents/decode-text';
import {
  SEED_PLANS,
  brokenLines,
  goldPlan,
  seedCsv,
  seedDocx,
  seedPlanBytes,
  seedXlsx,
  timeLimitOf,
} from './fixtures/documents/seed-documents';

const taskKeys = (tasks: ReadonlyArray<{ seq: number | null; text: string; units: string[] }>) =>
  tasks.map(({ seq, text, units }) => ({ seq, text, units }));

const seedText = (name: string): string => seedPlanBytes(name).toString('utf8');

/** Each seed plan in every other form a user may upload. */
const FORMS: Array<[string, (name: string) => Promise<[string, Buffer]>]> = [
  [
    'Word .docx with empty 序号 cells',
    async (n) => [`${n}.docx`, await seedDocx(goldPlan(n), '工作任务清单')],
  ],
  [
    'Excel .xlsx with merged headers',
    async (n) => [`${n}.xlsx`, await seedXlsx(goldPlan(n), '工作任务清单')],
  ],
  ['CSV with quoted commas and line breaks', async (n) => [`${n}.csv`, seedCsv(goldPlan(n))]],
  [
    'CSV saved by Excel on Chinese Windows (GB18030)',
    async (n) => [
      `${n}.csv`,
      iconv.encode(
        seedCsv(goldPlan(n))
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
        'gb18030',
      ),
    ],
  ],
  ['text saved as GB18030', async (n) => [`${n}.txt`, iconv.encode(seedText(n), 'gb18030')]],
  ['text with a UTF-8 BOM', async (n) => [`${n}.txt`, Buffer.from('\uFEFF' + seedText(n), 'utf8')]],
  [
    'text saved as UTF-16 LE',
    async (n) => [`${n}.txt`, iconv.encode(seedText(n), 'utf16le', { addBOM: true })],
  ],
  [
    'text saved as UTF-16 BE',
    async (n) => [`${n}.txt`, iconv.encode(seedText(n), 'utf16be', { addBOM: true })],
  ],
  ['text with Windows line ends', async (n) => [`${n}.txt`, Buffer.from(seedText(n).replace(/\n/g, '\r\n'))]],
];

const cases = SEED_PLANS.flatMap((name) => FORMS.map(([form, build]) => [name, form, build] as const));

describe('a seed plan in another format gives the same tasks', () => {
  test.each(cases)('%s as %s', async (name, _form, build) => {
    const [fileName, bytes] = await build(name);
    const plan = await readPlan(fileName, bytes);
    expect(taskKeys(plan.tasks)).toEqual(taskKeys(goldPlan(name).tasks));
  });
});

describe('format details', () => {
  test('the GB18030 copy is detected as GB18030, not read as broken UTF-8', () => {
    const bytes = iconv.encode(seedText('002_36169d261e098f31'), 'gb18030');
    const decoded = decodeText(bytes, 'plan.txt');
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(seedText('002_36169d261e098f31'));
  });

  test.each(SEED_PLANS)('%s in Excel keeps 牵头单位, 配合单位 and 完成时限 apart', async (name) => {
    const gold = goldPlan(name);
    const plan = await readPlan(`${name}.xlsx`, await seedXlsx(gold, '工作任务清单'));
    expect(plan.title).toBe('工作任务清单');
    plan.tasks.forEach((task, i) => {
      const units = gold.tasks[i]!.units;
      expect(task.unitRoles).toEqual(units.map((u, j) => ({ name: u, role: j === 0 ? 'lead' : 'support' })));
      expect(task.timeLimit).toBe(timeLimitOf(gold.tasks[i]!) || null);
    });
  });

  test('Word cells broken into two paragraphs are joined without a space', async () => {
    const gold = goldPlan('000_3cb08648fdcd494e');
    const broken = gold.tasks.filter((t) => brokenLines(t.text).length > 1);
    expect(broken.length).toBeGreaterThan(5);
    const plan = await readPlan('000.docx', await seedDocx(gold, '工作任务清单'));
    for (const task of broken) expect(plan.tasks.find((t) => t.seq === task.seq)?.text).toBe(task.text);
  });

  test('Word tables without numbers are numbered by row order', async () => {
    const plan = await readPlan(
      '002.docx',
      await seedDocx(goldPlan('002_36169d261e098f31'), '重点工作任务分工'),
    );
    expect(plan.tasks.map((t) => t.seq)).toEqual(plan.tasks.map((_, i) => i + 1));
    expect(plan.title).toBe('重点工作任务分工');
  });
});

describe('Excel cell values', () => {
  test('a date in the 完成时限 column reads as a Chinese date; numbers and links as their text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('任务');
    sheet.addRow(['序号', '工作任务', '责任单位', '完成时限']);
    sheet.addRow([
      1,
      '建成污水处理厂2座',
      { text: '市住建局', hyperlink: 'https://example.org' },
      new Date(Date.UTC(2024, 11, 31)),
    ]);
    const plan = await readPlan('dates.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(plan.tasks[0]).toMatchObject({ seq: 1, units: ['市住建局'], timeLimit: '2024年12月31日' });
  });
});
