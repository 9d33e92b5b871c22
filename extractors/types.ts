/**
 * The shapes extraction produces. A target follows `tests/fixtures/gold/SCHEMA.md` exactly,
 * plus the `start`/`end` offsets of its quote in the task text so a UI can highlight it.
 */

import type { Op } from '../src/shared/vocabulary.js';

export type { Op };

/**
 * A target's fields as the gold schema defines them: the one list of them, which the store's
 * records, the progress rules' inputs and the progress rows pick from or extend.
 */
export interface TargetFields {
  /** Shortest substring of the task text carrying the number, its unit and qualifier words. */
  quote: string;
  /** What is counted or measured, a substring of the task text, without the verb. */
  subject: string;
  value: number;
  /** Upper bound of a range (`2-3 个`), else null. */
  max: number | null;
  /** Normalised unit: 个 门 所 人 人次 万元 % 个百分点 倍 个月 … */
  unit: string;
  op: Op;
  /** Year by whose end the target is due. */
  deadline: number | null;
  /** `year` for yearly rates (每年, 年均), else null. */
  per: 'year' | null;
  /** Distributive scope as written (`每个县（市）`), else null. */
  each: string | null;
  /** For % and 倍: what the figure is a share or multiple of, as written. */
  base: string | null;
}

export interface Target extends TargetFields {
  /** A change against a base year (`比2020年下降14%` → fall, base `2020年`): which way it moves. */
  change?: 'rise' | 'fall';
  /** Offsets of `quote` in the task text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

/** A responsible unit with its role in the task. */
export interface TaskUnit {
  name: string;
  role: 'lead' | 'support';
}

export interface ExtractedTask {
  /** Sequence number from the table, or null for a prose sentence that states a target. */
  seq: number | null;
  /** Task text exactly as in the document (line breaks inside a cell joined without a space). */
  text: string;
  /** All responsible units in document order; the first listed is the lead unit. */
  units: string[];
  /** The same units with roles; separate 牵头单位 / 配合单位 columns are kept apart. */
  unitRoles: TaskUnit[];
  /** The 完成时限 cell where the document has one, as written. */
  timeLimit: string | null;
  targets: Target[];
  /** True when the task aims at something without a number (提高…通过率, 基本达标). */
  qualitative: boolean;
}

export interface ExtractedPlan {
  /** The source file name. */
  plan: string;
  /** Title found in the document (first heading), if any. */
  title: string | null;
  tasks: ExtractedTask[];
  /** What the document says about itself (title, issuer, 文号, period, place), each with its line. */
  metadata?: PlanMetadata;
}

/** A proposed value and the document line it came from. */
export interface Proposed<T> {
  value: T;
  /** The line as written in the document (trimmed). */
  source: string;
}

/** A plan's metadata as its document proposes it; null where the document does not say. */
export interface PlanMetadata {
  title: Proposed<string> | null;
  issuer: Proposed<string> | null;
  documentNumber: Proposed<string> | null;
  startYear: Proposed<number> | null;
  horizonYear: Proposed<number> | null;
  jurisdiction: Proposed<string> | null;
}
