/**
 * 示例数据: invented yearly figures for 2023–2025 against the seed plans' targets, so a first
 * start shows every status. Counts are running totals as of each year's end (the way the
 * progress rules read them); rates are the year's own figure. Judged as of 2025:
 * 吉林市 (period 2023–2025) shows 已达标 / 未达标 / 未填报; 四平市 (period 2023–2027, 序时进度
 * 60% in 2025) shows 已达标 / 进度正常 / 进度滞后 / 未填报.
 *
 * A target is found by its task's 序号, value and unit, so a small change in extraction
 * (a subject one character longer) does not lose its figures.
 */
import type { Status } from '../shared/index.js';

export type Year = 2023 | 2024 | 2025;
export type YearFigures = Partial<Record<Year, number>>;

export interface ExampleFigures {
  seq: number;
  value: number;
  unit: string;
  /** Part of the subject, where one task has two targets of the same value and unit. */
  subject?: string;
  /** Whole-area figures. */
  years?: YearFigures;
  /** Share or multiple entered as numerator and denominator. */
  ratios?: Partial<Record<Year, [number, number]>>;
  /** Per-member figures of an `each` target. */
  members?: Record<string, YearFigures>;
  /** A figure first entered wrongly, then corrected to the one in `years` (a revision). */
  correctedFrom?: { year: Year; value: number };
  /** A figure entered and then returned by the evaluator (退回), so it does not count. */
  returned?: { year: Year; value: number };
  /** The status the figures are chosen to produce as of 2025 (checked by tests/store-demo). */
  status: Status;
  why?: string;
}

/** 吉林市, judged as of 2025 with the period 2023–2025. */
export const JILIN_FIGURES: ExampleFigures[] = [
  {
    seq: 3,
    value: 20,
    unit: '门',
    years: { 2023: 6, 2024: 13, 2025: 19 },
    correctedFrom: { year: 2025, value: 17 },
    status: 'met',
    why: '约数，≥90%；2025 年数据更正过一次',
  },
  { seq: 5, value: 2, unit: '所', years: { 2023: 0, 2024: 1, 2025: 1 }, status: 'missed' },
  {
    seq: 12,
    value: 1,
    unit: '所',
    members: {
      永吉县: { 2023: 1, 2024: 1, 2025: 1 },
      蛟河市: { 2023: 0, 2024: 1, 2025: 1 },
      桦甸市: { 2023: 1, 2024: 1, 2025: 1 },
      舒兰市: { 2023: 0, 2024: 0, 2025: 1 },
      磐石市: { 2023: 0, 2024: 0, 2025: 0 },
    },
    status: 'missed',
    why: '4/5 个县市',
  },
  { seq: 14, value: 3, unit: '个', years: { 2023: 1, 2024: 2, 2025: 3 }, status: 'met' },
  { seq: 20, value: 3, unit: '家', years: { 2023: 1, 2024: 2, 2025: 2 }, status: 'missed' },
  {
    seq: 22,
    value: 5000,
    unit: '人',
    years: { 2023: 4800, 2024: 5100, 2025: 5400 },
    status: 'met',
    why: '年均 5100',
  },
  { seq: 24, value: 2, unit: '个', years: { 2023: 1, 2024: 2, 2025: 2 }, status: 'met', why: '区间下限' },
  {
    seq: 24,
    value: 4,
    unit: '个',
    years: { 2023: 1, 2024: 3 },
    returned: { year: 2025, value: 4 },
    status: 'unreported',
    why: '2025 年数据被退回',
  },
  { seq: 24, value: 17, unit: '个', years: { 2023: 8, 2024: 12, 2025: 15 }, status: 'missed' },
  {
    seq: 26,
    value: 2,
    unit: '倍',
    ratios: { 2023: [6800, 4000], 2024: [8610, 4100], 2025: [9240, 4200] },
    status: 'met',
    why: '培训人次 / 在校生',
  },
  { seq: 28, value: 2, unit: '所', years: { 2023: 0, 2024: 1, 2025: 2 }, status: 'met' },
  { seq: 29, value: 20, unit: '个', years: { 2023: 8, 2024: 15, 2025: 21 }, status: 'met' },
  { seq: 29, value: 10, unit: '个', years: { 2023: 2, 2024: 4 }, status: 'unreported' },
  { seq: 30, value: 20, unit: '门', years: { 2023: 5, 2024: 9, 2025: 14 }, status: 'missed' },
  { seq: 30, value: 10, unit: '个', years: { 2023: 3, 2024: 6, 2025: 10 }, status: 'met' },
  {
    seq: 31,
    value: 30,
    unit: '%',
    ratios: { 2023: [2950, 10000], 2024: [3100, 10000], 2025: [3240, 10400] },
    status: 'met',
    why: '教学经费占支出',
  },
  {
    seq: 31,
    value: 15,
    unit: '%',
    ratios: { 2023: [1400, 10000], 2024: [1450, 10000], 2025: [1350, 10400] },
    status: 'missed',
  },
  { seq: 34, value: 8, unit: '个', years: { 2023: 3, 2024: 5, 2025: 8 }, status: 'met' },
  {
    seq: 36,
    value: 20,
    unit: '个',
    years: { 2023: 6, 2024: 11, 2025: 16 },
    status: 'missed',
    why: '约数，<90%',
  },
  { seq: 40, value: 20, unit: '个', years: { 2023: 7, 2024: 14, 2025: 20 }, status: 'met' },
  {
    seq: 44,
    value: 2000,
    unit: '人次',
    years: { 2023: 1800, 2024: 2150, 2025: 2300 },
    status: 'met',
    why: '年度',
  },
];

