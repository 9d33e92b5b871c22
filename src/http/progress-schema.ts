/**
 * The progress view as a zod schema, typed against `PlanProgressView` so the compiler keeps
 * the two in step; the progress routes reply through it and the OpenAPI document shows it.
 */
import { z } from 'zod';
import type { PlanProgressView, UnitSummary } from '../progress/types';
import { STATUSES } from '../shared/index.js';
import { DataState, Plan, ProgressQuery, QualitativeStatus, targetReplyFields } from './schemas';

const Status = z.enum(STATUSES);
const StatusCounts = z.object({
  met: z.number().int(),
  on_track: z.number().int(),
  behind: z.number().int(),
  missed: z.number().int(),
  unreported: z.number().int(),
});

/** 达标率: targets met over targets due (deadline come, or met ahead of it); null while none is due. */
const Attainment = z.object({
  met: z.number().int(),
  due: z.number().int(),
  rate: z.number().nullable(),
});

const TargetProgress = z.object({
  targetId: z.number().int(),
  status: Status,
  due: z.boolean(),
  completion: z.number().nullable(),
  expected: z.number(),
  latest: z
    .object({ year: z.number().int(), value: z.number(), averageFrom: z.number().int().optional() })
    .nullable(),
  series: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
  aboveRange: z.boolean(),
  members: z
    .array(
      z.object({
        member: z.string(),
        status: Status,
        completion: z.number().nullable(),
        latest: z.number().nullable(),
      }),
    )
    .nullable(),
  membersMet: z.number().int().nullable(),
  change: z
    .object({
      baseYear: z.number().int().nullable(),
      baseLevel: z.number().nullable(),
      achieved: z.number().nullable(),
      targetLevel: z.number().nullable(),
    })
    .nullable(),
  note: z.string(),
});

/** 填报人 / 核实人 of the target's latest counted figure, and when. */
const FigureHandling = z
  .object({
    year: z.number().int(),
    member: z.string().nullable(),
    enteredBy: z.string().nullable(),
    enteredAt: z.string().nullable(),
    verifiedBy: z.string().nullable(),
    verifiedAt: z.string().nullable(),
  })
  .nullable();

const UnitSummarySchema: z.ZodType<UnitSummary> = z.object({
  unit: z.string(),
  counts: StatusCounts,
  total: z.number().int(),
  attainment: Attainment,
});

const ViewPlan = Plan.pick({
  id: true,
  title: true,
  issuer: true,
  year: true,
  sourceName: true,
  startYear: true,
  horizonYear: true,
});

/** One task of a progress answer, with its units and its targets' ids. */
const ProgressTask = z.object({
  taskId: z.number().int(),
  seq: z.number().int().nullable(),
  text: z.string(),
  leadUnit: z.string().nullable(),
  units: z.array(z.string()),
  qualitative: z.boolean(),
  qualitativeStatus: QualitativeStatus.nullable(),
  targetIds: z.array(z.number().int()),
});

/** What every progress answer says of a target besides its task. */
const targetProgressFields = {
  targetId: z.number().int(),
  taskId: z.number().int(),
  ...targetReplyFields,
  /** 年均: the figure shown is the average of the years so far. */
  average: z.boolean(),
  progress: TargetProgress,
  handling: FigureHandling,
};

export const ProgressView: z.ZodType<PlanProgressView> = z.object({
  plan: ViewPlan,
  asOfYear: z.number().int(),
  dataState: DataState,
  unit: z.string().nullable(),
  tasks: z.array(ProgressTask),
  targets: z.array(
    z.object({
      ...targetProgressFields,
      seq: z.number().int().nullable(),
      taskText: z.string(),
      leadUnit: z.string().nullable(),
      units: z.array(z.string()),
    }),
  ),
  units: z.array(UnitSummarySchema),
  statusCounts: StatusCounts,
  attainment: Attainment,
  overallCompletion: z.number().nullable(),
});

/**
 * The progress answer over HTTP: each task once (with its units and its targets' ids), each
 * target referring to its task by `taskId` — so the answer grows with the plan, never with
 * targets × task text — and the targets paged (`limit`, `offset`) when a plan has many.
 */
export const ProgressAnswer = z.object({
  plan: ViewPlan,
  asOfYear: z.number().int(),
  dataState: DataState,
  unit: z.string().nullable(),
  tasks: z.array(ProgressTask),
  /** This page of the targets, in task order; the whole count is in `X-Total-Count`. */
  targets: z.array(z.object(targetProgressFields)),
  units: z.array(UnitSummarySchema),
  statusCounts: StatusCounts,
  attainment: Attainment,
  overallCompletion: z.number().nullable(),
});

/** Progress options plus a page of targets (`offset` from 0, at most 2000) or one target. */
export const ProgressPageQuery = ProgressQuery.extend({
  limit: z.coerce.number().int().min(1).max(2000).default(1000),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  target: z.coerce.number().int().positive().optional(),
});

export const UnitsView = z.object({
  plan: ViewPlan,
  asOfYear: z.number().int(),
  dataState: DataState,
  units: z.array(UnitSummarySchema),
});

/** All responsible units across plans, with how many tasks name each. */
export const UnitList = z.array(
  z.object({ id: z.number().int(), name: z.string(), taskCount: z.number().int() }),
);

/** One plan of the plans page: the plan with where it stands, read in the same request. */
/** How many targets are in each review state. */
const ReviewCounts = z.object({
  pending: z.number().int(),
  confirmed: z.number().int(),
  edited: z.number().int(),
  manual: z.number().int(),
});

export const PlanSummary = z.object({
  plan: Plan,
  taskCount: z.number().int(),
  targetCount: z.number().int(),
  asOfYear: z.number().int(),
  statusCounts: StatusCounts,
  attainment: Attainment,
  overallCompletion: z.number().nullable(),
  /** Targets by review state (待确认 / 已确认 / 人工修改 / 人工添加). */
  reviewCounts: ReviewCounts,
});

/** A page of a list: its rows, the whole list's size, and the cursor of the next page. */
const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.number().int().nullable() });

export const PlanSummaryPage = paged(PlanSummary);
export const UnitPage = paged(UnitList.element);
