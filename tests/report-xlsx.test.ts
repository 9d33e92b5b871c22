/**
 * The progress workbook read back with exceljs, as a statistician's Excel would: title and
 * as-of rows, a frozen header, numbers (not text) for target values, each year's figure, the
 * 年均 so far and completion, units apart, status tints of the PDF, A4 landscape fit to width,
 * 达标率 per unit, and a sheet per unit on request.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildProgressXlsx } from '../src/reports/progress-xlsx';
import { progressTableRows } from '../src/reports/progress-rows';
import { STATUS_TINTS } from '../src/reports/report-document';
import type { PlanProgressView } from '../src/progress/types';
import { jilinView } from './fixtures/progress-views';
import { MEASURES, STATUS_LABELS, formatAttainment } from '../src/shared/index.js';

/** 2025-01-05 09:30 in Beijing. */
const GENERATED_AT = new Date('2025-01-05T01:30:00Z');
const HEADER_ROW = 4;

/** The fixture with one 每年 target turned 年均: 4,800 in 2023 and 5,400 in 2024, so 5,100 on average. */
function viewWithAverage(): { view: PlanProgressView; averageId: number } {
  const view = jilinView();
  const t = view.targets.find((x) => x.per === 'year' && !x.each && x.progress.latest)!;
  t.average = true;
  t.progress.series = [
    { year: 2023, value: 4800 },
    { year: 2024, value: 5400 },
  ];
  t.progress.latest = { year: 2024, value: 5100, averageFrom: 2023 };
  return { view, averageId: t.targetId };
}

const { view, averageId } = viewWithAverage();

async function readBack(options: { perUnit?: boolean } = {}) {
  const book = new ExcelJS.Workbook();
  const file = await buildProgressXlsx(view, { generatedAt: GENERATED_AT, ...options });
  await book.xlsx.load(file as unknown as ArrayBuffer);
  return book;
}

/** Header → column number, and the data rows, of a progress sheet. */
function table(sheet: ExcelJS.Worksheet) {
  const header = (sheet.getRow(HEADER_ROW).values as unknown[]).map((v) => (v == null ? '' : String(v)));
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 1) throw new Error(`no column ${name}: ${header.join(',')}`);
    return i;
  };
  return { header: header.slice(1), col, rows: sheet.getRows(HEADER_ROW + 1, sheet.rowCount - HEADER_ROW)! };
}

const rowOf = (rows: ExcelJS.Row[], col: number, start: string) =>
  rows.find((r) => String(r.getCell(col).value).startsWith(start))!;

