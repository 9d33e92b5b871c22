/**
 * The storage contract every other part of dabiao codes against. Records are plain data;
 * every write runs in one transaction and nothing is overwritten: an edit to a target, a
 * measurement or a task's status adds a revision, the current value is the latest, and
 * history stays readable. Impossible requests raise `DomainError` (src/errors.ts):
 * unknown ids → `not_found`, a stale `expectedRevision` → `stale_revision`, a well-formed
 * but impossible figure → `unprocessable` with issues naming the field.
 */
import type { ExtractedPlan, PlanMetadata, Proposed, TargetFields, TaskUnit } from '../../extractors/types';
import type {
  AuditAction,
  Change,
  MeasurementState,
  MemberKind,
  PlanState,
  PlanTransition,
  QualitativeStatus,
  ReviewState,
  TargetOrigin,
  UserRole,
} from '../shared/index.js';

/**
 * Who makes a change: the username kept in history (`cli`, `demo` for non-human writers), or
 * for an HTTP request the username with the client address the audit log keeps beside it.
 */
export type Actor = string | { name: string; address?: string | null };

/** One entry of the audit log (操作日志). */
export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  address: string | null;
  action: AuditAction;
  planId: number | null;
  taskId: number | null;
  targetId: number | null;
  subject: string | null;
  /** The record before and after the change, as stored (null: created, or removed). */
  before: unknown;
  after: unknown;
}

/** What a write path says about its change; who and from where come from the actor. */
export interface AuditInput {
  action: AuditAction;
  planId?: number | null;
  taskId?: number | null;
  targetId?: number | null;
  /** What it is about in words: a username, a token name, `2025 磐石市`. */
  subject?: string | null;
  /** The record before the change (omitted for a creation) and after it (omitted for a removal). */
  before?: unknown;
  after?: unknown;
}

