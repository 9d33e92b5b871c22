/**
 * The steps every measurement write shares, run inside the caller's transaction: the live
 * (not deleted) current target, a series' current revision, and inserting the next revision.
 */
import type { Kysely, Transaction } from 'kysely';
import { now, toMeasurementRecord, toTargetRecord, type TargetRow } from './rows';
import type { Database } from './schema';
import type { Actor, MeasurementRecord, TargetRecord } from './store';
import { targetRows } from './target-store';
import type { CheckedMeasurement } from './validate-measurement';
import type { MeasurementState } from '../shared/index.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** The current revision of a target, or null when unknown or deleted. */
export async function liveTarget(db: Db, id: number): Promise<TargetRecord | null> {
  const row = await targetRows(db, true).where('r.target_id', '=', id).executeTakeFirst();
  return row && !row.deleted ? toTargetRecord(row as TargetRow) : null;
}

/** The latest revision of a (target, year, member) series; 0 when it has none. */
export async function currentRevision(
  db: Db,
  targetId: number,
  year: number,
  member: string,
): Promise<number> {
  const row = await db
    .selectFrom('measurements')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('target_id', '=', targetId)
    .where('year', '=', year)
    .where('member', '=', member)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/** Inserts one revision of a series and returns it as a record. */
export async function insertRevision(
  db: Db,
  target: TargetRecord,
  m: CheckedMeasurement,
  revision: number,
  state: MeasurementState,
  actor: Actor,
): Promise<MeasurementRecord> {
  const row = await db
    .insertInto('measurements')
    .values(measurementRow(target, m, revision, state, actor, now()))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMeasurementRecord(row);
}

/** The stored row of one revision of a series (single and multi-row inserts alike). */
export function measurementRow(
  target: TargetRecord,
  m: CheckedMeasurement,
  revision: number,
  state: MeasurementState,
  actor: Actor,
  at: string,
) {
  return {
    target_id: target.id,
    plan_id: target.planId,
    ...m,
    revision,
    state,
    entered_by: actor,
    entered_at: at,
  };
}
