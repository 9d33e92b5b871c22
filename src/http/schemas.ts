/**
 * The zod schemas of every request and response body, query and path parameter. Routes
 * validate with them and `openapi.ts` turns them into the OpenAPI document, so the two
 * cannot drift apart. Bodies are strict: an unknown field (a typo such as `vaule`) is an
 * error, not silently dropped.
 */
import { z } from 'zod';
import { chartSizeIssue } from '../charts/chart-size';
import {
  CHANGES,
  DATA_STATES,
  MEASUREMENT_STATES,
  MEMBER_KINDS,
  OPS,
  PLAN_STATES,
  QUALITATIVE_STATUSES,
  ROLES,
  TARGET_ORIGINS,
  UNIT_ROLES,
  YEAR_BOUNDS,
} from '../shared/index.js';

const YEAR = z.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max);
const queryYear = z.coerce.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max);
const text = (max: number) => z.string().trim().min(1).max(max);
/** `?verified=true|1`, or bare `?verified` as the CLI's `--verified` flag; `false|0` turns it off. */
const queryFlag = z.enum(['true', 'false', '1', '0', '']).transform((v) => v !== 'false' && v !== '0');

export const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const Role = z.enum(ROLES);
export const Op = z.enum(OPS);
/** Which way a change against a base year goes (`比2020年下降14%` → fall). */
export const Change = z.enum(CHANGES);
export const QualitativeStatus = z.enum(QUALITATIVE_STATUSES);
export const MeasurementState = z.enum(MEASUREMENT_STATES);
export const MemberKind = z.enum(MEMBER_KINDS);
export const DataState = z.enum(DATA_STATES);

// ---- sessions and users -------------------------------------------------------------

export const LoginBody = z.strictObject({ username: text(64), password: z.string().min(1).max(256) });

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** 责任单位 the account reports for (statisticians). */
  units: z.array(z.string()),
  /** Members (县（市）区) the account reports for on per-member targets. */
  members: z.array(z.string()),
  /** Plans the account is limited to; empty: every plan. */
  plans: z.array(z.number().int()),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
});

const scopeFields = {
  units: z.array(text(100)).max(200).optional(),
  members: z.array(text(100)).max(500).optional(),
  plans: z.array(z.number().int().positive()).max(500).optional(),
};

export const SessionResponse = z.object({
  user: User,
  csrfToken: z.string(),
  /** For scripts: send as `Authorization: Bearer <token>`; browsers use the HttpOnly cookie. */
  token: z.string().optional(),
  expiresAt: z.string(),
});

export const UserCreateBody = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,64}$/),
  displayName: text(64),
  role: Role,
  password: z.string().min(8).max(256),
  ...scopeFields,
});

export const UserPatchBody = z.strictObject({
  displayName: text(64).optional(),
  role: Role.optional(),
  disabled: z.boolean().optional(),
  ...scopeFields,
});

/** An admin's reset: the password given (or generated when left out) must be changed at next sign-in. */
export const PasswordResetBody = z.strictObject({ password: z.string().min(8).max(256).optional() });
export const PasswordResetResponse = z.object({ user: User, password: z.string() });

/** Changing one's own password: the current one proves it is the user. */
export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  password: z.string().min(8).max(256),
});

export const TokenBody = z.strictObject({ name: text(64) });
export const TokenInfo = z.object({ name: z.string(), createdAt: z.string(), expiresAt: z.string() });
/** The token itself is shown once, here. */
export const TokenCreated = TokenInfo.extend({ token: z.string() });
export const UserParams = z.object({ id: z.coerce.number().int().positive() });
export const TokenParams = z.object({ name: z.string().min(1).max(64) });

// ---- plans, tasks, targets ------------------------------------------------------------

export const Member = z.strictObject({ name: text(50), kind: MemberKind });

export const PlanImportJson = z.strictObject({
  title: text(200),
  text: z.string().min(1).max(5_000_000),
  issuer: text(100).nullish(),
  year: YEAR.nullish(),
  /** File name to store with the plan (defaults to the title plus `.txt`). */
  sourceName: text(200).optional(),
});

/** Multipart import: the form fields sent beside `file`. */
export const PlanImportFields = z.object({
  title: text(200).optional(),
  issuer: text(100).optional(),
  year: queryYear.optional(),
});

/** A proposed field and the document line it came from. */
const proposed = <T extends z.ZodType>(value: T) => z.object({ value, source: z.string() }).nullable();

export const PlanProposal = z.object({
  title: proposed(z.string()),
  issuer: proposed(z.string()),
  documentNumber: proposed(z.string()),
  startYear: proposed(z.number().int()),
  horizonYear: proposed(z.number().int()),
  jurisdiction: proposed(z.string()),
  members: proposed(z.array(z.object({ name: z.string(), kind: MemberKind }))),
});