/** Which audit entries to read; every field narrows, dates are ISO (a bare `to` date counts whole). */
export interface AuditFilter {
  planId?: number;
  targetId?: number;
  /** Who did it (username). */
  user?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

export interface JurisdictionMember {
  name: string;
  kind: MemberKind;
}

export interface PlanRecord {
  id: number;
  title: string;
  issuer: string | null;
  year: number | null;
  sourceName: string;
  /** SHA-256 (hex) of the source file: the same file twice is the same plan. */
  sourceHash: string;
  /** First year of the plan period; figures count from here. */
  startYear: number;
  /** Stands in for a missing deadline; by default the latest deadline in the plan. */
  horizonYear: number;
  /** Name of the area whose members per-member targets range over (`吉林市`), if any. */
  jurisdiction: string | null;
  /** 草稿 / 已发布 / 已撤回: who may see the plan at all (src/shared maySeePlan). */
  state: PlanState;
  /** 文号, e.g. 吉市政办发〔2023〕12号. */
  documentNumber: string | null;
  /** The current revision of the plan's editable fields; every edit names it (else 409). */
  revision: number;
  /** What the import proposed from the document, each field with its source line; null for older plans. */
  proposal: PlanProposal | null;
  createdAt: string;
}

/** The document's proposal for a plan, with the members its jurisdiction was found to have. */
export interface PlanProposal extends PlanMetadata {
  members: Proposed<JurisdictionMember[]> | null;
}

/** A responsible unit of a stored task: the name as stored, with its role. */
export type TaskUnitRecord = TaskUnit;

export interface TaskRecord {
  id: number;
  planId: number;
  seq: number | null;
  text: string;
  /** Order in the document, from 0. */
  position: number;
  timeLimit: string | null;
  qualitative: boolean;
  /** Evaluator-set status (latest revision); null until set. */
  qualitativeStatus: QualitativeStatus | null;
  /** Lead unit first, document order kept. */
  units: TaskUnitRecord[];
}

/**
 * A change against a base year (`比2020年下降14%`): its direction and the base year. Both null
 * (or left out) for a target that states a level.
 */
export interface TargetChange {
  change?: Change | null;
  /** `比2020年` → 2020; null for a change on the year before (`较上年`) or a level. */
  baseYear?: number | null;
}

/** The editable fields of a target: the schema's, with a span a target added by hand lacks. */
export interface StoredTargetFields extends TargetFields, TargetChange {
  /** Span of `quote` in the task text; null for a target added by hand without one. */
  start: number | null;
  end: number | null;
}

/** One revision of a target; list and get calls return the current (latest) one. */
export interface TargetRecord extends StoredTargetFields {
  change: Change | null;
  baseYear: number | null;
  id: number;
  taskId: number;
  planId: number;
  revision: number;
  origin: TargetOrigin;
  confirmed: boolean;
  confirmedBy: string | null;
  /** True only in history: the revision that deleted the target. */
  deleted: boolean;
  updatedBy: string;
  updatedAt: string;
}

/** One revision of the series (target, year, member). */
export interface MeasurementRecord {
  id: number;
  targetId: number;
  planId: number;
  year: number;
  /** The reporting member for per-member targets, else null. */
  member: string | null;
  revision: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  state: MeasurementState;
  /** 填报人 and 填报时间: who entered this value, kept on the 核实 / 退回 revisions after it. */
  enteredBy: string;
  enteredAt: string;
  /** 核实人 (or who returned it) and when; null while 已填报. */
  verifiedBy: string | null;
  verifiedAt: string | null;
  /** 退回原因, required on a return; null otherwise. */
  reason: string | null;
}

export interface MeasurementInput {
  year: number;
  /**
   * Required for a per-member target whose scope has members on the plan's list (每个县（市）
   * → its counties and cities); left out for every other target (a whole-area figure).
   */
  member?: string | null;
  /** May be left out for a target with a base when numerator and denominator are given. */
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  note?: string | null;
}

export interface MeasurementRow extends MeasurementInput {
  targetId: number;
  /** When given, the series' current revision must equal it (0: the series must be new). */
  expectedRevision?: number;
}

/**
 * Where a figure read from a completion report came from, kept with the revision it was
 * recorded as: the file, its SHA-256, the sentence and the figure's span in that sentence.
 */
export interface FigureSource {
  fileName: string;
  sha256: string;
  sentence: string;
  /** Offset of the sentence in the report text. */
  sentenceStart: number;
  /** The figure's span in `sentence` (UTF-16 code units, end exclusive). */
  figureStart: number;
  figureEnd: number;
}

/** A figure accepted from a report: a measurement row with its source. */
export interface ReportFigureRow extends MeasurementRow {
  source: FigureSource;
}

/**
 * What an account may touch. A statistician writes figures for targets whose task names one
 * of its units (lead or supporting) or, on per-member targets, for one of its members; an
 * empty `plans` means every plan, else only those.
 */
export interface UserScopes {
  units: string[];
  members: string[];
  plans: number[];
}

export interface UserRecord extends UserScopes {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  passwordHash: string;
  /** A disabled user cannot sign in; its sessions and tokens ended when it was disabled. */
  disabled: boolean;
  /** Set by a password reset: everything but changing the password waits until it is changed. */
  mustChangePassword: boolean;
}

export interface NewUser extends Partial<UserScopes> {
  username: string;
  displayName: string;
  role: UserRole;
  password: string;
  mustChangePassword?: boolean;
}

export interface UserPatch extends Partial<UserScopes> {
  role?: UserRole;
  displayName?: string;
  disabled?: boolean;
}

/** A named API token as listed: never the token itself, which is shown once. */
export interface TokenInfo {
  name: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionInfo {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export interface ImportPlanInput {
  extracted: ExtractedPlan;
  title: string;
  issuer?: string | null;
  year?: number | null;
  sourceName: string;
  sourceHash: string;
  jurisdiction?: { name: string; members: JurisdictionMember[] };
  /** Where the plan starts its life; imports start as 草稿 (draft). */
  state?: PlanState;
  documentNumber?: string | null;
  /** The period when the document states it; else derived from the targets' deadlines. */
  startYear?: number | null;
  horizonYear?: number | null;
  proposal?: PlanProposal | null;
}

/** One version of a plan's editable fields. */
export interface PlanRevision {
  planId: number;
  revision: number;
  title: string;
  issuer: string | null;
  startYear: number;
  horizonYear: number;
  documentNumber: string | null;
  jurisdiction: string | null;
  /** The members as they stood at this revision; null on revisions older than members history. */
  members: JurisdictionMember[] | null;
  state: PlanState;
  changedBy: string;
  changedAt: string;
}

export interface PlanPatch {
  title?: string;
  issuer?: string | null;
  documentNumber?: string | null;
  startYear?: number;
  horizonYear?: number;
  jurisdiction?: string | null;
  /** Replaces the jurisdiction's members (in this order). */
  members?: JurisdictionMember[];
}

/** One target of a bulk confirmation, with the revision the evaluator saw. */
export interface RevisionRef {
  id: number;
  revision: number;
}

/** One page of a list ordered by id: at most `limit` rows with an id above `after`. */
export interface PageRequest {
  limit: number;
  after?: number;
  /** Only plans in these states (the states the asking role may see); all when left out. */
  states?: readonly PlanState[];
}

/** A page of a list, with how many rows the whole list holds. */
export interface Page<T> {
  items: T[];
  total: number;
  /** The `after` of the next page, or null on the last one. */
  nextCursor: number | null;
}

export interface Store {
  /** Stores an extracted plan; the same source hash again returns the existing plan. */
  importPlan(input: ImportPlanInput, actor: Actor): Promise<{ plan: PlanRecord; created: boolean }>;
  /** All plans, oldest first. */
  listPlans(): Promise<PlanRecord[]>;
  /** One page of plans in id order, with the total (reads the page's rows only). */
  pagePlans(page: PageRequest): Promise<Page<PlanRecord>>;
  /** One plan; not_found when unknown. */
  getPlan(id: number): Promise<PlanRecord>;
  /** A plan by numeric id or source file name, or null. */
  findPlan(idOrSourceName: string | number): Promise<PlanRecord | null>;
  /**
   * Edits any of the plan's fields (title, issuer, 文号, period, jurisdiction, members) as one
   * new revision; `expectedRevision` must be the current one (else stale_revision).
   */
  updatePlan(id: number, patch: PlanPatch, expectedRevision: number, actor: Actor): Promise<PlanRecord>;
  /** Publishes, withdraws or restores a plan (src/shared PLAN_TRANSITIONS) as a new revision. */
  changePlanState(
    id: number,
    transition: PlanTransition,
    expectedRevision: number,
    actor: Actor,
  ): Promise<PlanRecord>;
  /** Deletes a draft outright; a plan that is not a draft, or that holds figures, is refused. */
  deletePlan(id: number, expectedRevision: number, actor: Actor): Promise<void>;
  /** The plan (id and state) a plan, task or target id belongs to, or null when there is none. */
  planStateOf(ref: { planId: number } | { taskId: number } | { targetId: number }): Promise<{
    planId: number;
    state: PlanState;
  } | null>;
  /** Every version of the plan's editable fields, oldest first. */
  planHistory(id: number): Promise<PlanRevision[]>;

  /** The plan's tasks in document order, with units and roles and the current status. */
  listTasks(planId: number): Promise<TaskRecord[]>;
  /** Sets a qualitative task's status (未启动 / 推进中 / 已完成) as a new revision. */
  setTaskStatus(taskId: number, status: QualitativeStatus, actor: Actor): Promise<TaskRecord>;
  /** One row per distinct responsible-unit name, with how many tasks name it. */
  listUnits(): Promise<{ id: number; name: string; taskCount: number }[]>;
  /** One page of units in id order; task counts read per unit of the page by its index. */
  pageUnits(page: PageRequest): Promise<Page<{ id: number; name: string; taskCount: number }>>;

  /** Current revisions of the plan's targets, deleted ones left out, in task order. */
  listTargets(planId: number): Promise<TargetRecord[]>;
  /** The current revision of one target (deleted ones too, with `deleted: true`). */
  getTarget(id: number): Promise<TargetRecord>;
  /** Every revision of a target, oldest first. */
  targetHistory(id: number): Promise<TargetRecord[]>;
  /** Adds a target by hand (origin manual) to a task. */
  addTarget(taskId: number, fields: StoredTargetFields, actor: Actor): Promise<TargetRecord>;
  /** Corrects a target (origin edited, confirmation cleared) as a new revision. */
  updateTarget(
    id: number,
    patch: Partial<StoredTargetFields>,
    expectedRevision: number,
    actor: Actor,
  ): Promise<TargetRecord>;
  /** Marks a target confirmed by an evaluator, as a new revision. */
  confirmTarget(id: number, expectedRevision: number, actor: Actor): Promise<TargetRecord>;
  /** Deletes a target by adding a deleting revision; history is kept. */
  deleteTarget(id: number, expectedRevision: number, actor: Actor): Promise<TargetRecord>;
  /**
   * Brings back a deleted target from its deletion's audit entry (`target.delete`): a new
   * revision with the fields the target had; unprocessable when the entry is no deletion or
   * the target is live again.
   */
  restoreTargetFromAudit(auditId: number, actor: Actor): Promise<TargetRecord>;
  /** Undoes a deletion: the target as it was before, as a new revision. */
  restoreTarget(id: number, expectedRevision: number, actor: Actor): Promise<TargetRecord>;
  /** Confirms many targets of one plan in one transaction; any stale or unknown one → nothing written. */
  confirmTargets(refs: RevisionRef[], actor: Actor): Promise<TargetRecord[]>;
  /** Splits a target in two: it takes the first fields, a new target (人工添加) the second. */
  splitTarget(
    id: number,
    expectedRevision: number,
    parts: [StoredTargetFields, StoredTargetFields],
    actor: Actor,
  ): Promise<[TargetRecord, TargetRecord]>;
  /** Current targets of each plan counted by review state (deleted ones left out), in one query. */
  reviewCounts(planIds: number[]): Promise<Map<number, Record<ReviewState, number>>>;
  /** Merges two targets of one task: the first takes the fields, the second is deleted. */
  mergeTargets(
    keep: RevisionRef,
    drop: RevisionRef,
    fields: StoredTargetFields,
    actor: Actor,
  ): Promise<TargetRecord>;

  /** The members per-member targets of this plan range over, in stored order. */
  listMembers(planId: number): Promise<JurisdictionMember[]>;
  /** Replaces the plan's members as a new plan revision (`expectedRevision` must be current). */
  setMembers(
    planId: number,
    members: JurisdictionMember[],
    expectedRevision: number,
    actor: Actor,
  ): Promise<JurisdictionMember[]>;

  /** Adds a revision to the (target, year, member) series; state back to 已填报. */
  recordMeasurement(
    targetId: number,
    input: MeasurementInput,
    actor: Actor,
    expectedRevision?: number,
  ): Promise<MeasurementRecord>;
  /** Records many rows all-or-nothing; any bad row → validation_failed, nothing written. */
  recordMeasurements(rows: MeasurementRow[], actor: Actor): Promise<MeasurementRecord[]>;
  /** Verifies or returns a figure (已核实 / 退回) as a new revision. */
  setMeasurementState(
    targetId: number,
    year: number,
    member: string | null,
    state: MeasurementState,
    expectedRevision: number,
    actor: Actor,
    /** Required when returning (退回): why, for the statistician. */
    reason?: string | null,
  ): Promise<MeasurementRecord>;
  /** Current revisions of every series of a plan or a target (targets deleted left out). */
  listMeasurements(filter: { planId?: number; targetId?: number }): Promise<MeasurementRecord[]>;
  /** Records figures accepted from a report, all-or-nothing, each revision with its source. */
  recordReportFigures(rows: ReportFigureRow[], actor: Actor): Promise<MeasurementRecord[]>;
  /** The sources of a target's revisions read from reports (revisions typed by hand have none). */
  listFigureSources(targetId: number): Promise<(FigureSource & { measurementId: number })[]>;
  /** Every revision of one series, oldest first. */
  measurementHistory(targetId: number, year: number, member: string | null): Promise<MeasurementRecord[]>;

  /** Creates a user with a scrypt password hash and its scopes; conflict when the username exists. */
  createUser(input: NewUser, actor?: Actor): Promise<UserRecord>;
  /** A user by username, or null. */
  findUser(username: string): Promise<UserRecord | null>;
  /** Every user, by username. */
  listUsers(): Promise<UserRecord[]>;
  /** Edits role, display name, scopes or disabled; disabling ends every session and token at once. */
  updateUser(id: number, patch: UserPatch, actor?: Actor): Promise<UserRecord>;
  /**
   * Sets a new password; every session and token of the user ends except `keepToken` (the
   * session that changed its own password). `mustChange` makes it a reset.
   */
  setPassword(
    id: number,
    password: string,
    options?: { mustChange?: boolean; keepToken?: string; actor?: Actor },
  ): Promise<UserRecord>;
  /** The user when the password matches and the account is enabled, else null; old hashes are upgraded. */
  verifyPassword(username: string, password: string): Promise<UserRecord | null>;
  /** A new named API token for the user (shown once); conflict when the name is taken. */
  createToken(
    userId: number,
    name: string,
    ttlMs?: number,
    actor?: Actor,
  ): Promise<TokenInfo & { token: string }>;
  /** The user's live named tokens, by name. */
  listTokens(userId: number): Promise<TokenInfo[]>;
  /** Revokes one named token at once; not_found when the user has none of that name. */
  revokeToken(userId: number, name: string, actor?: Actor): Promise<void>;
  /** Starts a session; only a SHA-256 of the token is stored. With an actor, logged as a sign-in. */
  createSession(userId: number, ttlMs?: number, actor?: Actor): Promise<SessionInfo>;
  /** The session's user and CSRF token, or null when unknown or expired. */
  getSession(token: string): Promise<{ user: UserRecord; csrfToken: string; expiresAt: string } | null>;
  /** Ends a session (unknown tokens are ignored). */
  deleteSession(token: string): Promise<void>;

  /** The latest time any of these throttle keys may sign in again, or null when none waits. */
  loginRetryAt(keys: string[], at?: Date): Promise<Date | null>;
  /**
   * Counts one more failed sign-in for a key (shared by every instance) and holds it back for
   * `delayAfter(failures)` ms; answers the count and when it may try again.
   */
  recordLoginFailure(
    key: string,
    delayAfter: (failures: number) => number,
    at?: Date,
  ): Promise<{ failures: number; retryAt: Date }>;
  /** Forgets a key's failures (an account after its password was given). */
  clearLoginFailures(key: string): Promise<void>;

  /** One page of the audit log, newest first, with how many entries match (`after`: older than that id). */
  pageAudit(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>>;
  /** One audit entry; not_found when unknown. */
  getAuditEntry(id: number): Promise<AuditRecord>;
  /** Appends an entry on its own: for events that change nothing else (a refused sign-in). */
  recordAudit(actor: Actor, entry: AuditInput): Promise<void>;

  /**
   * Each plan's data version, raised by the database with every figure, target revision and
   * task status revision the plan gains: with the plan's `revision` it versions everything
   * progress is computed from (the progress cache's key). Unknown plans are left out.
   */
  planDataVersions(planIds: number[]): Promise<Map<number, number>>;
  /** A version of the set of plans, their states and the units they name (the units list's cache key). */
  plansVersion(): Promise<string>;

  /** A finished report by its content key, drawn by this or another instance, or null. */
  cachedReport(key: string): Promise<Buffer | null>;
  /** Keeps a finished report under its content key (the newest few hundred are kept). */
  cacheReport(key: string, body: Buffer): Promise<void>;

  /**
   * Refreshes the planner's statistics of every table (PostgreSQL's ANALYZE; nothing on
   * SQLite): after a bulk load, as after a restore, when autovacuum is off or has not yet
   * caught up. Without them the plans page's review counts scanned every target revision.
   */
  refreshStatistics(): Promise<void>;

  /** Whether the database answers and has run every migration this code knows (readiness). */
  readiness(): Promise<{ database: boolean; pendingMigrations: string[] }>;

  /** Closes the database connection. */
  close(): Promise<void>;
}
