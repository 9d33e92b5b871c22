/**
 * Plain data in and out of the progress rules. The rules are pure functions over these
 * shapes; the database, HTTP, charts and reports only convert to and from them.
 */
import type { TargetFields } from '../../extractors/types';
import type { Change, DataState, QualitativeStatus, Status } from '../shared/index.js';
import type { ProgressPlanRecord, TargetDirection } from './plan-progress-input';

/** What the rules need to know about a target: its schema fields but the words. */
export interface ProgressTarget extends Omit<TargetFields, 'quote' | 'subject'>, TargetDirection {
  id: number;
  /** True when the text says 年均 (judge by the average over the years so far). */
  average?: boolean;
}

/** Where a change target stands: the levels it is measured between and the change made. */
export interface ChangeProgress {
  /** The year whose level the change is measured from; null when no base year is known. */
  baseYear: number | null;
  /** The level entered for that year; null when it has not been entered (未填报基期数据). */
  baseLevel: number | null;
  /** Change made in the target's direction (negative: the other way), in the target's unit. */
  achieved: number | null;
  /** The level at which the target is reached (`14%` below a base of 100 → 86). */
  targetLevel: number | null;
}

export interface ProgressSettings {
  /** First year of the plan period (figures count from here). */
  startYear: number;
  /** Stands in for a missing deadline: by default the latest deadline in the plan. */
  horizonYear: number;
  /** Judge as of the end of this year. */
  asOfYear: number;
  /** `approx` targets count as met from this share of the value (default 0.9). */
  approxTolerance: number;
  /** On track when completion ≥ this share of expected progress (default 0.9). */
  onTrackRatio: number;
  /** Members a per-member scope ranges over (counties of the city, …). */
  members: string[];
}

export interface MemberProgress {
  member: string;
  status: Status;
  completion: number | null;
  latest: number | null;
}

export interface TargetProgress {
  targetId: number;
  status: Status;
  /** The deadline (or, without one, the plan's horizon) has come by the end of the as-of year. */
  due: boolean;
  /** actual / target (lower-is-better targets inverted), null when nothing is reported. */
  completion: number | null;
  /** 序时进度: share of the period elapsed, 0..1 (1 every year for undated yearly rates and 年均). */
  expected: number;
  /**
   * Latest figure used for judging (a total, a yearly figure or an average). For a 年均
   * target `value` is the mean of the years `averageFrom`–`year`, not that year's figure.
   */
  latest: { year: number; value: number; averageFrom?: number } | null;
  /** Per-year figures used, oldest first, for charts. */
  series: { year: number; value: number | null }[];
  /** For `range`: above the upper bound. */
  aboveRange: boolean;
  /** For `each` targets: one entry per member and the tally. */
  members: MemberProgress[] | null;
  membersMet: number | null;
  /** For a change against a base year (not per member): the levels and the change made. */
  change: ChangeProgress | null;
  /** Human-readable reason in Chinese (e.g. `2024 年未填报`). */
  note: string;
}

/**
 * Everything a progress table, a chart or a report needs about one plan as of one year.
 * Assembled by `computePlanProgress` (from the store: `loadPlanProgress`); pure data from there on.
 */
export interface PlanProgressView {
  /** The plan as read, its period resolved (`resolvePlanPeriod`): both years known. */
  plan: Omit<ProgressPlanRecord, 'startYear' | 'horizonYear'> & { startYear: number; horizonYear: number };
  asOfYear: number;
  /** `verified`: only figures in state 已核实 count; `all`: every reported figure. */
  dataState: DataState;
  /** Set when the view is restricted to one responsible unit. */
  unit: string | null;
  tasks: TaskProgressRow[];
  targets: TargetProgressRow[];
  units: UnitSummary[];
  statusCounts: Record<Status, number>;
  /** The headline 达标率: targets met over targets due (`attainmentOf`). */
  attainment: Attainment;
  /** Mean completion over quantified targets with a figure, capped at 1 per target (平均完成率). */
  overallCompletion: number | null;
}

/**
 * 达标率 = met / due. A target is due once its deadline has come by the as-of year; one met
 * ahead of its deadline counts among the due as well, so the rate never passes 100% and an
 * early success is not hidden. `rate` is null while nothing is due.
 */
export interface Attainment {
  met: number;
  due: number;
  rate: number | null;
}

export interface TaskProgressRow {
  taskId: number;
  seq: number | null;
  text: string;
  leadUnit: string | null;
  units: string[];
  qualitative: boolean;
  qualitativeStatus: QualitativeStatus | null;
  targetIds: number[];
}

/** Who entered (填报人) and who verified (核实人) a target's latest counted figure, and when. */
export interface FigureHandling {
  year: number;
  member: string | null;
  enteredBy: string | null;
  enteredAt: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
}

export interface TargetProgressRow extends TargetFields {
  change: Change | null;
  baseYear: number | null;
  /** A 年均 target: its figure is the average of the years so far, and says so. */
  average: boolean;
  targetId: number;
  taskId: number;
  seq: number | null;
  taskText: string;
  leadUnit: string | null;
  units: string[];
  progress: TargetProgress;
  /** The latest counted figure's 填报人 / 核实人 (latest year, then latest entered); null before any. */
  handling: FigureHandling | null;
}

export interface UnitSummary {
  unit: string;
  counts: Record<Status, number>;
  total: number;
  attainment: Attainment;
}
