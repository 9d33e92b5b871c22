import { describe, expect, it } from 'vitest';
import { paginateRows } from '../src/reports/pdf-table';
import { progressTableRows, rowCells, targetText } from '../src/reports/progress-rows';
import { describeLatest } from '../src/shared/index.js';
import { loadConfig } from '../src/config';
import type { ReportBlock } from '../src/reports/report-blocks';
import { coverFacts } from '../src/reports/report-cover';
import { chineseDate, tableTime } from '../src/reports/report-dates';
import {
  NOTHING_NEEDS_ATTENTION,
  attentionGap,
  laggingTargets,
  missingFigures,
} from '../src/reports/report-details';
import { isDocxName, reportFileName } from '../src/reports/report-files';
import { planReportLayout } from '../src/reports/report-layout';
import { headlineText, measuresText, summaryText } from '../src/reports/report-summary';
import { MEASURES, formatAttainment } from '../src/shared/index.js';
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
    const latest = { ...met.progress.latest!, averageFrom: 2023 };
    const average = { ...met, per: 'year' as const, average: true, progress: { ...met.progress, latest } };
    expect(describeLatest(average)).toBe(`${latest.value} 家（2023–2024 年年均）`);
  });
});

describe('summary and lists', () => {
  it('leads with 达标率 (met / due) and gives 平均完成率 its definition', () => {
    expect(headlineText(siping)).toBe(`${MEASURES.attainment.label} ${formatAttainment(siping.attainment)}`);
    expect(measuresText(siping)).toContain(MEASURES.attainment.definition);
    expect(measuresText(siping)).toContain(MEASURES.completion.definition);
  });

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

  it('puts plan, 文号, period, as-of date, data state and unit on the cover, never the file name', () => {
    const plan = { ...jilin.plan, documentNumber: '吉市政办发〔2023〕12号' };
    const facts = Object.fromEntries(
      coverFacts({ ...jilin, plan, unit: '市财政局' }, new Date('2026-11-23T02:00:00Z')),
    );
    expect(facts).toMatchObject({
      印发单位: '吉林市人民政府办公室',
      文号: '吉市政办发〔2023〕12号',
      规划期: '2023—2025 年',
      统计截至: '2024 年 12 月 31 日',
      数据口径: '全部填报数据',
      责任单位: '市财政局',
      报告日期: '2026 年 11 月 23 日',
    });
    expect(Object.values(facts).join('')).not.toContain(jilin.plan.sourceName);
    expect(coverFacts(jilin, new Date())).toContainEqual(['文号', '—']);
  });

  it("dates the report on the readers' clock: just after 16:00 UTC is the next day in Beijing", () => {
    const late = new Date('2026-11-23T16:05:00Z');
    expect(chineseDate(late)).toBe('2026 年 11 月 24 日');
    expect(chineseDate(late, 'Asia/Shanghai')).toBe('2026 年 11 月 24 日');
    expect(chineseDate(late, 'UTC')).toBe('2026 年 11 月 23 日');
    expect(chineseDate(new Date('2025-01-05T12:00:00+08:00'))).toBe('2025 年 1 月 5 日');
    expect(tableTime('2025-01-15T02:00:00Z')).toBe('2025-01-15 10:00');
    expect(tableTime('2025-01-15T02:00:00Z', 'UTC')).toBe('2025-01-15 02:00');
    expect(tableTime(null)).toBe('—');
  });

  it('names report files after plan, unit and year, safe for any file system', () => {
    expect(reportFileName(jilin, 'pdf')).toBe(
      '吉林市推动现代职业教育高质量发展建设技能社会实施方案-进度报告-2024.pdf',
    );
    expect(reportFileName(jilin, 'docx')).toBe(
      '吉林市推动现代职业教育高质量发展建设技能社会实施方案-进度报告-2024.docx',
    );
    expect([isDocxName('a/报告.DOCX'), isDocxName('报告.pdf'), isDocxName('docx')]).toEqual([
      true,
      false,
      false,
    ]);
    expect(reportFileName({ ...siping, unit: '各县（市）/区政府' }, 'xlsx')).toBe(
      '四平市推进现代职业教育高质量发展实施方案-各县（市）_区政府-进度表-2024.xlsx',
    );
  });
});