/** 四平市, judged as of 2025 with the period 2023–2027. */
export const SIPING_FIGURES: ExampleFigures[] = [
  { seq: 1, value: 1, unit: '个', years: { 2023: 0, 2024: 0, 2025: 1 }, status: 'met' },
  {
    seq: 2,
    value: 1,
    unit: '所',
    members: {
      梨树县: { 2023: 1, 2024: 1, 2025: 1 },
      伊通满族自治县: { 2023: 0, 2024: 1, 2025: 1 },
      双辽市: { 2023: 0, 2024: 0, 2025: 0 },
    },
    status: 'on_track',
    why: '2/3 个县市',
  },
  { seq: 8, value: 10, unit: '个', years: { 2023: 2, 2024: 4, 2025: 5 }, status: 'behind' },
  {
    seq: 11,
    value: 1,
    unit: '个月',
    years: { 2023: 0.8, 2024: 1, 2025: 1.1 },
    status: 'met',
    why: '教师人均实践月数',
  },
  { seq: 12, value: 10, unit: '门', years: { 2023: 3, 2024: 5, 2025: 7 }, status: 'on_track' },
  { seq: 12, value: 2, unit: '个', years: { 2023: 0, 2024: 1, 2025: 1 }, status: 'behind' },
  { seq: 14, value: 10, unit: '个', years: { 2023: 4, 2024: 7, 2025: 10 }, status: 'met' },
  { seq: 14, value: 10, unit: '门', years: { 2023: 2, 2024: 4 }, status: 'unreported' },
  { seq: 14, value: 3, unit: '个', years: { 2023: 1, 2024: 1, 2025: 2 }, status: 'on_track' },
  {
    seq: 18,
    value: 5,
    unit: '个',
    subject: '校内实训基地',
    years: { 2023: 1, 2024: 2, 2025: 2 },
    status: 'behind',
  },
  {
    seq: 18,
    value: 5,
    unit: '个',
    subject: '虚拟仿真',
    years: { 2023: 1, 2024: 3, 2025: 4 },
    status: 'on_track',
  },
  { seq: 21, value: 5, unit: '个', years: { 2023: 2, 2024: 4, 2025: 6 }, status: 'met' },
  {
    seq: 27,
    value: 1,
    unit: '所',
    members: {
      铁西区: { 2023: 1, 2024: 1, 2025: 1 },
      铁东区: { 2024: 1, 2025: 1 },
      梨树县: { 2025: 1 },
      伊通满族自治县: { 2023: 0, 2024: 0, 2025: 0 },
    },
    status: 'on_track',
    why: '3/5，双辽市未填报',
  },
  { seq: 28, value: 2, unit: '个', years: { 2023: 0, 2024: 1, 2025: 1 }, status: 'behind' },
  {
    seq: 30,
    value: 1,
    unit: '个',
    members: {
      梨树县: { 2024: 1, 2025: 1 },
      伊通满族自治县: { 2025: 1 },
      双辽市: { 2023: 1, 2024: 1, 2025: 1 },
    },
    status: 'met',
    why: '3/3',
  },
];
