import { describe, expect, it } from 'vitest';
import { paginateRows } from '../src/reports/pdf-table';
import { progressTableRows, rowCells, targetText } from '../src/reports/progress-rows';
import { describeLatest } from '../src/shared/index.js';
import { chineseDate, coverFacts } from '../src/reports/report-cover';
import { laggingTargets, missingFigures } from '../src/reports/report-details';
import { reportFileName } from '../src/reports/report-files';
import { summaryText } from '../src/reports/report-summary';
import { jilinView, sipingView } from './fixtures/progress-views';

const jilin = jilinView();
const siping = sipingView();

describe('table pagination', () => {
  it.each([
    ['all rows fit on the first page', [10, 10, 10], 5, 100, 100, [[0, 1, 2]]],
    ['a row that does not fit opens the next page', [30, 30, 30], 10, 75, 100, [[0, 1], [2]]],
    ['later pages hold more than the first', [30, 30, 30, 30], 10, 45, 100, [[0], [1, 2, 3]]],
    ['a row taller than a page still gets a page', [10, 500, 10], 10, 100, 100, [[0], [1], [2]]],
    ['no rows, one empty page', [], 10, 100, 100, [[]]],
  ])('%s', (_name, heights, header, first, page, expected) => {
    expect(paginateRows(heights, header, first, page)).toEqual(expected);
  });

  it('counts a row that opens a page at its taller, repeated-task height', () => {
    // Row 2 fits after row 1 on page 2 only if row 1 opened at its short height.
    expect(paginateRows([50, 40, 40], 10, 60, 100, [50, 60, 40])).toEqual([[0], [1], [2]]);
    expect(paginateRows([50, 40, 40], 10, 60, 100)).toEqual([[0], [1, 2]]);
  });
});

describe('progress table rows', () => {
  const rows = progressTableRows(jilin);

  it('has one row per quantified target and one per task without a target', () => {
    const qualitative = jilin.tasks.filter((t) => t.targetIds.length === 0).length;
    expect(rows).toHaveLength(jilin.targets.length + qualitative);
    expect(rows.filter((r) => r.target === '（无量化目标）')).toHaveLength(qualitative);
  });

  it('shows a task once, its further targets as continuation rows', () => {
    // Task 24 states three targets: 2-3 个, 4 个 and 17 个 实训基地.
    const task24 = rows.filter((r) => r.seq === '24');
    expect(task24.map((r) => r.firstOfTask)).toEqual([true, false, false]);
    expect(rowCells(task24[1]!)[1]).toBe('');
    expect(rowCells(task24[1]!, true)[1]).toBe(task24[0]!.task);
  });

  it.each([
    ['行业协会', '行业协会：3 家以上（2025 年底前）'],
    ['乡村人才', '乡村人才：超过 2000 人次（每年）'],
    ['职教中心', '每个县(市)：职教中心：1 所'],
  ])('describes the %s target as %s', (subject, expected) => {
    expect(targetText(jilin.targets.find((t) => t.subject === subject)!)).toBe(expected);
  });

  it('gives the latest figure with unit and year, or the member tally', () => {
    const met = jilin.targets.find((t) => t.subject === '行业协会')!;
    expect(describeLatest(met)).toBe(`${met.progress.latest!.value} 家（2024 年）`);
    const each = jilin.targets.find((t) => t.progress.members)!;
    expect(describeLatest(each)).toBe(
      `${each.progress.membersMet} / ${each.progress.members!.length} 个达标`,
    );
    const silent = jilin.targets.find((t) => t.progress.status === 'unreported' && !t.progress.members)!;
    expect(describeLatest(silent)).toBe('—');
  });

  it("says 年均 when the figure is the average of the years so far, not the year's own", () => {
    const met = jilin.targets.find((t) => t.subject === '行业协会')!;
    const average = { ...met, per: 'year' as const, average: true };
    expect(describeLatest(average)).toBe(`年均 ${met.progress.latest!.value} 家（截至 2024 年）`);
  });
});

describe('summary and lists', () => {
  it('sums up tasks, targets and statuses in one paragraph', () => {
    const text = summaryText(siping);
    expect(text).toContain(`本方案共有工作任务 ${siping.tasks.length} 项`);
    expect(text).toContain(`量化目标 ${siping.targets.length} 项`);
    expect(text).toContain(`已达标 ${siping.statusCounts.met} 项`);
    expect(text).toContain(`未填报 ${siping.statusCounts.unreported} 项`);
    expect(summaryText({ ...siping, unit: '市教育局' })).toMatch(/^市教育局负责的工作任务/);
  });

  it('lists missed targets before lagging ones', () => {
    const statuses = laggingTargets(jilin).map((t) => t.progress.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => (a === b ? 0 : a === 'missed' ? -1 : 1)));
    expect(new Set(statuses)).toEqual(new Set(['missed', 'behind']));
  });

  it('lists unreported targets and the members that have not reported', () => {
    const missing = missingFigures(jilin);
    const unreported = jilin.targets.filter((t) => t.progress.status === 'unreported');
    for (const t of unreported) expect(missing.map((m) => m.target)).toContain(targetText(t));
    const members = jilin.targets.find((t) => t.progress.members?.some((m) => m.status === 'unreported'));
    if (members) expect(missing.some((m) => m.missing.endsWith('未填报'))).toBe(true);
  });

  it('puts plan, period, as-of date, data state and unit on the cover', () => {
    const facts = Object.fromEntries(coverFacts({ ...jilin, unit: '市财政局' }, new Date(2026, 10, 23)));
    expect(facts).toMatchObject({
      印发单位: '吉林市人民政府办公室',
      规划期: '2023—2025 年',
      统计截至: '2024 年 12 月 31 日',
      数据口径: '全部填报数据',
      责任单位: '市财政局',
      生成日期: '2026 年 11 月 23 日',
    });
    expect(chineseDate(new Date(2025, 0, 5))).toBe('2025 年 1 月 5 日');
  });

  it('names report files after plan, unit and year, safe for any file system', () => {
    expect(reportFileName(jilin, 'pdf')).toBe(
      '吉林市推动现代职业教育高质量发展建设技能社会实施方案-进度报告-2024.pdf',
    );
    expect(reportFileName({ ...siping, unit: '各县（市）/区政府' }, 'xlsx')).toBe(
      '四平市推进现代职业教育高质量发展实施方案-各县（市）_区政府-进度表-2024.xlsx',
    );
  });
});