describe('the order of the report', () => {
  const headings = (blocks: ReportBlock[]) =>
    blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : b.kind === 'pageBreak' ? ['|'] : []));

  it('opens with the cover, then 需要关注 on a page of its own, then the summary, the units and the annex', () => {
    const { blocks } = planReportLayout(jilin, { generatedAt: new Date('2026-11-23T16:05:00Z') });
    expect(blocks[0]!.kind).toBe('cover');
    expect(headings(blocks)).toEqual([
      '|',
      '一、需要关注',
      '|',
      '二、总体情况',
      '|',
      '三、各责任单位完成情况',
      '|',
      '附件 1 任务进度明细',
      '附件 2 各量化目标进度图',
      '附件 3 尚未填报的数据',
      '附件 4 数据填报与核实',
    ]);
    const cover = blocks[0] as Extract<ReportBlock, { kind: 'cover' }>;
    expect(cover.title).toBe(jilin.plan.title);
    expect(cover.facts).toContainEqual(['报告日期', '2026 年 11 月 24 日']);
  });

  it('lists every lagging and missed target under 需要关注, with its lead unit, figure and gap, and a chart each', () => {
    const { blocks } = planReportLayout(jilin);
    const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === '一、需要关注');
    const end = blocks.findIndex((b, i) => i > start && b.kind === 'pageBreak');
    const section = blocks.slice(start, end);
    const table = section.find((b) => b.kind === 'table')!;
    const lagging = laggingTargets(jilin);
    expect(lagging.length).toBeGreaterThan(0);
    expect(table.rows.map((r) => r.cells[1])).toEqual(lagging.map((t) => targetText(t)));
    expect(table.columns.map((c) => c.header)).toEqual([
      '序号',
      '量化目标',
      '状态',
      '最新数据',
      '差距',
      '牵头单位',
    ]);
    expect(table.rows.map((r) => r.cells[5])).toEqual(lagging.map((t) => t.leadUnit ?? t.units[0]));
    expect(section.filter((b) => b.kind === 'chart')).toHaveLength(lagging.length);
  });

  it('says in one line when nothing needs attention', () => {
    const calm = {
      ...siping,
      targets: siping.targets.filter((t) => !['behind', 'missed'].includes(t.progress.status)),
    };
    const { blocks } = planReportLayout(calm);
    const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === '一、需要关注');
    expect(blocks[start + 1]).toEqual({ kind: 'paragraph', text: NOTHING_NEEDS_ATTENTION });
    expect(blocks[start + 2]!.kind).toBe('pageBreak');
  });

  it('gives each unit its own 达标率 from its summary', () => {
    const { blocks } = planReportLayout(jilin);
    const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === '三、各责任单位完成情况');
    const table = blocks.slice(start).find((b) => b.kind === 'table')!;
    expect(table.columns.at(-1)!.header).toBe(MEASURES.attainment.label);
    for (const u of jilin.units.filter((x) => x.total > 0)) {
      const row = table.rows.find((r) => r.cells[0] === u.unit)!;
      expect(row.cells.at(-1)).toBe(formatAttainment(u.attainment));
    }
  });

  it('says how far a target is from being met, in its own unit', () => {
    const row = laggingTargets(jilin).find(
      (t) => t.progress.latest && !t.progress.members && !t.change && !t.per,
    )!;
    const gap = row.value - row.progress.latest!.value;
    expect(attentionGap(row)).toContain(
      row.unit === '%' ? `还差 ${gap} 个百分点` : `还差 ${gap} ${row.unit}`,
    );
    const members = laggingTargets(jilin).find((t) => t.progress.members);
    if (members) expect(attentionGap(members)).toMatch(/^\d+ 个未达标/);
  });
});

describe("the readers' time zone", () => {
  it('is Asia/Shanghai unless DABIAO_TIME_ZONE names another, and a wrong name is refused', () => {
    expect(loadConfig({}).timeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ DABIAO_TIME_ZONE: 'Asia/Urumqi' }).timeZone).toBe('Asia/Urumqi');
    expect(() => loadConfig({ DABIAO_TIME_ZONE: 'Beijing' })).toThrow(/不是有效的 IANA 时区/);
  });

  it('dates the cover on that clock', () => {
    const at = new Date('2026-11-23T16:05:00Z');
    const day = (timeZone: string) =>
      (
        planReportLayout(jilin, { generatedAt: at, timeZone }).blocks[0] as Extract<
          ReportBlock,
          { kind: 'cover' }
        >
      ).facts.find(([label]) => label === '报告日期')![1];
    expect(day(loadConfig({}).timeZone)).toBe('2026 年 11 月 24 日');
    expect(day(loadConfig({ DABIAO_TIME_ZONE: 'Europe/London' }).timeZone)).toBe('2026 年 11 月 23 日');
  });
});
