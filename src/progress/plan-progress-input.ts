/** One current (latest-revision) figure for a target. */
export interface Observation {
  year: number;
  /** The reporting member for per-member targets (a county, a school), else null. */
  member: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Plain records `computePlanProgress` assembles a progress view from: the subset of the
 * store's records (src/db/store.ts) the rules read, so store records can be passed as they are
 * while the rules stay free of any storage import.
 */
import type { TargetFields, TaskUnit } from '../../extractors/types';
import type { Change, DataState, MeasurementState, QualitativeStatus } from '../shared/index.js';

export interface ProgressPlanRecord {
  id: number;
  title: string;
  issuer: string | null;
  /** 文号 (`吉市政办发〔2023〕12号`); absent or null when the document gives none. */
  documentNumber?: string | null;
  year: number | null;
  sourceName: string;
  /** First year of the plan period; null falls back to the plan's year, then the as-of year. */
  startYear: number | null;
  /** Stands in for missing deadlines; null falls back to the latest deadline in the plan. */
  horizonYear: number | null;
}

export interface ProgressTaskRecord {
  id: number;
  seq: number | null;
  text: string;
  /** Responsible units in document order. */
  units: TaskUnit[];
  qualitative: boolean;
  qualitativeStatus: QualitativeStatus | null;
}

/**
 * A change against a base year (`比2020年下降14%`): which way, and from which year's level.
 * Without `change` the target states a level and is judged on the figure itself.
 */
export interface TargetDirection {
  change?: Change | null;
  /** The base year (`比2020年` → 2020); null with a change on the year before (`较上年`). */
  baseYear?: number | null;
}

export interface ProgressTargetRecord extends TargetFields, TargetDirection {
  id: number;
  taskId: number;
  /** True when the text says 年均. */
  average?: boolean;
}

/** The current (latest-revision) measurement for one target, year and member. */
export interface ProgressMeasurementRecord extends Observation {
  targetId: number;
  /** 已填报 / 已核实 / 退回. */
  state: MeasurementState;
  /** 填报人 and 核实人 with their times, as the store keeps them (reports name them apart). */
  enteredBy?: string;
  enteredAt?: string;
  verifiedBy?: string | null;
  verifiedAt?: string | null;
}

export interface PlanProgressOptions {
  /** Judge as of the end of this year. */
  asOfYear: number;
  /** `verified`: only 已核实 figures count; `all` (default): 已填报 and 已核实. 退回 never counts. */
  dataState?: DataState;
  /** Restrict the view to tasks this unit is responsible for (lead or supporting). */
  unit?: string | null;
  approxTolerance?: number;
  onTrackRatio?: number;
}

export interface PlanProgressInput {
  plan: ProgressPlanRecord;
  tasks: ProgressTaskRecord[];
  targets: ProgressTargetRecord[];
  measurements: ProgressMeasurementRecord[];
  /** Members a per-member scope ranges over (the counties of the city, …). */
  members: string[];
  /**
   * Members for particular scopes as written on the targets, where they differ from
   * `members` (`每个县（市）区` takes in the districts, `每个县（市）` does not). An empty
   * list marks a scope that is not a jurisdiction (`教师`): such a target is judged on
   * the figures entered for the whole area.
   */
  membersByScope?: Record<string, string[]>;
  options: PlanProgressOptions;
}
