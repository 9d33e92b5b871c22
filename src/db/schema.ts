/**
 * The one Kysely `Database` type: table and column names exactly as the migrations create
 * them. Revisioned tables (`target_revisions`, `measurements`, `task_status_revisions`)
 * are only ever inserted into; the current row of a series is the one with the highest
 * `revision`. Booleans are stored as 0/1 and timestamps as ISO text so that SQLite and
 * PostgreSQL hold identical values.
 */
import type { Generated } from 'kysely';

export interface PlansTable {
  id: Generated<number>;
  title: string;
  issuer: string | null;
  year: number | null;
  source_name: string;
  source_hash: string;
  start_year: number;
  horizon_year: number;
  jurisdiction: string | null;
  /** 'draft' | 'published' | 'withdrawn' (src/shared PLAN_STATES). */
  state: Generated<string>;
  /** 文号, e.g. 吉市政办发〔2023〕12号. */
  document_number: Generated<string | null>;
  /** The current revision of the plan's editable fields (its latest plan_revisions row). */
  revision: Generated<number>;
  /** Raised by triggers with every figure, target revision and task status revision (0010). */
  data_version: Generated<number>;
  /** JSON of the metadata proposed from the document, each field with its source line. */
  proposal: Generated<string | null>;
  created_by: string;
  created_at: string;
  updated_by: string | null;
  updated_at: string | null;
}

/** Every version of a plan's editable fields; `plans` holds the current one for joins. */
export interface PlanRevisionsTable {
  id: Generated<number>;
  plan_id: number;
  revision: number;
  title: string;
  issuer: string | null;
  start_year: number;
  horizon_year: number;
  document_number: Generated<string | null>;
  jurisdiction: Generated<string | null>;
  /** JSON array of the members as they stood at this revision. */
  members: Generated<string | null>;
  state: Generated<string>;
  changed_by: string;
  changed_at: string;
}

export interface PlanMembersTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  name: string;
  kind: string;
}

export interface UnitsTable {
  id: Generated<number>;
  name: string;
}

export interface TasksTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  seq: number | null;
  text: string;
  time_limit: string | null;
  qualitative: number;
}

export interface TaskUnitsTable {
  task_id: number;
  position: number;
  unit_id: number;
  role: string;
}

export interface TaskStatusRevisionsTable {
  id: Generated<number>;
  task_id: number;
  revision: number;
  status: string;
  set_by: string;
  set_at: string;
}

export interface TargetsTable {
  id: Generated<number>;
  task_id: number;
  plan_id: number;
  created_at: string;
}

export interface TargetRevisionsTable {
  id: Generated<number>;
  target_id: number;
  revision: number;
  quote: string;
  subject: string;
  value: number;
  max_value: number | null;
  unit: string;
  op: string;
  deadline: number | null;
  per: string | null;
  each_scope: string | null;
  base: string | null;
  /** rise / fall for a change against a base year (CHANGES); null for a level. */
  change: Generated<string | null>;
  /** The base year of a change (`比2020年` → 2020); null for a level or a change on 上年. */
  base_year: Generated<number | null>;
  span_start: number | null;
  span_end: number | null;
  origin: string;
  confirmed: number;
  confirmed_by: string | null;
  deleted: number;
  updated_by: string;
  updated_at: string;
}

export interface MeasurementsTable {
  id: Generated<number>;
  target_id: number;
  plan_id: number;
  year: number;
  /** '' for targets without members: a NULL would defeat the unique (series, revision) key. */
  member: string;
  revision: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  state: string;
  entered_by: string;
  entered_at: string;
  /** Who verified or returned it (核实人) and when; null on a 已填报 revision. */
  verified_by: Generated<string | null>;
  verified_at: Generated<string | null>;
  /** Why it was returned (退回原因); null otherwise. */
  reason: Generated<string | null>;
}

/** Where a measurement revision read from a completion report came from (migration 0009). */
export interface FigureSourcesTable {
  measurement_id: number;
  file_name: string;
  file_sha256: string;
  /** The report sentence holding the figure. */
  sentence: string;
  /** Where the sentence starts in the report text. */
  sentence_start: number;
  /** The figure's offsets in the sentence (UTF-16 code units, end exclusive). */
  figure_start: number;
  figure_end: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: string;
  disabled: Generated<number>;
  must_change_password: Generated<number>;
}

/** What a user may touch: `unit` (a 责任单位 name), `member` (a 县（市）区) or `plan` (an id). */
export interface UserScopesTable {
  user_id: number;
  kind: string;
  value: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
  created_at: string;
  /** Set for a named API token; null for a sign-in session. */
  name: string | null;
}

/** Failed sign-ins per client address and per typed user name, shared by every instance. */
export interface LoginFailuresTable {
  key: string;
  failures: number;
  last_failure_at: string;
  blocked_until: string;
}

/** Finished reports by content key; any instance serves what another drew. */
export interface ReportCacheTable {
  key: string;
  body: Buffer;
  created_at: string;
}

/**
 * The audit log (操作日志), append-only (triggers refuse UPDATE and DELETE): one row per
 * change, with the record before and after as JSON text.
 */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** Username of who did it (`cli`, `demo` for non-human writers). */
  actor: string;
  /** The client address of an HTTP request; null from the command line. */
  address: string | null;
  /** One of AUDIT_ACTIONS (src/shared). */
  action: string;
  plan_id: number | null;
  task_id: number | null;
  target_id: number | null;
  /** What the entry is about in words: a username, a token name, `2025 磐石市`. */
  subject: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface Database {
  plans: PlansTable;
  plan_revisions: PlanRevisionsTable;
  plan_members: PlanMembersTable;
  units: UnitsTable;
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  task_status_revisions: TaskStatusRevisionsTable;
  targets: TargetsTable;
  target_revisions: TargetRevisionsTable;
  measurements: MeasurementsTable;
  users: UsersTable;
  user_scopes: UserScopesTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  report_cache: ReportCacheTable;
  audit_log: AuditLogTable;
  figure_sources: FigureSourcesTable;
}
