/**
 * Targets against a base year, table-driven from the sentences plans write them in: the figure
 * entered each year is the level, the base year's level is entered once as that year's figure,
 * and the change achieved is measured from it in the target's direction. The targets are read
 * from the sentence by the extractor, as an import stores them. Unless a case says otherwise the
 * plan runs 2021–2025 (十四五) and is judged as of the end of 2024: 序时进度 4/5, on track from
 * 72% completion.
 */
import { describe, expect, test } from 'vitest';
import { extractTargets } from '../extractors/targets/extract-targets';
import { computeTargetProgress, DEFAULT_PROGRESS_SETTINGS, type ProgressTarget } from '../src/progress';
import type { Status } from '../src/shared/index.js';

/** The one target of a sentence, with the base year as the import stores it. */
function targetOf(sentence: string): ProgressTarget {
  const found = extractTargets(sentence);
  expect(found).toHaveLength(1);
  const t = found[0]!;
  const year = /^(\d{4})年/.exec(t.base ?? '');
  return { ...t, id: 1, change: t.change ?? null, baseYear: year ? Number(year[1]) : null };
}

const levels = (byYear: Record<number, number>) =>
  Object.entries(byYear).map(([year, value]) => ({
    year: Number(year),
    member: null,
    value,
    numerator: null,
    denominator: null,
  }));

interface Case {
  sentence: string;
  figures: Record<number, number>;
  asOf?: number;
  status: Status;
  /** Change achieved in the target's direction, in the target's unit (null: not computed). */
  achieved: number | null;
  note: string;
}

const CASES: Case[] = [
  {
    sentence: '到2025年，单位GDP能耗比2020年下降13.5%',
    figures: { 2020: 0.5, 2023: 0.46, 2024: 0.44 },
    status: 'on_track',
    achieved: 12,
    note: '2024 年比2020年下降 12%（目标 13.5%），完成 88.9%，序时进度 80%',
  },
  {
    sentence: '到2025年，单位GDP能耗比2020年下降13.5%',
    figures: { 2020: 0.5, 2024: 0.43 },
    status: 'met',
    achieved: 14,
    note: '已达标：2024 年比2020年下降 14%（目标 13.5%）',
  },
  {
    sentence: '到2025年，全市单位地区生产总值二氧化碳排放比2020年下降14%',
    figures: { 2020: 100, 2025: 87.7 },
    asOf: 2025,
    status: 'missed',
    achieved: 12.3,
    note: '截至 2025 年底未达标：2025 年比2020年下降 12.3%（目标 14%）',
  },
  {
    sentence: '万元工业增加值用水量较2020年下降14%以上',
    figures: { 2020: 40, 2024: 34 },
    status: 'met',
    achieved: 15,
    note: '已达标：2024 年比2020年下降 15%（目标不少于 14%）',
  },
  {
    sentence: '到2025年，农村居民人均可支配收入较2020年增长8%以上',
    figures: { 2020: 20000, 2024: 21000 },
    status: 'behind',
    achieved: 5,
    note: '2024 年比2020年增长 5%（目标不少于 8%），完成 62.5%，序时进度 80%',
  },
  {
    // The level moved the wrong way: a negative change, said as the way it went.
    sentence: '到2025年，农村居民人均可支配收入较2020年增长8%以上',
    figures: { 2020: 20000, 2024: 19600 },
    status: 'behind',
    achieved: -2,
    note: '2024 年比2020年下降 2%（目标增长不少于 8%），完成 -25%，序时进度 80%',
  },
  {
    // 个百分点 and other absolute units: the difference of the levels, not a ratio.
    sentence: '森林覆盖率比2020年提高2个百分点',
    figures: { 2020: 40.5, 2024: 42.6 },
    status: 'met',
    achieved: 2.1,
    note: '已达标：2024 年比2020年增长 2.1 个百分点（目标 2 个百分点）',
  },
  {
    sentence: '到2025年，粮食产量比2020年增加10万吨',
    figures: { 2020: 5_000_000, 2024: 5_060_000 },
    status: 'behind',
    achieved: 60_000,
    note: '2024 年比2020年增长 60000 吨（目标 100000 吨），完成 60%，序时进度 80%',
  },
  {
    // Without the base year's level nothing is judged, however good the level looks.
    sentence: '到2025年，单位GDP能耗比2020年下降13.5%',
    figures: { 2023: 0.46, 2024: 0.3 },
    status: 'unreported',
    achieved: null,
    note: '未填报基期数据（2020 年）；2024 年 0.3',
  },
  {
    sentence: '到2025年，单位GDP能耗比2020年下降13.5%',
    figures: { 2020: 0.5, 2023: 0.46 },
    status: 'unreported',
    achieved: null,
    note: '2024 年未填报（基期 2020 年 0.5）',
  },
  {
    // 基期 without a year: the evaluator has to name the year before anything can be judged.
    sentence: '主要污染物排放总量较基期下降10%',
    figures: { 2020: 100, 2024: 88 },
    status: 'unreported',
    achieved: null,
    note: '未设定基期年份，无法计算变化；2024 年 88',
  },
  {
    // 较上年: each year against the year before.
    sentence: '规模以上工业增加值较上年增长8%',
    figures: { 2023: 1000, 2024: 1090 },
    status: 'met',
    achieved: 9,
    note: '已达标：2024 年较上年增长 9%（目标 8%）',
  },
];

