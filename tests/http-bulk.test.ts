import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/documents/decode-text';
import { parseCsv, writeCsv } from '../src/documents/csv';
import { readNumber } from '../src/app/check-measurement-rows';
import { TEMPLATE_COLUMNS } from '../src/app/measurement-template';
import { expectEnvelope, useSeededServer } from './support/http-harness';
import { memberTarget, plainTarget } from './support/http-seed';

describe('reading figures as typed in a spreadsheet', () => {
  it.each([
    ['12', 12],
    ['1,234.5', 1234.5],
    ['１２', 12],
    ['85%', 85],
    [' 3 ', 3],
    ['', null],
    ['十二', NaN],
    ['12个', NaN],
  ])('%j → %s', (raw, expected) => {
    expect(readNumber(raw)).toEqual(expected);
  });

  it('round-trips quoted CSV cells with commas, quotes and line breaks, and reads GB18030', () => {
    const rows = [
      ['目标编号', '备注'],
      ['7', '含逗号,和"引号"\n换行'],
    ];
    const written = writeCsv(rows);
    expect([...written.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(decodeText(written, 'figures.csv').text)).toEqual(rows);
    const gbk = Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0x2c, 0xca, 0xfd, 0xd6, 0xb5]); // 年度,数值 in GB18030
    expect(parseCsv(decodeText(gbk, 'figures.csv').text)).toEqual([['年度', '数值']]);
  });

  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['\tSUM(A1)', "'\tSUM(A1)"],
    ['\r=1', "'\r=1"],
    ['-5', '-5'],
    ['-0.25', '-0.25'],
    [-3, '-3'],
    ['市教育局', '市教育局'],
  ] as const)('a CSV cell %j reaches the spreadsheet as %j', (cell, expected) => {
    const written = writeCsv([[cell]]);
    expect(parseCsv(decodeText(written, 'figures.csv').text)).toEqual([[expected]]);
  });
});

const env = useSeededServer();

/** The statistician's upload of a filled-in figure sheet. */
const uploadFigures = (planId: number, name: string, data: Buffer | string) =>
  env.users.statistician.upload(`/api/plans/${planId}/measurements/upload`, name, data);
/** Every stored figure of the Siping plan, to show a refused upload changed nothing. */
const sipingFigures = () => env.server.store.listMeasurements({ planId: env.seeded.siping.id });

