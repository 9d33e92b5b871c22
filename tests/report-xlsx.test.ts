import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildProgressXlsx } from '../src/reports/progress-xlsx';
import { progressTableRows } from '../src/reports/progress-rows';
import { jilinView } from './fixtures/progress-views';
import { STATUS_LABELS } from '../src/shared/index.js';

const view = jilinView();

async function readBack() {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await buildProgressXlsx(view)) as unknown as ArrayBuffer);
  return book;
}

describe('progress table as xlsx', () => {
  it('has the report columns in Chinese, a frozen header with filters, and one row per table row', async () => {
    const sheet = (await readBack()).getWorksheet('进度明细')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '工作任务',
      '量化目标',
      '最新数据',
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
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(progressTableRows(view).length + 1);
  });

  it('keeps subjects, statuses and units as text and completion as a percentage number', async () => {
    const sheet = (await readBack()).getWorksheet('进度明细')!;
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    const met = view.targets.find((t) => t.subject === '行业协会')!;
    const row = rows.find((r) => String(r.getCell(3).value).startsWith('行业协会'))!;
    expect(row.getCell(1).value).toBe(20);
    expect(row.getCell(5).value).toBeCloseTo(met.progress.completion!);
    expect(row.getCell(5).numFmt).toBe('0%');
    expect(row.getCell(6).value).toBe(STATUS_LABELS[met.progress.status]);
    expect(row.getCell(8).value).toBe('市教育局、市民政局、相关行业主管部门');
    const statuses = new Set(rows.map((r) => r.getCell(6).value));
    for (const label of Object.values(STATUS_LABELS)) expect(statuses).toContain(label);
  });

  it('names who entered and who verified each figure apart, with their times in Beijing time', async () => {
    const sheet = (await readBack()).getWorksheet('进度明细')!;
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    const cells = (status: string) =>
      (rows.find((r) => r.getCell(6).value === status)!.values as unknown[]).slice(10, 14);
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

  it('colours status cells by status (same status, same colour; different status, different colour)', async () => {
    const sheet = (await readBack()).getWorksheet('进度明细')!;
    const colourOf = new Map<string, Set<string>>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const fill = row.getCell(6).fill as ExcelJS.FillPattern | undefined;
      const status = String(row.getCell(6).value);
      if (!fill?.fgColor?.argb) return;
      colourOf.set(status, (colourOf.get(status) ?? new Set()).add(fill.fgColor.argb));
    });
    for (const label of Object.values(STATUS_LABELS)) expect(colourOf.get(label)?.size).toBe(1);
    const distinct = new Set(Object.values(STATUS_LABELS).map((l) => [...colourOf.get(l)!][0]));
    expect(distinct.size).toBe(5);
  });

  it('sums up each responsible unit on a second sheet', async () => {
    const sheet = (await readBack()).getWorksheet('责任单位汇总')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '责任单位',
      '已达标',
      '进度正常',
      '进度滞后',
      '未达标',
      '未填报',
      '合计',
    ]);
    const edu = view.units.find((u) => u.unit === '市教育局')!;
    let found = false;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === '市教育局') {
        found = true;
        expect(row.getCell(7).value).toBe(edu.total);
        expect(row.getCell(2).value).toBe(edu.counts.met);
      }
    });
    expect(found).toBe(true);
  });
});
