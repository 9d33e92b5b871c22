// @ts-check
/**
 * Every closed list dabiao knows, each beside its Chinese labels: the one home of these
 * words. Plain JavaScript with JSDoc types so the server (TypeScript derives its types from
 * here, zod builds `z.enum(LIST)`) and the browser (served as is, no build step) read the
 * same file. A new value is one entry in its list plus its label; the `Record<…>` types make
 * a missing label a type error.
 */

// ---- years -----------------------------------------------------------------------------

/** Years outside this range are typing mistakes, not plans or figures. */
export const YEAR_BOUNDS = Object.freeze({ min: 1990, max: 2100 });

/** @param {unknown} year @returns {year is number} */
export function isPlanYear(year) {
  return (
    typeof year === 'number' && Number.isInteger(year) && year >= YEAR_BOUNDS.min && year <= YEAR_BOUNDS.max
  );
}

// ---- progress ---------------------------------------------------------------------------

/** Completion status of a quantified target as of a year, in the order reports list them. */
export const STATUSES = /** @type {const} */ (['met', 'on_track', 'behind', 'missed', 'unreported']);
/** @typedef {(typeof STATUSES)[number]} Status */

/** @type {Readonly<Record<Status, string>>} */
export const STATUS_LABELS = Object.freeze({
  met: '已达标',
  on_track: '进度正常',
  behind: '进度滞后',
  missed: '未达标',
  unreported: '未填报',
});

/** Evaluator-set status of a task without a quantified target. */
export const QUALITATIVE_STATUSES = /** @type {const} */ (['not_started', 'in_progress', 'done']);
/** @typedef {(typeof QUALITATIVE_STATUSES)[number]} QualitativeStatus */

/** @type {Readonly<Record<QualitativeStatus, string>>} */
export const QUALITATIVE_LABELS = Object.freeze({
  not_started: '未启动',
  in_progress: '推进中',
  done: '已完成',
});

// ---- figures ----------------------------------------------------------------------------

/** Review state of a recorded figure: every new revision starts as `reported`. */
export const MEASUREMENT_STATES = /** @type {const} */ (['reported', 'verified', 'returned']);
/** @typedef {(typeof MEASUREMENT_STATES)[number]} MeasurementState */

/** @type {Readonly<Record<MeasurementState, string>>} */
export const MEASUREMENT_STATE_LABELS = Object.freeze({
  reported: '已填报',
  verified: '已核实',
  returned: '退回',
});

/** Which figures progress counts: every reported one, or only the verified ones. */
export const DATA_STATES = /** @type {const} */ (['all', 'verified']);
/** @typedef {(typeof DATA_STATES)[number]} DataState */

/** @type {Readonly<Record<DataState, string>>} */
export const DATA_STATE_LABELS = Object.freeze({ all: '全部填报数据', verified: '仅已核实数据' });

/** The measurement states each data state counts; a state in neither (退回) never counts. @type {Readonly<Record<DataState, readonly MeasurementState[]>>} */
export const COUNTED_STATES = Object.freeze({ all: ['reported', 'verified'], verified: ['verified'] });

// ---- targets ----------------------------------------------------------------------------

/** How the actual figure is compared with the target value. */
export const OPS = /** @type {const} */ (['eq', 'gte', 'gt', 'lte', 'lt', 'approx', 'range']);
/** @typedef {(typeof OPS)[number]} Op */

/** For a form's choice of comparison, in the order people think of them. @type {Readonly<Record<Op, string>>} */
export const OP_LABELS = Object.freeze({
  gte: '不少于（≥）',
  gt: '超过（>）',
  eq: '等于（=）',
  approx: '左右（≈）',
  range: '区间',
  lte: '不超过（≤）',
  lt: '低于（<）',
});

/** The compact sign a chart legend puts before the value (`目标 ≥ 3 家`). @type {Readonly<Record<Op, string>>} */
export const OP_SIGNS = Object.freeze({
  eq: '',
  gte: '≥ ',
  gt: '> ',
  lte: '≤ ',
  lt: '< ',
  approx: '约 ',
  range: '',
});

/**
 * Which way a target against a base year moves (`比2020年下降14%` → fall, `较2020年增长8%` →
 * rise): the figure entered each year is the level, and the change achieved is measured from
 * the level entered for the base year. A target that names a level to reach (`降至10%以下`) has
 * no direction: it is an `lte` on the level itself.
 */
export const CHANGES = /** @type {const} */ (['rise', 'fall']);
/** @typedef {(typeof CHANGES)[number]} Change */

/** The verb each direction is written with (`比2020年下降 12.3%`). @type {Readonly<Record<Change, string>>} */
export const CHANGE_LABELS = Object.freeze({ rise: '增长', fall: '下降' });

/**
 * How plans name the previous year as the base (`较上年增长8%`): the change is then measured
 * each year from the year before, not from one fixed base year.
 */
export const PREVIOUS_YEAR_BASES = Object.freeze(['上年', '去年', '上一年']);

/** Where a target's current revision came from. */
export const TARGET_ORIGINS = /** @type {const} */ (['extracted', 'edited', 'manual']);
/** @typedef {(typeof TARGET_ORIGINS)[number]} TargetOrigin */

/** @type {Readonly<Record<TargetOrigin, string>>} */
export const ORIGIN_LABELS = Object.freeze({ extracted: '抽取', edited: '人工修改', manual: '人工添加' });

/** A responsible unit's part in a task. */
export const UNIT_ROLES = /** @type {const} */ (['lead', 'support']);
/** @typedef {(typeof UNIT_ROLES)[number]} UnitRole */

/** @type {Readonly<Record<UnitRole, string>>} */
export const UNIT_ROLE_LABELS = Object.freeze({ lead: '牵头单位', support: '配合单位' });

/** County, county-level city or city district: which per-member scopes include it. */
export const MEMBER_KINDS = /** @type {const} */ (['county', 'city', 'district']);
/** @typedef {(typeof MEMBER_KINDS)[number]} MemberKind */

// ---- roles ------------------------------------------------------------------------------

/** Who a user is; `admin` may do everything. */
export const ROLES = /** @type {const} */ (['admin', 'statistician', 'evaluator', 'leader']);
/** @typedef {(typeof ROLES)[number]} UserRole */

/** @type {Readonly<Record<UserRole, string>>} */
export const ROLE_LABELS = Object.freeze({
  admin: '管理员',
  statistician: '填报员',
  evaluator: '评估员',
  leader: '领导',
});

/**
 * What each kind of action needs, besides admin: the server's routes and route table and
 * the browser's buttons all ask `may(role, action)`.
 */
export const PERMISSIONS = Object.freeze(
  /** @satisfies {Record<string, readonly UserRole[]>} */ ({
    read: ['statistician', 'evaluator', 'leader'],
    report: ['statistician', 'evaluator', 'leader'],
    importPlan: ['evaluator'],
    editPlan: ['evaluator'],
    editTargets: ['evaluator'],
    editMembers: ['evaluator'],
    setTaskStatus: ['evaluator'],
    verifyMeasurements: ['evaluator'],
    recordMeasurements: ['statistician'],
    manageUsers: [],
  }),
);
/** @typedef {keyof typeof PERMISSIONS} Action */

/** The roles allowed an action, admin included. @param {Action} action @returns {UserRole[]} */
export function rolesFor(action) {
  return ['admin', .../** @type {readonly UserRole[]} */ (PERMISSIONS[action])];
}

/** @param {UserRole | null | undefined} role @param {Action} action */
export function may(role, action) {
  return !!role && rolesFor(action).includes(role);
}
