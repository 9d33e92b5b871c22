/**
 * Conversions between table rows and the records the Store hands out, plus the few
 * helpers every repository file shares. Booleans come back as 0/1 from both dialects and
 * PostgreSQL counts come back as strings, hence the explicit conversions.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Op, TargetFields } from '../../extractors/types';
import { DomainError } from '../errors';
import type { Database, MeasurementsTable, PlansTable, TargetRevisionsTable } from './schema';
import type { MeasurementRecord, PlanProposal, PlanRecord, TargetChange, TargetRecord } from './store';
import {
  CHANGES,
  PLAN_STATES,
  type Change,
  type MeasurementState,
  type PlanState,
  type TargetOrigin,
} from '../shared/index.js';

/** Timestamps are ISO text in UTC: comparable as strings, identical on both dialects. */
export function now(): string {
  return new Date().toISOString();
}

/** A plans row as a PlanRecord. */
export function toPlanRecord(row: Selectable<PlansTable>): PlanRecord {
  return {
    id: row.id,
    title: row.title,
    issuer: row.issuer,
    year: row.year,
    sourceName: row.source_name,
    sourceHash: row.source_hash,
    startYear: row.start_year,
    horizonYear: row.horizon_year,
    jurisdiction: row.jurisdiction,
    state: planState(row.state),
    documentNumber: row.document_number,
    revision: row.revision,
    proposal: parseJson<PlanProposal>(row.proposal),
    createdAt: row.created_at,
  };
}

/** A stored state as a PlanState; anything unknown is treated as the most hidden, 已撤回. */
export function planState(value: string): PlanState {
  return (PLAN_STATES as readonly string[]).includes(value) ? (value as PlanState) : 'withdrawn';
}

/** JSON text written by this code, or null when absent or unreadable. */
export function parseJson<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/**
 * A target's fields as target_revisions columns, written as given (a span may be missing). A
 * target without a direction leaves `change` and `base_year` out of the insert, so they take
 * their default (null) — also on a database still being brought up to date.
 */
export function targetColumns(
  f: TargetFields & TargetChange & { start?: number | null; end?: number | null },
) {
  return {
    quote: f.quote,
    subject: f.subject,
    value: f.value,
    max_value: f.max,
    unit: f.unit,
    op: f.op,
    deadline: f.deadline,
    per: f.per,
    each_scope: f.each,
    base: f.base,
    change: f.change ?? undefined,
    base_year: f.change
      ? ((f.baseYear === undefined ? baseYearOf(f.base) : f.baseYear) ?? undefined)
      : undefined,
    span_start: f.start ?? null,
    span_end: f.end ?? null,
  };
}

/**
 * The base year a change is written against, from the base as the document wrote it
 * (`2020年`, `2020年底` → 2020); null for `上年`, `基期` and anything else.
 * @example baseYearOf('2020年') // 2020
 */
export function baseYearOf(base: string | null): number | null {
  const m = /^((?:19|20)[0-9]{2})\s*年/.exec(base?.trim() ?? '');
  return m ? Number(m[1]) : null;
}

export type TargetRow = Selectable<TargetRevisionsTable> & { task_id: number; plan_id: number };

/** A target revision row, with its task and plan, as a TargetRecord. */
export function toTargetRecord(row: TargetRow): TargetRecord {
  return {
    id: row.target_id,
    taskId: row.task_id,
    planId: row.plan_id,
    revision: row.revision,
    quote: row.quote,
    subject: row.subject,
    value: row.value,
    max: row.max_value,
    unit: row.unit,
    op: row.op as Op,
    deadline: row.deadline,
    per: row.per === 'year' ? 'year' : null,
    each: row.each_scope,
    base: row.base,
    change: (CHANGES as readonly string[]).includes(row.change ?? '') ? (row.change as Change) : null,
    baseYear: row.base_year,
    start: row.span_start,
    end: row.span_end,
    origin: row.origin as TargetOrigin,
    confirmed: Boolean(row.confirmed),
    confirmedBy: row.confirmed_by,
    deleted: Boolean(row.deleted),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** A measurements row as a MeasurementRecord ('' member back to null). */
export function toMeasurementRecord(row: Selectable<MeasurementsTable>): MeasurementRecord {
  return {
    id: row.id,
    targetId: row.target_id,
    planId: row.plan_id,
    year: row.year,
    member: row.member === '' ? null : row.member,
    revision: row.revision,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    note: row.note,
    state: row.state as MeasurementState,
    enteredBy: row.entered_by,
    enteredAt: row.entered_at,
    verifiedBy: row.verified_by,
    verifiedAt: row.verified_at,
    reason: row.reason,
  };
}

/** True for a unique-key violation on either dialect (a concurrent writer got there first). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** `not_found` naming what was looked for, in Chinese and English. */
/** Largest id an integer column holds on both dialects; a larger one cannot name a row. */
const MAX_ID = 2_147_483_647;

/** Throws `not_found` for an id no row can have (0, negative, fractional, beyond the column's range). */
export function checkId(what: string, id: number): void {
  if (!isStorableId(id)) throw notFound(what, id);
}

/** Refuses an id no plan (方案) or target (目标) has with `not_found`, before anything is read. */
export async function checkExists(db: Kysely<Database>, what: '方案' | '目标', id: number): Promise<void> {
  checkId(what, id);
  const table = what === '方案' ? 'plans' : 'targets';
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(what, id);
}

/** The plan a task belongs to; `not_found` when no task has the id. */
export async function planOfTask(db: Kysely<Database>, taskId: number): Promise<number> {
  const task = await db.selectFrom('tasks').select('plan_id').where('id', '=', taskId).executeTakeFirst();
  if (!task) throw notFound('任务', taskId);
  return task.plan_id;
}

/** True when `id` could name a row. */
export function isStorableId(id: unknown): id is number {
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= MAX_ID;
}

/** `not_found` naming what was looked for, in Chinese and English. */
export function notFound(what: string, id: number | string): DomainError {
  return new DomainError('not_found', `找不到${what} ${id} / ${what} ${id} not found`, [
    { path: ['id'], message: `找不到${what} ${id} / not found` },
  ]);
}

/** `stale_revision` saying which revision is current and which the caller had. */
export function staleRevision(current: number, expected: number): DomainError {
  return new DomainError(
    'stale_revision',
    `数据已被他人修改（当前第 ${current} 版，提交的是第 ${expected} 版），请刷新后再试 / stale revision: current ${current}, expected ${expected}`,
    [{ path: ['expectedRevision'], message: `当前版本为 ${current} / current revision is ${current}` }],
  );
}