export const Plan = z.object({
  id: z.number().int(),
  title: z.string(),
  issuer: z.string().nullable(),
  year: z.number().int().nullable(),
  sourceName: z.string(),
  sourceHash: z.string(),
  startYear: z.number().int(),
  horizonYear: z.number().int(),
  jurisdiction: z.string().nullable(),
  state: z.enum(PLAN_STATES),
  documentNumber: z.string().nullable(),
  revision: z.number().int(),
  proposal: PlanProposal.nullable(),
  createdAt: z.string(),
});

export const PlanImportResponse = z.object({
  plan: Plan,
  created: z.boolean(),
  tasks: z.number().int(),
  targets: z.number().int(),
});

export const PlanPatchBody = z
  .strictObject({
    /** The plan revision the edit was made against; a newer one answers 409. */
    revision: z.number().int().min(1),
    title: text(200).optional(),
    issuer: text(100).nullable().optional(),
    documentNumber: text(100).nullable().optional(),
    startYear: YEAR.optional(),
    horizonYear: YEAR.optional(),
    jurisdiction: text(50).nullable().optional(),
    members: z.array(Member).max(500).optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: '至少修改一项 / change at least one field' });

export const Task = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  seq: z.number().int().nullable(),
  text: z.string(),
  position: z.number().int(),
  timeLimit: z.string().nullable(),
  qualitative: z.boolean(),
  qualitativeStatus: QualitativeStatus.nullable(),
  units: z.array(z.object({ name: z.string(), role: z.enum(UNIT_ROLES) })),
});

export const TaskStatusBody = z.strictObject({ status: QualitativeStatus });

const targetFieldShape = {
  quote: z.string().trim().max(500),
  subject: text(200),
  value: z.number().finite(),
  max: z.number().finite().nullable(),
  unit: text(20),
  op: Op,
  deadline: YEAR.nullable(),
  per: z.literal('year').nullable(),
  each: text(50).nullable(),
  base: text(100).nullable(),
  change: Change.nullable(),
  baseYear: YEAR.nullable(),
};

export const TargetCreateBody = z.strictObject({
  ...targetFieldShape,
  quote: targetFieldShape.quote.default(''),
  max: targetFieldShape.max.default(null),
  deadline: targetFieldShape.deadline.default(null),
  per: targetFieldShape.per.default(null),
  each: targetFieldShape.each.default(null),
  base: targetFieldShape.base.default(null),
  /** Offsets of `quote` in the task text when the target was added by selecting its words. */
  start: z.number().int().min(0).nullable().default(null),
  end: z.number().int().min(0).nullable().default(null),
  change: targetFieldShape.change.default(null),
  baseYear: targetFieldShape.baseYear.default(null),
});

export const TargetPatchBody = z
  .strictObject({
    revision: z.number().int().min(1),
    quote: targetFieldShape.quote.optional(),
    subject: targetFieldShape.subject.optional(),
    value: targetFieldShape.value.optional(),
    max: targetFieldShape.max.optional(),
    unit: targetFieldShape.unit.optional(),
    op: Op.optional(),
    deadline: targetFieldShape.deadline.optional(),
    per: targetFieldShape.per.optional(),
    each: targetFieldShape.each.optional(),
    base: targetFieldShape.base.optional(),
    change: targetFieldShape.change.optional(),
    baseYear: targetFieldShape.baseYear.optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: '至少修改一项 / change at least one field' });

export const RevisionBody = z.strictObject({ revision: z.number().int().min(1) });
export const RevisionQuery = z.object({ revision: z.coerce.number().int().min(1) });

/** A target's schema fields (extractors/types.ts `TargetFields`), as the extractor gives them. */
export const targetSchemaFields = {
  quote: z.string(),
  subject: z.string(),
  value: z.number(),
  max: z.number().nullable(),
  unit: z.string(),
  op: Op,
  deadline: z.number().int().nullable(),
  per: z.literal('year').nullable(),
  each: z.string().nullable(),
  base: z.string().nullable(),
};

/** A target's fields as every reply carries them: the schema fields and its direction. */
export const targetReplyFields = {
  ...targetSchemaFields,
  /** rise / fall for a change against a base year; null for a level. */
  change: Change.nullable(),
  /** The base year of a change (`比2020年` → 2020); null for a level or a change on 上年. */
  baseYear: z.number().int().nullable(),
};

export const Target = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  planId: z.number().int(),
  revision: z.number().int(),
  ...targetReplyFields,
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  origin: z.enum(TARGET_ORIGINS),
  confirmed: z.boolean(),
  confirmedBy: z.string().nullable(),
  deleted: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export const TargetWithHistory = z.object({ target: Target, history: z.array(Target) });

// ---- members and measurements -------------------------------------------------------

export const MembersBody = z.strictObject({
  /** The plan revision the list was edited from; a newer one answers 409. */
  revision: z.number().int().min(1),
  members: z.array(Member).max(500),
});