async function templateCsv(planId: number): Promise<string[][]> {
  const r = await env.users.statistician.call('GET', `/api/plans/${planId}/measurements/template.csv`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('text/csv');
  return parseCsv(decodeText(r.body as Buffer, 'figures.csv').text);
}

const col = (name: (typeof TEMPLATE_COLUMNS)[number]) => TEMPLATE_COLUMNS.indexOf(name);

describe('the figure template', () => {
  it('has one row per target, member and year with Chinese headers', async () => {
    const rows = await templateCsv(env.seeded.jilin.id);
    expect(rows[0]).toEqual([...TEMPLATE_COLUMNS]);
    const each = memberTarget(env.seeded.jilinTargets);
    const memberRows = rows.filter((r) => r[col('目标编号')] === String(each.id));
    const members = new Set(memberRows.map((r) => r[col('成员')]));
    // 每个县(市): the county and the four county-level cities of 吉林市, not its districts.
    expect([...members].sort()).toEqual(['桦甸市', '永吉县', '磐石市', '舒兰市', '蛟河市'].sort());
    const plain = plainTarget(env.seeded.jilinTargets);
    const years = rows
      .filter((r) => r[col('目标编号')] === String(plain.id))
      .map((r) => Number(r[col('年度')]));
    expect(years[0]).toBe(env.seeded.jilin.startYear);
    expect(years.every((y, i) => i === 0 || y === years[i - 1]! + 1)).toBe(true);
  });

  it('downloads as an .xlsx with the same rows', async () => {
    const r = await env.users.statistician.call(
      'GET',
      `/api/plans/${env.seeded.siping.id}/measurements/template.xlsx`,
    );
    expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('数据填报模板'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.body as never);
    const csv = await templateCsv(env.seeded.siping.id);
    expect(book.worksheets[0]!.rowCount).toBe(csv.length);
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('目标编号');
  });
});

describe('bulk upload', () => {
  it('records every filled row of a CSV, and a second upload of the same file changes nothing', async () => {
    const rows = await templateCsv(env.seeded.jilin.id);
    const plain = plainTarget(env.seeded.jilinTargets);
    const mine = rows.filter((r) => r[col('目标编号')] === String(plain.id));
    mine.forEach((r, i) => (r[col('数值')] = String(i + 1)));
    mine[0]![col('备注')] = '示例数据';
    const file = writeCsv(rows);
    const first = await uploadFigures(env.seeded.jilin.id, '填报.csv', file);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ recorded: mine.length, unchanged: 0, blank: rows.length - 1 - mine.length });
    const again = await uploadFigures(env.seeded.jilin.id, '填报.csv', file);
    expect(again.body).toMatchObject({ recorded: 0, unchanged: mine.length });
    const figures = (await env.users.leader.call('GET', `/api/targets/${plain.id}/measurements`)).body;
    expect(figures.current.map((m: { value: number }) => m.value)).toEqual(mine.map((_r, i) => i + 1));
    expect(figures.history).toHaveLength(mine.length);
  });

  it('records the downloaded .xlsx filled in for each county', async () => {
    const r = await env.users.statistician.call(
      'GET',
      `/api/plans/${env.seeded.jilin.id}/measurements/template.xlsx`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.body as never);
    const sheet = book.worksheets[0]!;
    const each = memberTarget(env.seeded.jilinTargets);
    let filled = 0;
    sheet.eachRow((row, n) => {
      if (
        n > 1 &&
        row.getCell(col('目标编号') + 1).value === each.id &&
        row.getCell(col('年度') + 1).value === 2024
      ) {
        row.getCell(col('数值') + 1).value = 1;
        filled++;
      }
    });
    const up = await uploadFigures(
      env.seeded.jilin.id,
      '各县填报.xlsx',
      Buffer.from(await book.xlsx.writeBuffer()),
    );
    expect(up.status).toBe(200);
    expect(up.body.recorded).toBe(filled);
    const progress = (
      await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/progress?year=2024`)
    ).body;
    const row = progress.targets.find((t: { targetId: number }) => t.targetId === each.id);
    expect(row.progress.membersMet).toBe(filled);
  });

  it('refuses the whole file with a row-by-row report when any row is wrong, writing nothing', async () => {
    const rows = await templateCsv(env.seeded.siping.id);
    const plain = plainTarget(env.seeded.sipingTargets);
    const lines = rows
      .map((r, i) => ({ r, line: i + 1 }))
      .filter(({ r }) => r[col('目标编号')] === String(plain.id));
    lines[0]!.r[col('数值')] = '5';
    lines[1]!.r[col('数值')] = '五';
    const before = await sipingFigures();
    const up = await uploadFigures(env.seeded.siping.id, 'x.csv', writeCsv(rows));
    expectEnvelope(up, 400, 'validation_failed');
    expect(up.body.error.issues).toEqual([
      {
        path: ['rows', lines[1]!.line, '数值'],
        message: expect.stringContaining(`第 ${lines[1]!.line} 行“数值”：“五”不是数字`),
      },
    ]);
    expect(await sipingFigures()).toEqual(before);
  });

  it.each([
    [
      'a target of another plan',
      (r: string[]) => (r[col('目标编号')] = String(env.seeded.jilinTargets[0]!.id)),
      '目标编号',
    ],
    ['a member outside the city', (r: string[]) => (r[col('成员')] = '长春市'), '成员'],
    ['a year outside 1990–2100', (r: string[]) => (r[col('年度')] = '2200'), '年度'],
  ])('answers 422 for %s, naming row and column', async (_case, spoil, column) => {
    const rows = await templateCsv(env.seeded.siping.id);
    const index = rows.findIndex(
      (r) => r[col('目标编号')] === String(plainTarget(env.seeded.sipingTargets).id),
    );
    rows[index]![col('数值')] = '3';
    rows[index + 1]![col('数值')] = '4';
    spoil(rows[index + 1]!);
    const before = await sipingFigures();
    const up = await uploadFigures(env.seeded.siping.id, 'x.csv', writeCsv(rows));
    expectEnvelope(up, 422, 'unprocessable');
    expect(up.body.error.issues.map((i: { path: unknown }) => i.path)).toEqual([['rows', index + 2, column]]);
    expect(await sipingFigures()).toEqual(before);
  });

  it('answers 422 for the same figure given twice, naming the second row and the first', async () => {
    const rows = await templateCsv(env.seeded.siping.id);
    const index = rows.findIndex(
      (r) => r[col('目标编号')] === String(plainTarget(env.seeded.sipingTargets).id),
    );
    const twice = [...rows[index]!];
    rows[index]![col('数值')] = '3';
    twice[col('数值')] = '4';
    rows.push(twice);
    const up = await uploadFigures(env.seeded.siping.id, 'x.csv', writeCsv(rows));
    expectEnvelope(up, 422, 'unprocessable');
    expect(up.body.error.issues).toEqual([
      {
        path: ['rows', rows.length, '目标编号'],
        message: expect.stringContaining(`与第 ${index + 1} 行重复`),
      },
    ]);
  });

  it('refuses a file without the template header', async () => {
    const up = await uploadFigures(env.seeded.siping.id, 'x.csv', '甲,乙\n1,2\n');
    expectEnvelope(up, 400, 'validation_failed');
  });
});
