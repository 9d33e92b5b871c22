import { describe, expect, test } from 'vitest';
import { readReport } from '../extractors/reports/read-report';
import { convertUnit } from '../extractors/reports/convert-unit';
import { subjectSimilarity } from '../extractors/reports/subject-similarity';
import {
  ACHIEVED_EXAMPLES,
  EXAMPLE_MEMBERS,
  NOT_FIGURE_EXAMPLES,
  SUBJECT_PAIRS,
} from '../extractors/reports/corpus';

describe('the report reader finds achieved figures', () => {
  test.each(ACHIEVED_EXAMPLES)('$sentence', (example) => {
    const { figures } = readReport(example.sentence, { year: 2025, members: EXAMPLE_MEMBERS });
    const first = figures[0];
    expect(first, 'an achieved figure').toBeDefined();
    expect({ value: first!.value, unit: first!.unit, wording: first!.wording }).toEqual({
      value: example.value,
      unit: example.unit,
      wording: example.wording,
    });
    expect(first!.member).toBe(example.member ?? null);
    expect(first!.cumulative).toBe(example.cumulative ?? false);
    if (example.note) expect(first!.note).toBe(example.note);
    // The span highlights the figure itself: it ends at its unit.
    expect(example.sentence.slice(first!.start, first!.end)).toMatch(
      new RegExp(`${example.unit.replace('%', '%')}$`),
    );
  });
});

describe('the report reader holds back what is not an achieved figure', () => {
  test.each(NOT_FIGURE_EXAMPLES)('$sentence ($reason)', ({ sentence, reason }) => {
    const reading = readReport(sentence, { year: 2025 });
    expect(reading.figures).toEqual([]);
    expect(reading.skipped[0]?.reason).toBe(reason);
  });

  test('a paragraph under 基本情况 or 工作打算 gives no figure; one under 完成情况 does', () => {
    const text =
      '一、基本情况\n全市现有养老机构126家。\n二、重点任务完成情况\n建成社区食堂46个。\n三、2026年工作打算\n新建社区老年食堂30个。';
    const reading = readReport(text, { year: 2025 });
    expect(reading.figures.map((f) => f.value)).toEqual([46]);
    expect(reading.skipped.map((s) => s.reason)).toEqual(['background', 'restated']);
  });

  test('a completion rate of its own subject is a figure (a target may itself be such a rate)', () => {
    const { figures } = readReport('全市项目完成率达到92%。', { year: 2025 });
    expect(figures.map((f) => [f.value, f.completionRate])).toEqual([[92, true]]);
  });

  test('members listed after 其中 with 、 each take their own figure', () => {
    const { figures } = readReport('全年新培育示范家庭农场68家，其中城关区12家、江南区10家。', {
      members: ['城关区', '江南区'],
    });
    expect(figures.map((f) => [f.member, f.value, f.subject])).toEqual([
      [null, 68, '示范家庭农场'],
      ['城关区', 12, '示范家庭农场'],
      ['江南区', 10, '示范家庭农场'],
    ]);
  });

  test('a change against last year is held back as a figure, kept apart for a target that is a change', () => {
    const reading = readReport('农村居民人均可支配收入达到2.16万元，同比增长7.3%。', { year: 2025 });
    expect(reading.figures.map((f) => [f.value, f.unit])).toEqual([[2.16, '万元']]);
    expect(reading.changes.map((f) => [f.value, f.unit, f.subject])).toEqual([
      [7.3, '%', '农村居民人均可支配收入'],
    ]);
  });

  test('a per-member sentence gives one figure per member named before 各', () => {
    const { figures } = readReport('城关区、新港区各建成全民健身中心1个。', {
      members: ['城关区', '新港区'],
    });
    expect(figures.map((f) => [f.member, f.value, f.subject])).toEqual([
      ['城关区', 1, '全民健身中心'],
      ['新港区', 1, '全民健身中心'],
    ]);
  });
});

describe('units convert between the report and the target', () => {
  test.each([
    [136500, '万元', '亿元', 13.65],
    [532600, '米', '公里', 532.6],
    [12000, '人', '万人', 1.2],
    [3260, '万元', '万元', 3260],
    [5, '家', '个', null],
    [62.3, '%', '个百分点', null],
  ])('%d %s in %s → %s', (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });
});

describe('subjects of plan and report', () => {
  test.each(SUBJECT_PAIRS)('$plan ~ $report: $same', ({ plan, report, same }) => {
    const similarity = subjectSimilarity(plan, report);
    if (same) expect(similarity).toBeGreaterThanOrEqual(0.5);
    else expect(similarity).toBeLessThan(0.3);
  });
});
