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

/** A task without a quantified target that nobody has assessed yet. */
export const QUALITATIVE_UNSET_LABEL = '未评估';

/**
 * The two figures a plan (or a unit) is summed up by, with the words every page, chart,
 * spreadsheet and report uses for them. 达标率 is the headline; 平均完成率 is secondary and
 * always shown with its definition (hover text on pages, a footnote in reports).
 */
export const MEASURES = Object.freeze({
  attainment: Object.freeze({
    label: '达标率',
    definition: '已达标目标数 ÷ 应达标目标数；应达标目标指截至年度已到期的目标，加上提前达标的目标',
  }),
  completion: Object.freeze({
    label: '平均完成率',
    definition:
      '有数据的量化目标完成程度（实际 ÷ 目标）的平均值，单项超过 100% 的按 100% 计，未填报的目标不计入',
  }),
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

/**
 * Where an evaluator's review of a target stands, read from its origin and confirmation:
 * an extracted target nobody confirmed is 待确认; a confirmed one 已确认; a corrected one
 * 人工修改 and a hand-added one 人工添加 (a person wrote those, so they need no confirming).
 */
export const REVIEW_STATES = /** @type {const} */ (['pending', 'confirmed', 'edited', 'manual']);
/** @typedef {(typeof REVIEW_STATES)[number]} ReviewState */

/** @type {Readonly<Record<ReviewState, string>>} */
export const REVIEW_STATE_LABELS = Object.freeze({
  pending: '待确认',
  confirmed: '已确认',
  edited: '人工修改',
  manual: '人工添加',
});

/**
 * A target's review state. Confirmation wins over origin: a corrected target once confirmed
 * is 已确认 like an extracted one.
 * @param {{ origin: TargetOrigin, confirmed: boolean }} target
 * @returns {ReviewState}
 */
export function reviewStateOf(target) {
  if (target.confirmed) return 'confirmed';
  if (target.origin === 'edited') return 'edited';
  if (target.origin === 'manual') return 'manual';
  return 'pending';
}

/**
 * How many targets are in each review state (every state present, 0 when none).
 * @param {readonly { origin: TargetOrigin, confirmed: boolean }[]} targets
 * @returns {Record<ReviewState, number>}
 */
export function countReviewStates(targets) {
  /** @type {Record<ReviewState, number>} */
  const counts = { pending: 0, confirmed: 0, edited: 0, manual: 0 };
  for (const t of targets) counts[reviewStateOf(t)]++;
  return counts;
}

/** A responsible unit's part in a task. */
export const UNIT_ROLES = /** @type {const} */ (['lead', 'support']);
/** @typedef {(typeof UNIT_ROLES)[number]} UnitRole */

/** @type {Readonly<Record<UnitRole, string>>} */
export const UNIT_ROLE_LABELS = Object.freeze({ lead: '牵头单位', support: '配合单位' });

/** County, county-level city or city district: which per-member scopes include it. */
export const MEMBER_KINDS = /** @type {const} */ (['county', 'city', 'district']);
/** @typedef {(typeof MEMBER_KINDS)[number]} MemberKind */

// ---- plan lifecycle ---------------------------------------------------------------------

/**
 * A plan's life: imported as a draft (草稿, seen by evaluators and admins only), published
 * (已发布, seen by everyone), withdrawn (已撤回: hidden from all but admins, kept whole,
 * restorable). A draft may also be deleted outright.
 */
export const PLAN_STATES = /** @type {const} */ (['draft', 'published', 'withdrawn']);
/** @typedef {(typeof PLAN_STATES)[number]} PlanState */

/** @type {Readonly<Record<PlanState, string>>} */
export const PLAN_STATE_LABELS = Object.freeze({ draft: '草稿', published: '已发布', withdrawn: '已撤回' });

/**
 * The moves between states: from which states each may start, where it ends, which action
 * (PERMISSIONS below) it needs and its button label.
 */
export const PLAN_TRANSITIONS = Object.freeze({
  publish: {
    from: /** @type {readonly PlanState[]} */ (['draft']),
    to: /** @type {PlanState} */ ('published'),
    action: /** @type {const} */ ('publishPlan'),
    label: '发布',
  },
  withdraw: {
    from: /** @type {readonly PlanState[]} */ (['published']),
    to: /** @type {PlanState} */ ('withdrawn'),
    action: /** @type {const} */ ('withdrawPlan'),
    label: '撤回',
  },
  restore: {
    from: /** @type {readonly PlanState[]} */ (['withdrawn']),
    to: /** @type {PlanState} */ ('published'),
    action: /** @type {const} */ ('restorePlan'),
    label: '恢复',
  },
});
/** @typedef {keyof typeof PLAN_TRANSITIONS} PlanTransition */

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
    seeDrafts: ['evaluator'],
    seeWithdrawn: [],
    publishPlan: ['evaluator'],
    withdrawPlan: ['evaluator'],
    restorePlan: [],
    deletePlan: ['evaluator'],
    editTargets: ['evaluator'],
    editMembers: ['evaluator'],
    setTaskStatus: ['evaluator'],
    verifyMeasurements: ['evaluator'],
    recordMeasurements: ['statistician'],
    readAudit: ['evaluator'],
    /** Read a completion report and record the figures confirmed from it (a statistician for its units). */
    recordReportFigures: ['statistician', 'evaluator'],
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

// ---- audit ------------------------------------------------------------------------------

/**
 * Every kind of change the audit log (操作日志) records, named `what.how`. A new write path
 * adds its action here with its label, then one `writeAudit(trx, …)` line in its transaction.
 */
export const AUDIT_ACTIONS = /** @type {const} */ ([
  'plan.import',
  'plan.edit',
  'plan.members',
  'plan.publish',
  'plan.withdraw',
  'plan.restore',
  'plan.delete',
  'task.status',
  'target.add',
  'target.edit',
  'target.confirm',
  'target.delete',
  'target.restore',
  'figure.enter',
  'figure.revise',
  'figure.verify',
  'figure.return',
  'user.create',
  'user.edit',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.password_change',
  'token.create',
  'token.revoke',
  'session.signin',
  'session.refused',
]);
/** @typedef {(typeof AUDIT_ACTIONS)[number]} AuditAction */

/** @type {Readonly<Record<AuditAction, string>>} */
export const AUDIT_ACTION_LABELS = Object.freeze({
  'plan.import': '导入方案',
  'plan.edit': '修改方案',
  'plan.members': '修改成员名单',
  'plan.publish': '发布方案',
  'plan.withdraw': '撤回方案',
  'plan.restore': '恢复方案',
  'plan.delete': '删除草稿',
  'task.status': '设置任务状态',
  'target.add': '添加目标',
  'target.edit': '修正目标',
  'target.confirm': '确认目标',
  'target.delete': '删除目标',
  'target.restore': '恢复目标',
  'figure.enter': '填报数据',
  'figure.revise': '修改数据',
  'figure.verify': '核实数据',
  'figure.return': '退回数据',
  'user.create': '新建用户',
  'user.edit': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password_reset': '重置密码',
  'user.password_change': '修改密码',
  'token.create': '新建令牌',
  'token.revoke': '吊销令牌',
  'session.signin': '登录',
  'session.refused': '登录被拒',
});
/**
 * Whether a role sees a plan in this state at all: drafts only with `seeDrafts`, withdrawn
 * plans only with `seeWithdrawn`. Every read answers a hidden plan as if it did not exist.
 * @param {UserRole | null | undefined} role @param {PlanState} state
 */
export function maySeePlan(role, state) {
  if (state === 'draft') return may(role, 'seeDrafts');
  if (state === 'withdrawn') return may(role, 'seeWithdrawn');
  return !!role;
}

/** The plan states a role sees, for list queries. @param {UserRole | null | undefined} role @returns {PlanState[]} */
export function visiblePlanStates(role) {
  return PLAN_STATES.filter((s) => maySeePlan(role, s));
}
