/**
 * Measurements as revisioned series keyed by (target, year, member). Entering, revising,
 * verifying and returning a figure all insert the next revision; the current figure is
 * the latest. A bulk upload validates every row before writing any, inside one
 * transaction, so one bad row leaves the database exactly as it was.
 */
import type { Kysely } from 'kysely';
import { DomainError } from '../errors';
import { refreshAfterGrowth } from './database';
import { writeAudit, actorName } from './audit-store';
import {
  currentMeasurements,
  figureAudit,
  insertRevision,
  latestRevision,
  liveTarget,
} from './measurement-series';
import { planMembers } from './plan-store';
import { recordMeasurementRows } from './record-measurements';
import {
  checkExists,
  checkId,
  isUniqueViolation,
  notFound,
  staleRevision,
  toMeasurementRecord,
  now,
} from './rows';
import type { Database } from './schema';
import type { MeasurementRow, Store } from './store';
import { checkMeasurement } from './validate-measurement';
import { nulIssues, yearIssue } from './validate-plan';
import { MEASUREMENT_STATES } from '../shared/index.js';

/** A series is looked up by year: a year that cannot be one is refused, not sent to the database. */
function checkYear(year: number): void {
  const issue = yearIssue(year, ['year']);
  if (issue) throw new DomainError('unprocessable', undefined, [issue]);
}

type MeasurementStore = Pick<
  Store,
  | 'recordMeasurement'
  | 'recordMeasurements'
  | 'setMeasurementState'
  | 'listMeasurements'
  | 'measurementHistory'
>;

/** The measurement half of the Store over a Kysely database. */
export function createMeasurementStore(db: Kysely<Database>): MeasurementStore {
  /**
   * Two writers can read the same current revision and both insert the next one; the unique
   * (series, revision) key lets only one through. A caller who named the revision it saw is
   * told it is stale; one who just appends is retried, reading the new current revision.
   */
  const guarded = async <T>(expected: number | undefined, work: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        if (expected !== undefined || attempt >= 8) throw staleRevision((expected ?? 0) + 1, expected ?? 0);
      }
    }
  };

  return {
    async recordMeasurement(targetId, input, actor, expectedRevision) {
      checkId('目标', targetId);
      return guarded(expectedRevision, () =>
        db.transaction().execute(async (trx) => {
          const target = await liveTarget(trx, targetId);
          if (!target) throw notFound('目标', targetId);
          const checked = checkMeasurement(input, target, await planMembers(trx, target.planId));
          if (!checked.ok) throw new DomainError('unprocessable', undefined, checked.issues);
          const m = checked.value;
          const latest = await latestRevision(trx, targetId, m.year, m.member);
          const current = latest?.revision ?? 0;
          if (expectedRevision !== undefined && current !== expectedRevision)
            throw staleRevision(current, expectedRevision);
          const record = await insertRevision(trx, target, m, current + 1, 'reported', actor);
          await writeAudit(trx, actor, figureAudit(target, latest && toMeasurementRecord(latest), record));
          return record;
        }),
      );
    },

    async recordMeasurements(rows: MeasurementRow[], actor) {
      const written = await guarded(undefined, () =>
        db.transaction().execute((trx) => recordMeasurementRows(trx, rows, actor)),
      );
      await refreshAfterGrowth(db, 'measurements', written.length);
      return written;
    },

    async setMeasurementState(targetId, year, member, state, expectedRevision, actor, reason) {
      checkId('目标', targetId);
      checkYear(year);
      if (state === 'returned' && (typeof reason !== 'string' || reason.trim() === '')) {
        throw new DomainError('validation_failed', '退回须说明原因 / a return needs a reason', [
          { path: ['reason'], message: 'reason：请填写退回原因 / give the reason for returning' },
        ]);
      }
      if (typeof reason === 'string') {
        const issues = nulIssues({ reason });
        if (issues.length > 0) throw new DomainError('validation_failed', undefined, issues);
      }
      if (!MEASUREMENT_STATES.includes(state)) {
        throw new DomainError('unprocessable', undefined, [
          { path: ['state'], message: `state：未知的状态 ${String(state)} / unknown state` },
        ]);
      }
      return guarded(expectedRevision, () =>
        db.transaction().execute(async (trx) => {
          const target = await liveTarget(trx, targetId);
          if (!target) throw notFound('目标', targetId);
          const latest = await latestRevision(trx, targetId, year, member ?? '');
          if (!latest) throw notFound('填报数据', `${targetId}/${year}${member ? '/' + member : ''}`);
          if (latest.revision !== expectedRevision) throw staleRevision(latest.revision, expectedRevision);
          const row = await trx
            .insertInto('measurements')
            .values({
              target_id: latest.target_id,
              plan_id: latest.plan_id,
              year: latest.year,
              member: latest.member,
              revision: latest.revision + 1,
              value: latest.value,
              numerator: latest.numerator,
              denominator: latest.denominator,
              note: latest.note,
              state,
              // 填报人 stays who entered the value; the checker is 核实人.
              entered_by: latest.entered_by,
              entered_at: latest.entered_at,
              verified_by: actorName(actor),
              verified_at: now(),
              reason: state === 'returned' ? reason!.trim() : null,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          const record = toMeasurementRecord(row);
          await writeAudit(trx, actor, figureAudit(target, toMeasurementRecord(latest), record));
          return record;
        }),
      );
    },

    async listMeasurements(filter) {
      if (filter.planId !== undefined) await checkExists(db, '方案', filter.planId);
      if (filter.targetId !== undefined) await checkExists(db, '目标', filter.targetId);
      return currentMeasurements(db, filter);
    },

    async measurementHistory(targetId, year, member) {
      checkId('目标', targetId);
      checkYear(year);
      await checkExists(db, '目标', targetId);
      const rows = await db
        .selectFrom('measurements')
        .selectAll()
        .where('target_id', '=', targetId)
        .where('year', '=', year)
        .where('member', '=', member ?? '')
        .orderBy('revision')
        .execute();
      return rows.map(toMeasurementRecord);
    },
  };
}