describe('a change against a base year is measured from the base-year level', () => {
  test.each(CASES)(
    '$sentence with $figures → $status',
    ({ sentence, figures, asOf, status, achieved, note }) => {
      const target = targetOf(sentence);
      expect(target.change).toMatch(/^(rise|fall)$/);
      const progress = computeTargetProgress(target, levels(figures), {
        startYear: 2021,
        horizonYear: 2025,
        asOfYear: asOf ?? 2024,
        members: [],
        ...DEFAULT_PROGRESS_SETTINGS,
      });
      expect(progress.status).toBe(status);
      expect(progress.note).toBe(note);
      if (achieved === null) expect(progress.change?.achieved ?? null).toBeNull();
      else expect(progress.change!.achieved).toBeCloseTo(achieved, 6);
      // The series plots the levels as entered, base year included.
      expect(progress.series.filter((s) => s.value !== null).map((s) => s.value)).toEqual(
        Object.entries(figures)
          .filter(([year]) => Number(year) <= (asOf ?? 2024))
          .map(([, v]) => v),
      );
    },
  );

  test('the target level on the chart is the base level moved by the target (14% below 0.5 → 0.43)', () => {
    const target = targetOf('到2025年，单位GDP能耗比2020年下降14%');
    const progress = computeTargetProgress(target, levels({ 2020: 0.5, 2024: 0.45 }), {
      startYear: 2021,
      horizonYear: 2025,
      asOfYear: 2024,
      members: [],
      ...DEFAULT_PROGRESS_SETTINGS,
    });
    expect(progress.change).toMatchObject({ baseYear: 2020, baseLevel: 0.5 });
    expect(progress.change!.targetLevel).toBeCloseTo(0.43, 9);
  });
});

describe('降至 names the level to reach, not a change', () => {
  // `降至10%以下` is `lte 10` on the level itself: no direction, no base year, judged on the
  // year's figure as any ceiling is (see judge-change.ts).
  test.each([
    ['婴儿死亡率降至5‰以下', { 2024: 4.8 }, 'met'],
    ['全市城镇调查失业率控制在5.5%以内', { 2024: 5.9 }, 'behind'],
  ] as const)('%s with %o → %s', (sentence, figures, status) => {
    const target = targetOf(sentence);
    expect(target.op).toBe('lte');
    expect(target.change).toBeNull();
    const progress = computeTargetProgress(target, levels(figures), {
      startYear: 2021,
      horizonYear: 2025,
      asOfYear: 2024,
      members: [],
      ...DEFAULT_PROGRESS_SETTINGS,
    });
    expect(progress.status).toBe(status);
    expect(progress.change).toBeNull();
    expect(progress.note).not.toMatch(/比|较/);
  });
});