const figure = z.number().finite();

export const MeasurementBody = z
  .strictObject({
    year: YEAR,
    value: figure.nullish(),
    member: text(50).nullish(),
    numerator: figure.nullish(),
    denominator: figure.positive().nullish(),
    note: z.string().trim().max(500).nullish(),
    /** The series' current revision as read (0 for a new one); stale → 409. */
    revision: z.number().int().min(0).optional(),
  })
  .refine((m) => m.value != null || (m.numerator != null && m.denominator != null), {
    message: '请填写数值，或同时填写分子和分母 / give value, or both numerator and denominator',
    path: ['value'],
  });

export const Measurement = z.object({
  id: z.number().int(),
  targetId: z.number().int(),
  planId: z.number().int(),
  year: z.number().int(),
  member: z.string().nullable(),
  revision: z.number().int(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string().nullable(),
  state: MeasurementState,
  /** 填报人 / 填报时间: who entered the value. */
  enteredBy: z.string(),
  enteredAt: z.string(),
  /** 核实人 / 核实时间 (or who returned it and when); null while 已填报. */
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** 退回原因. */
  reason: z.string().nullable(),
});

export const MeasurementList = z.object({
  current: z.array(Measurement),
  history: z.array(Measurement),
});

export const MeasurementStateBody = z
  .strictObject({
    targetId: z.number().int().positive(),
    year: YEAR,
    member: text(50).nullish(),
    state: MeasurementState,
    revision: z.number().int().min(1),
    /** Required when returning (退回): the statistician sees it on the 待办 page. */
    reason: text(500).nullish(),
  })
  .refine((b) => b.state !== 'returned' || (b.reason ?? '').trim() !== '', {
    path: ['reason'],
    message: 'reason：退回须说明原因 / a return needs a reason',
  });

export const BulkUploadResponse = z.object({
  recorded: z.number().int(),
  unchanged: z.number().int(),
  blank: z.number().int(),
});

// ---- progress, charts, reports -------------------------------------------------------

/** `?limit=&after=`: a page of at most `limit` rows (default 100, at most 500) after the id `after`. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.coerce.number().int().min(0).optional(),
});

export const ProgressQuery = z.object({
  year: queryYear.optional(),
  unit: text(100).optional(),
  verified: queryFlag.optional(),
});

/** The workbook's query: the view's, and `perUnit=true` for one more sheet per responsible unit. */
export const ProgressXlsxQuery = ProgressQuery.extend({ perUnit: queryFlag.optional() });

/** Height a chart takes when none is asked for (charts sized by their rows may fit more). */
export const DEFAULT_CHART_HEIGHT = 400;

const chartFields = {
  width: z.coerce.number().int().min(200).max(4000).default(800),
  /** Default: tall enough for every bar of an overview or units chart, 400 for the others. */
  height: z.coerce.number().int().min(150).max(4000).optional(),
  ratio: z.coerce.number().min(0.5).max(4).default(1),
  year: queryYear.optional(),
  verified: queryFlag.optional(),
};

/**
 * Refuses what the renderer would refuse (`chartSizeIssue`), with its words and field. A
 * height left out counts as 400; charts sized by their rows fit the rest (`fitHeight`). The
 * ratio of a vector PDF does not count.
 */
function withinPixelLimit<T extends { width: number; height?: number; ratio: number }>(
  format: 'png' | 'pdf',
) {
  return (q: T, ctx: z.RefinementCtx) => {
    const issue = chartSizeIssue({
      width: q.width,
      height: q.height ?? DEFAULT_CHART_HEIGHT,
      ratio: format === 'pdf' ? 1 : q.ratio,
    });
    if (issue) ctx.addIssue({ code: 'custom', ...issue });
  };
}

export const ChartQuery = z.object(chartFields).superRefine(withinPixelLimit('png'));
export const PdfChartQuery = z.object(chartFields).superRefine(withinPixelLimit('pdf'));

/** `plans=1,2`: two to ten distinct plan ids. */
const planIdList = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, '应为逗号分隔的方案编号，如 1,2 / comma-separated plan ids, e.g. 1,2')
  .transform((v) => v.split(',').map((id) => Number(id.trim())))
  .pipe(
    z
      .array(z.number().int().positive().max(2_147_483_647))
      .min(2)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, '方案编号不能重复 / plan ids must differ'),
  );

export const CompareChartQuery = z
  .object({
    ...chartFields,
    plans: planIdList,
    /** Which kind of target (`思政示范课`); default: the first kind the plans share. */
    subject: text(100).optional(),
  })
  .superRefine(withinPixelLimit('png'));

export const ReportQuery = ProgressQuery;

export const Health = z.object({ status: z.literal('ok') });
export const Readiness = z.object({
  status: z.literal('ready'),
  database: z.literal('ok'),
  migrations: z.literal('current'),
});

export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
  }),
});
