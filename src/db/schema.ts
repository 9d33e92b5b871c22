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
}
