/**
 * The report and the progress table over HTTP take what `dabiao report` takes: one
 * responsible unit, an as-of year and verified figures only (`?unit=市教育局&year=2025&verified`,
 * like `--unit 市教育局 --year 2025 --verified`), and give the same report.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TargetRecord } from '../src/db/store';
import { expectEnvelope, useSeededServer } from './support/http-harness';
import { runCli } from './support/run-cli';

const ROOT = path.resolve(__dirname, '..');
const EDU = '市教育局';

/** Two of 市教育局's targets with a 2025 figure: the first verified, the second only reported. */
let verified: TargetRecord, reported: TargetRecord;

const env = useSeededServer({
  async prepare({ server, seeded }) {
    const tasks = await server.store.listTasks(seeded.jilin.id);
    const eduTask = new Set(tasks.filter((t) => t.units[0]?.name === EDU).map((t) => t.id));
    [verified, reported] = seeded.jilinTargets.filter(
      (t) => eduTask.has(t.taskId) && t.each === null && t.base === null,
    ) as [TargetRecord, TargetRecord];
    for (const t of [verified, reported]) {
      await server.store.recordMeasurement(t.id, { year: 2025, value: t.value }, 'statistician');
    }
    await server.store.setMeasurementState(verified.id, 2025, null, 'verified', 1, 'evaluator');
  },
});

/** pdftotext's reading of a PDF, without the layout's spaces and line breaks. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, '');
}

const report = (query: string) =>
  env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/report.pdf?${query}`);
const table = (query: string) =>
  env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/progress.xlsx?${query}`);
const unit = (name: string) => `unit=${encodeURIComponent(name)}`;

/** The rows of the 进度明细 sheet as { 量化目标, 最新数据, 责任单位 }, and the workbook's subject line. */
async function readTable(xlsx: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('进度明细')!;
  // Title, as-of and headline rows come first; the header is the row that starts with 序号.
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === '序号') headerRow = n;
  });
  const header = (sheet.getRow(headerRow).values as unknown[]).map(String);
  const col = (name: string) => header.indexOf(name);
  const rows = sheet.getRows(headerRow + 1, sheet.rowCount - headerRow) ?? [];
  return {
    subject: book.subject,
    sheets: book.worksheets.map((s) => s.name),
    rows: rows.map((r) => ({
      target: String(r.getCell(col('量化目标')).value),
      latest: r.getCell(col('最新数据')).value,
      units: String(r.getCell(col('责任单位')).value),
    })),
  };
}

describe('the report for one unit, as of a year, verified figures only', () => {
  it('puts the unit, the year and the data state on the cover and in the file name', async () => {
    const r = await report(`${unit(EDU)}&year=2025&verified=true`);
    expect(r.status).toBe(200);
    const text = pdfText(r.body);
    expect(text).toContain(`目标任务进度报告（${EDU}）`);
    expect(text).toContain(`责任单位：${EDU}`);
    expect(text).toContain('统计截至：2025年12月31日');
    expect(text).toContain('数据口径：仅已核实数据');
    expect(decodeURIComponent(r.headers.get('content-disposition')!)).toContain(`-${EDU}-进度报告-2025.pdf`);
  });

  it('is the report dabiao report writes for --unit 市教育局 --year 2025 --verified', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'dabiao-report-query-')), 'cli.pdf');
    const cli = await runCli(
      [
        'report',
        String(env.seeded.jilin.id),
        '--db',
        env.server.database,
        '--unit',
        EDU,
        '--year',
        '2025',
        '--verified',
        '--out',
        out,
      ],
      { cwd: ROOT },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const http = await report(`${unit(EDU)}&year=2025&verified`);
    expect(pdfText(http.body)).toBe(pdfText(readFileSync(out)));
  });

  it('takes a bare ?verified as the CLI takes --verified, and leaves unverified figures out of the table', async () => {
    const all = await readTable((await table(`${unit(EDU)}&year=2025`)).body);
    const only = await readTable((await table(`${unit(EDU)}&year=2025&verified`)).body);
    expect(all.subject).toContain(`全部填报数据 · ${EDU}`);
    expect(only.subject).toContain(`仅已核实数据 · ${EDU}`);
    expect(only.rows.length).toBeGreaterThan(1);
    expect(only.rows.every((row) => row.units.includes(EDU))).toBe(true);
    const latest = (rows: typeof all.rows, t: TargetRecord) =>
      rows.find((row) => row.target.includes(t.subject))!.latest;
    expect(latest(all.rows, reported)).not.toBeNull();
    expect(latest(only.rows, reported)).toBeNull();
    expect(latest(only.rows, verified)).not.toBeNull();
  });

  it('adds a sheet per responsible unit with perUnit=true, holding only that unit’s rows', async () => {
    const plain = await readTable((await table('year=2025')).body);
    expect(plain.sheets).toEqual(['进度明细', '责任单位汇总']);
    const r = await table('year=2025&perUnit=true');
    expect(r.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.body as unknown as ArrayBuffer);
    const names = book.worksheets.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['进度明细', '责任单位汇总']);
    expect(names).toContain(EDU);
    const edu = book.getWorksheet(EDU)!;
    expect(edu.getRow(1).getCell(1).value).toBe(`${env.seeded.jilin.title} · ${EDU}`);
    const unitsCol = (edu.getRow(4).values as unknown[]).indexOf('责任单位');
    const rows = edu.getRows(5, edu.rowCount - 4)!;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(plain.rows.length);
    expect(rows.every((row) => String(row.getCell(unitsCol).value).includes(EDU))).toBe(true);
  });

  it('finds 各县（市）政府 however the unit is written', async () => {
    const r = await report(`${unit('各县(市)政府')}&year=2025`);
    expect(pdfText(r.body)).toContain('目标任务进度报告（各县（市）政府）');
  });

  it.each([
    [`${unit('市教育厅')}`, 404, 'not_found', 'unit'],
    ['year=2500', 400, 'validation_failed', 'year'],
    ['verified=maybe', 400, 'validation_failed', 'verified'],
  ])('refuses %s for the report and the table, naming the field', async (query, status, code, field) => {
    for (const r of [await report(query), await table(query)]) {
      expectEnvelope(r, status, code);
      expect(r.body.error.issues[0].path).toEqual([field]);
    }
  });
});
