/**
 * The steps every measurement write shares, run inside the caller's transaction: the live
 * (not deleted) current target, a series' current revision, and inserting the next revision.
 */
import type { Kysely, Transaction } from 'kysely';
import { now, toMeasurementRecord, toTargetRecord, type TargetRow } from './rows';
import type { Database } from './schema';
import type { Actor, MeasurementRecord, TargetRecord } from './store';
import { targetRows } from './target-store';
import { actorName, type AuditInput } from './audit-store';
import type { CheckedMeasurement } from './validate-measurement';
import type { MeasurementState } from '../shared/index.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** The current revision of a target, or null when unknown or deleted. */
export async function liveTarget(db: Db, id: number): Promise<TargetRecord | null> {
  const row = await targetRows(db, true).where('r.target_id', '=', id).executeTakeFirst();
  return row && !row.deleted ? toTargetRecord(row as TargetRow) : null;
}

/** The live current revisions of many targets, in one query per chunk of ids (bulk uploads). */
export async function liveTargets(db: Db, ids: number[]): Promise<Map<number, TargetRecord>> {
  const found = new Map<number, TargetRecord>();
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await targetRows(db, true)
      .where('r.target_id', 'in', ids.slice(i, i + 400))
      .execute();
    for (const row of rows) if (!row.deleted) found.set(row.target_id, toTargetRecord(row as TargetRow));
  }
  return found;
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
    entered_by: actorName(actor),
    entered_at: at,
  };
}

/** The latest revision row of a (target, year, member) series, or undefined when it has none. */
export async function latestRevision(db: Db, targetId: number, year: number, member: string) {
  return db
    .selectFrom('measurements')
    .selectAll()
    .where('target_id', '=', targetId)
    .where('year', '=', year)
    .where('member', '=', member)
    .orderBy('revision', 'desc')
    .executeTakeFirst();
}

/** A figure as the audit log keeps it. */
function figureView(m: MeasurementRecord) {
  return {
    year: m.year,
    member: m.member,
    revision: m.revision,
    value: m.value,
    numerator: m.numerator,
    denominator: m.denominator,
    note: m.note,
    state: m.state,
    enteredBy: m.enteredBy,
    enteredAt: m.enteredAt,
    verifiedBy: m.verifiedBy,
    verifiedAt: m.verifiedAt,
    reason: m.reason,
  };
}

/** The audit entry of a new revision `after` of a series whose revision before was `before`. */
export function figureAudit(
  target: { id: number; taskId: number; planId: number },
  before: MeasurementRecord | undefined,
  after: MeasurementRecord,
): AuditInput {
  const action =
    after.state === 'verified'
      ? 'figure.verify'
      : after.state === 'returned'
        ? 'figure.return'
        : before
          ? 'figure.revise'
          : 'figure.enter';
  return {
    action,
    planId: target.planId,
    taskId: target.taskId,
    targetId: target.id,
    subject: after.member ? `${after.year} ${after.member}` : String(after.year),
    ...(before && { before: figureView(before) }),
    after: figureView(after),
  };
}

/**
 * The current revision of every series of one plan or one target, deleted targets left out.
 * Bounded by what was asked for: the plan (or target) filter and the latest-revision lookup
 * read the series indexes, and a target's deletion is checked per target of the answer
 * (`not exists` on its own revisions), never by listing every deleted target in the database.
 */
export async function currentMeasurements(
  db: Db,
  filter: { planId?: number; targetId?: number },
): Promise<MeasurementRecord[]> {
  const rows = await currentMeasurementsQuery(db, filter).execute();
  return rows.map(toMeasurementRecord);
}

/** The query `currentMeasurements` runs (the query-plan test and bench explain it). */
export function currentMeasurementsQuery(db: Db, filter: { planId?: number; targetId?: number }) {
  let q = db
    .selectFrom('measurements as m')
    .selectAll('m')
    .where('m.revision', '=', (eb) =>
      eb
        .selectFrom('measurements as m2')
        .select((eb2) => eb2.fn.max('m2.revision').as('r'))
        .whereRef('m2.target_id', '=', 'm.target_id')
        .whereRef('m2.year', '=', 'm.year')
        .whereRef('m2.member', '=', 'm.member'),
    )
    // The target is gone when its latest revision deletes it (a deletion can be undone, so an
    // earlier deleting revision followed by a restoring one leaves the figures counted).
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('target_revisions as d')
            .select('d.id')
            .whereRef('d.target_id', '=', 'm.target_id')
            .where('d.deleted', '=', 1)
            .where(({ not: none, exists: any, selectFrom: later }) =>
              none(
                any(
                  later('target_revisions as l')
                    .select('l.id')
                    .whereRef('l.target_id', '=', 'd.target_id')
                    .whereRef('l.revision', '>', 'd.revision'),
                ),
              ),
            ),
        ),
      ),
    );
  if (filter.planId !== undefined) q = q.where('m.plan_id', '=', filter.planId);
  if (filter.targetId !== undefined) q = q.where('m.target_id', '=', filter.targetId);
  return q.orderBy('m.target_id').orderBy('m.year').orderBy('m.member');
}
