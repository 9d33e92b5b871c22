/**
 * Plain records `computePlanProgress` assembles a progress view from: what the store reads
 * out of its tables, with nothing but data in them.
 */
import type { Op } from '../../extractors/types';
import type { QualitativeStatus } from './types';

export interface PlanRecord {
  id: number;
  title: string;
  issuer: string | null;
  year: number | null;
  sourceName: string;
  /** First year of the plan period; null falls back to the plan's year, then the as-of year. */
  startYear: number | null;
  /** Stands in for missing deadlines; null falls back to the latest deadline in the plan. */
  horizonYear: number | null;
}

export interface TaskUnitRecord {
  name: string;
  role: 'lead' | 'support';
}

export interface TaskRecord {
  id: number;
  seq: number | null;
  text: string;
  /** Responsible units in document order. */
  units: TaskUnitRecord[];
  qualitative: boolean;
  qualitativeStatus: QualitativeStatus | null;
}

export interface TargetRecord {
  id: number;
  taskId: number;
  quote: string;
  subject: string;
  value: number;
  max: number | null;
  unit: string;
  op: Op;
  deadline: number | null;
  per: 'year' | null;
  /** True when the text says 年均. */
  average?: boolean;
  each: string | null;
  base: string | null;
}

/** 已填报 / 已核实 / 退回. */
export type MeasurementState = 'reported' | 'verified' | 'returned';

/** The current (latest-revision) measurement for one target, year and member. */
export interface MeasurementRecord {
  targetId: number;
  year: number;
  member: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  state: MeasurementState;
}

export interface PlanProgressOptions {
  /** Judge as of the end of this year. */
  asOfYear: number;
  /** `verified`: only 已核实 figures count; `all` (default): 已填报 and 已核实. 退回 never counts. */
  dataState?: 'verified' | 'all';
  /** Restrict the view to tasks this unit is responsible for (lead or supporting). */
  unit?: string | null;
  approxTolerance?: number;
  onTrackRatio?: number;
}

export interface PlanProgressInput {
  plan: PlanRecord;
  tasks: TaskRecord[];
  targets: TargetRecord[];
  measurements: MeasurementRecord[];
  /** Members a per-member scope ranges over (the counties of the city, …). */
  members: string[];
  options: PlanProgressOptions;
}