describe('progress table as xlsx', () => {
  it('opens with the plan title, the as-of line in Beijing time and 达标率, above a frozen header with filters', async () => {
    const sheet = (await readBack()).getWorksheet('进度明细')!;
    expect(sheet.getRow(1).getCell(1).value).toBe(view.plan.title);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).value).toBe(
      '截至 2024 年底 · 全部填报数据 · 生成于 2025-01-05 09:30（北京时间）',
    );
    expect(String(sheet.getRow(3).getCell(1).value)).toContain(
      `${MEASURES.attainment.label} ${formatAttainment(view.attainment)}`,
    );
    const { header } = table(sheet);
    expect(header).toEqual([
      '序号',
      '工作任务',
      '量化目标',
      '目标值',
      '单位',
      '最新数据',
      '2023 年',
      '2024 年',
      '年均',
      '完成率',
      '状态',
      '牵头单位',
      '责任单位',
      '情况说明',
      '填报人',
      '填报时间',
      '核实人',
      '核实时间',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(progressTableRows(view).length + HEADER_ROW);
  });

  it('prints on A4 landscape, fit to the page width, the header repeated', async () => {
    const book = await readBack();
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    expect(book.getWorksheet('进度明细')!.pageSetup.printTitlesRow).toBe('4:4');
  });

  it('keeps subjects, statuses and units as text and target values, figures and completion as numbers', async () => {
    const { col, rows } = table((await readBack()).getWorksheet('进度明细')!);
    const met = view.targets.find((t) => t.subject === '行业协会')!;
    const row = rowOf(rows, col('量化目标'), '行业协会');
    expect(row.getCell(col('序号')).value).toBe(20);
    expect(row.getCell(col('目标值')).value).toBe(met.value);
    expect(row.getCell(col('目标值')).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(col('单位')).value).toBe(met.unit);
    expect(row.getCell(col('完成率')).value).toBeCloseTo(met.progress.completion!);
    expect(row.getCell(col('完成率')).numFmt).toBe('0.0%');
    expect(row.getCell(col('状态')).value).toBe(STATUS_LABELS[met.progress.status]);
    expect(row.getCell(col('责任单位')).value).toBe('市教育局、市民政局、相关行业主管部门');
    // Each year's figure in its own column, a number that sums.
    for (const { year, value } of met.progress.series) {
      const cell = row.getCell(col(`${year} 年`));
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.value).toBe(value);
      expect(cell.numFmt).toMatch(/^#,##0/);
    }
    const statuses = new Set(rows.map((r) => r.getCell(col('状态')).value));
    for (const label of Object.values(STATUS_LABELS)) expect(statuses).toContain(label);
    // Every figure cell holds a number or nothing: no `19 门（2025 年）` text to retype.
    for (const r of rows)
      for (const name of ['目标值', '2023 年', '2024 年', '年均', '完成率']) {
        const v = r.getCell(col(name)).value;
        expect(v === null || typeof v === 'number', `${name}: ${String(v)}`).toBe(true);
      }
  });

  it('says 年均 for a yearly-average target and shows the average in its own column, not as the year’s figure', async () => {
    const { col, rows } = table((await readBack()).getWorksheet('进度明细')!);
    const t = view.targets.find((x) => x.targetId === averageId)!;
    const row = rowOf(rows, col('量化目标'), `${t.each ? `${t.each}：` : ''}${t.subject}`);
    expect(String(row.getCell(col('量化目标')).value)).toContain('年均');
    expect(row.getCell(col('2023 年')).value).toBe(4800);
    expect(row.getCell(col('2024 年')).value).toBe(5400);
    expect(row.getCell(col('年均')).value).toBe(5100);
    expect(String(row.getCell(col('最新数据')).value)).toBe(`5100 ${t.unit}（2023–2024 年年均）`);
    // A 每年 target has no 年均 figure.
    const yearly = view.targets.find((x) => x.per === 'year' && !x.average && !x.each && x.progress.latest)!;
    expect(rowOf(rows, col('量化目标'), yearly.subject).getCell(col('年均')).value).toBeNull();
  });

  it('names who entered and who verified each figure apart, with their times in Beijing time', async () => {
    const { col, rows } = table((await readBack()).getWorksheet('进度明细')!);
    const cells = (status: string) => {
      const r = rows.find((x) => x.getCell(col('状态')).value === status)!;
      return ['填报人', '填报时间', '核实人', '核实时间'].map((h) => r.getCell(col(h)).value);
    };
    // The fixture: entered 15 Jan 02:00 UTC, the met ones verified 20 Feb 03:30 UTC by someone else.
    const next = view.asOfYear + 1;
    expect(cells(STATUS_LABELS.met)).toEqual([
      '填报员甲',
      `${next}-01-15 10:00`,
      '评估员乙',
      `${next}-02-20 11:30`,
    ]);
    expect(cells(STATUS_LABELS.behind)).toEqual(['填报员甲', `${next}-01-15 10:00`, '未核实', '—']);
    expect(cells(STATUS_LABELS.unreported)).toEqual(['—', '—', '未核实', '—']);
  });

  it('colours status cells with the PDF’s tint of each status', async () => {
    const { col, rows } = table((await readBack()).getWorksheet('进度明细')!);
    const byLabel = new Map(
      Object.entries(STATUS_LABELS).map(([key, label]) => [
        label,
        STATUS_TINTS[key as keyof typeof STATUS_TINTS],
      ]),
    );
    let checked = 0;
    for (const r of rows) {
      const tint = byLabel.get(String(r.getCell(col('状态')).value));
      if (!tint) continue;
      const fill = r.getCell(col('状态')).fill as ExcelJS.FillPattern;
      expect(fill.fgColor?.argb).toBe(`FF${tint.slice(1).toUpperCase()}`);
      checked++;
    }
    expect(checked).toBe(view.targets.length);
    expect(new Set(Object.values(STATUS_LABELS).map((l) => byLabel.get(l))).size).toBe(5);
  });

  it('sums up each responsible unit on a second sheet, with its 达标率 as a number', async () => {
    const sheet = (await readBack()).getWorksheet('责任单位汇总')!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain(view.plan.title);
    expect((sheet.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual([
      '责任单位',
      '已达标',
      '进度正常',
      '进度滞后',
      '未达标',
      '未填报',
      '合计',
      '达标率',
    ]);
    const edu = view.units.find((u) => u.unit === '市教育局')!;
    const row = sheet
      .getRows(HEADER_ROW + 1, sheet.rowCount - HEADER_ROW)!
      .find((r) => r.getCell(1).value === '市教育局')!;
    expect(row.getCell(7).value).toBe(edu.total);
    expect(row.getCell(2).value).toBe(edu.counts.met);
    expect(row.getCell(8).value).toBeCloseTo(edu.attainment.rate!);
    expect(row.getCell(8).numFmt).toBe('0.0%');
    const all = sheet.getRow(sheet.rowCount);
    expect(all.getCell(1).value).toBe('全部');
    expect(all.getCell(8).value).toBeCloseTo(view.attainment.rate!);
  });

  it('adds one sheet per responsible unit on request, each with only the rows of its tasks', async () => {
    expect((await readBack()).worksheets.map((s) => s.name)).toEqual(['进度明细', '责任单位汇总']);
    const book = await readBack({ perUnit: true });
    const units = view.units.filter((u) => u.total > 0);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '进度明细',
      '责任单位汇总',
      ...units.map((u) => u.unit),
    ]);
    const edu = book.getWorksheet('市教育局')!;
    expect(edu.getRow(1).getCell(1).value).toBe(`${view.plan.title} · 市教育局`);
    expect(String(edu.getRow(2).getCell(1).value)).toContain('全部填报数据 · 市教育局');
    const { col, rows } = table(edu);
    const expected = progressTableRows({
      ...view,
      tasks: view.tasks.filter((t) => t.units.includes('市教育局')),
    });
    expect(rows.length).toBe(expected.length);
    expect(rows.every((r) => String(r.getCell(col('责任单位')).value).includes('市教育局'))).toBe(true);
    expect(edu.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(edu.pageSetup.orientation).toBe('landscape');
  });
});
