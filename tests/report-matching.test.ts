import { describe, expect, test } from 'vitest';
import { readReport } from '../extractors/reports/read-report';
import { matchFigures, type MatchTarget } from '../extractors/reports/match-figures';
import { precision, recall, scoreReportPairs } from './fixtures/report-pairs/evaluate-report-pairs';

const target = (key: string, fields: Partial<MatchTarget<string>>): MatchTarget<string> => ({
  key,
  subject: '',
  quote: '',
  value: 1,
  unit: '个',
  per: null,
  deadline: 2025,
  each: null,
  taskText: '',
  taskUnits: [],
  ...fields,
});

const match = (
  report: string,
  targets: MatchTarget<string>[],
  members: string[] = [],
  horizonYear = 2025,
) => {
  const reading = readReport(report, { year: 2025, members });
  return matchFigures([...reading.figures, ...reading.stocks, ...reading.changes], targets, {
    year: 2025,
    horizonYear,
    reportText: report,
  });
};

describe('matching achieved figures to targets', () => {
  test('by subject among targets of the same unit, scaled into the target unit', () => {
    const m = match('新增普惠托位926个，建成社区食堂46个。全年完成交通固定资产投资136500万元。', [
      target('托位', { subject: '普惠托位', value: 800 }),
      target('食堂', { subject: '社区老年食堂（老年助餐服务点）', value: 40 }),
      target('投资', { subject: '交通固定资产投资', value: 12, unit: '亿元' }),
    ]);
    expect(m.proposals.map((p) => [p.target, p.value, p.unit])).toEqual([
      ['托位', 926, '个'],
      ['食堂', 46, '个'],
      ['投资', 13.65, '亿元'],
    ]);
    expect(m.unmatched).toEqual([]);
  });

  test('a per-member target takes the members’ figures, not the total', () => {
    const m = match(
      '全年新建嵌入式社区养老服务站76个，其中：昌邑区建成15个，磐石市建成3个。',
      [target('站', { subject: '嵌入式社区养老服务站', value: 3, each: '每个县（市）区' })],
      ['昌邑区', '磐石市'],
    );
    expect(m.proposals.map((p) => [p.figure.member, p.value])).toEqual([
      ['昌邑区', 15],
      ['磐石市', 3],
    ]);
    expect(m.unmatched.map((f) => f.value)).toEqual([76]);
  });

  test('a target due after the report year takes the running total, one due this year the year’s work', () => {
    const report = '2025年新建健身路径78套，2024年以来累计完成156套。';
    const later = match(
      report,
      [target('路径', { subject: '农村健身路径', value: 200, unit: '套', deadline: 2026 })],
      [],
      2026,
    );
    expect(later.proposals.map((p) => p.value)).toEqual([156]);
    const thisYear = match(report, [
      target('路径', { subject: '农村健身路径', value: 80, unit: '套', deadline: 2025 }),
    ]);
    expect(thisYear.proposals.map((p) => p.value)).toEqual([78]);
  });

  test('a figure of another measure or subject stays unmatched, and the target is listed without a figure', () => {
    const m = match('新增养老机构床位580张。', [
      target('培训', { subject: '养老护理员', value: 1000, unit: '人次' }),
    ]);
    expect(m.proposals).toEqual([]);
    expect(m.unmatched.map((f) => f.value)).toEqual([580]);
    expect(m.withoutFigure).toEqual(['培训']);
  });

  test('a stock in the background goes to a target that sets a level, never to one counting additions', () => {
    const report = '截至2025年底，全市农村公路总里程达到1.28万公里，其中县道2136公里。';
    const level = target('总里程', {
      subject: '农村公路总里程',
      quote: '1.3万公里',
      taskText: '全市农村公路总里程达到1.3万公里',
      value: 13000,
      unit: '公里',
    });
    const additions = target('新改建', {
      subject: '农村公路',
      quote: '500公里',
      taskText: '新改建农村公路500公里',
      value: 500,
      unit: '公里',
    });
    expect(match(report, [level]).proposals.map((p) => [p.target, p.value])).toEqual([['总里程', 12800]]);
    const none = match(report, [additions]);
    expect(none.proposals).toEqual([]);
  });

  test('a growth target takes the change against last year; a level target never does', () => {
    const report =
      '农村居民人均可支配收入达到2.16万元，同比增长7.3%。秸秆综合利用率达到92.1%，较上年提高1.5%。';
    const growth = target('收入', {
      subject: '农村居民人均可支配收入',
      quote: '7%以上',
      taskText: '农村居民人均可支配收入增长7%以上',
      value: 7,
      unit: '%',
    });
    const level = target('秸秆', {
      subject: '农作物秸秆综合利用率',
      quote: '90%',
      taskText: '农作物秸秆综合利用率达到90%',
      value: 90,
      unit: '%',
    });
    expect(match(report, [growth, level]).proposals.map((p) => [p.target, p.value])).toEqual([
      ['秸秆', 92.1],
      ['收入', 7.3],
    ]);
  });

  test('every proposal carries a score and the other candidates a reviewer may pick', () => {
    const m = match('新增普惠托位926个。', [
      target('托位', { subject: '普惠托位', value: 800 }),
      target('托位数', { subject: '每千人口拥有3岁以下婴幼儿托位数', value: 4.5 }),
    ]);
    expect(m.proposals[0]!.score).toBeGreaterThan(0.5);
    expect(m.proposals[0]!.score).toBeLessThanOrEqual(1);
    expect(m.proposals[0]!.alternatives.map((a) => a.target)).toEqual(['托位数']);
  });
});

describe('the labelled report pairs (npm run eval)', () => {
  test('precision ≥ 0.95 and recall ≥ 0.85 of proposed (target, member, value) pairs', async () => {
    const scores = await scoreReportPairs();
    const total = scores.reduce(
      (a, s) => ({
        gold: a.gold + s.gold,
        proposed: a.proposed + s.proposed,
        correct: a.correct + s.correct,
      }),
      { gold: 0, proposed: 0, correct: 0 },
    );
    expect(precision(total)).toBeGreaterThanOrEqual(0.95);
    expect(recall(total)).toBeGreaterThanOrEqual(0.85);
    for (const s of scores) expect(recall(s), s.name).toBeGreaterThanOrEqual(0.75);
  });
});
