/**
 * Measurements as revisioned series keyed by (target, year, member). Entering, revising,
 * verifying and returning a figure all insert the next revision; the current figure is
 * the latest. A bulk upload validates every row before writing any, inside one
 * transaction, so one bad row leaves the database exactly as it was.
 */
import type { Kysely, Transaction } from 'kysely';
import { DomainError, type ErrorIssue } from '../errors';
import {
  isUniqueViolation,
  notFound,
  now,
  staleRevision,
  toMeasurementRecord,
  toTargetRecord,
  type TargetRow,
} from './rows';
import type { Database } from './schema';
import type {
  Actor,
  JurisdictionMember,
  MeasurementRecord,
  MeasurementRow,
  MeasurementState,
  Store,
  TargetRecord,
} from './store';
import { targetRows } from './target-store';
import { checkMeasurement, type CheckedMeasurement } from './validate-measurement';

type MeasurementStore = Pick<
  Store,
  | 'recordMeasurement'
  | 'recordMeasurements'
  | 'setMeasurementState'
  | 'listMeasurements'
  | 'measurementHistory'
>;

type Db = Kysely<Database> | Transaction<Database>;

const STATES: MeasurementState[] = ['reported', 'verified', 'returned'];

async function liveTarget(db: Db, id: number): Promise<TargetRecord | null> {
  const row = await targetRows(db, true).where('r.target_id', '=', id).executeTakeFirst();
  return row && !row.deleted ? toTargetRecord(row as TargetRow) : null;
}

async function planMembers(db: Db, planId: number): Promise<JurisdictionMember[]> {
  const rows = await db
    .selectFrom('plan_members')
    .select(['name', 'kind'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ name: r.name, kind: r.kind as JurisdictionMember['kind'] }));
}

async function currentRevision(db: Db, targetId: number, year: number, member: string): Promise<number> {
  const row = await db
    .selectFrom('measurements')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('target_id', '=', targetId)
    .where('year', '=', year)
    .where('member', '=', member)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

async function insertRevision(
  db: Db,
  target: TargetRecord,
  m: CheckedMeasurement,
  revision: number,
  state: MeasurementState,
  actor: Actor,
): Promise<MeasurementRecord> {
  const row = await db
    .insertInto('measurements')
    .values({
      target_id: target.id,
      plan_id: target.planId,
      ...m,
      revision,
      state,
      entered_by: actor,
      entered_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMeasurementRecord(row);
}

const prefixed = (issues: ErrorIssue[], prefix: (string | number)[]) =>
  issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

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
    recordMeasurement(targetId, input, actor, expectedRevision) {
      return guarded(expectedRevision, () =>
        db.transaction().execute(async (trx) => {
          const target = await liveTarget(trx, targetId);
          if (!target) throw notFound('目标', targetId);
          const checked = checkMeasurement(input, target, await planMembers(trx, target.planId));
          if (!checked.ok) throw new DomainError('unprocessable', undefined, checked.issues);
          const m = checked.value;
          const current = await currentRevision(trx, targetId, m.year, m.member);
          if (expectedRevision !== undefined && current !== expectedRevision)
            throw staleRevision(current, expectedRevision);
          return insertRevision(trx, target, m, current + 1, 'reported', actor);
        }),
      );
    },

    recordMeasurements(rows: MeasurementRow[], actor) {
      return guarded(undefined, () =>
        db.transaction().execute(async (trx) => {
          if (rows.length === 0) {
            throw new DomainError('validation_failed', undefined, [
              { path: ['rows'], message: 'rows：没有可导入的数据行 / no rows to record' },
            ]);
          }
          const targets = new Map<number, TargetRecord | null>();
          const members = new Map<number, JurisdictionMember[]>();
          const seen = new Map<string, number>();
          const issues: ErrorIssue[] = [];
          const accepted: { target: TargetRecord; m: CheckedMeasurement; revision: number }[] = [];
          for (const [i, row] of rows.entries()) {
            if (!targets.has(row.targetId)) targets.set(row.targetId, await liveTarget(trx, row.targetId));
            const target = targets.get(row.targetId);
            if (!target) {
              issues.push({
                path: ['rows', i, 'targetId'],
                message: `targetId：找不到目标 ${row.targetId} / target not found`,
              });
              continue;
            }
            if (!members.has(target.planId))
              members.set(target.planId, await planMembers(trx, target.planId));
            const checked = checkMeasurement(row, target, members.get(target.planId)!);
            if (!checked.ok) {
              issues.push(...prefixed(checked.issues, ['rows', i]));
              continue;
            }
            const m = checked.value;
            const key = `${target.id}|${m.year}|${m.member}`;
            if (seen.has(key)) {
              issues.push({
                path: ['rows', i, 'year'],
                message: `year：与第 ${seen.get(key)! + 1} 行重复（同一目标、年份和成员） / duplicates row ${seen.get(key)! + 1}`,
              });
              continue;
            }
            seen.set(key, i);
            const current = await currentRevision(trx, target.id, m.year, m.member);
            if (row.expectedRevision !== undefined && row.expectedRevision !== current) {
              issues.push({
                path: ['rows', i, 'expectedRevision'],
                message: `expectedRevision：数据已被修改，当前为第 ${current} 版 / stale: current revision is ${current}`,
              });
              continue;
            }
            accepted.push({ target, m, revision: current + 1 });
          }
          if (issues.length > 0) {
            const bad = new Set(issues.map((x) => x.path[1])).size;
            throw new DomainError(
              'validation_failed',
              `${bad} 行数据有误，全部未导入 / ${bad} row(s) invalid, nothing was recorded`,
              issues,
            );
          }
          const written: MeasurementRecord[] = [];
          for (const a of accepted)
            written.push(await insertRevision(trx, a.target, a.m, a.revision, 'reported', actor));
          return written;
        }),
      );
    },

    setMeasurementState(targetId, year, member, state, expectedRevision, actor) {
      if (!STATES.includes(state)) {
        throw new DomainError('unprocessable', undefined, [
          { path: ['state'], message: `state：未知的状态 ${String(state)} / unknown state` },
        ]);
      }
      return guarded(expectedRevision, () =>
        db.transaction().execute(async (trx) => {
          const target = await liveTarget(trx, targetId);
          if (!target) throw notFound('目标', targetId);
          const key = member ?? '';
          const latest = await trx
            .selectFrom('measurements')
            .selectAll()
            .where('target_id', '=', targetId)
            .where('year', '=', year)
            .where('member', '=', key)
            .orderBy('revision', 'desc')
            .executeTakeFirst();
          if (!latest) throw notFound('填报数据', `${targetId}/${year}${member ? '/' + member : ''}`);
          if (latest.revision !== expectedRevision) throw staleRevision(latest.revision, expectedRevision);
          const { year: y, member: mem, value, numerator, denominator, note } = latest;
          return insertRevision(
            trx,
            target,
            { year: y, member: mem, value, numerator, denominator, note },
            latest.revision + 1,
            state,
            actor,
          );
        }),
      );
    },

    async listMeasurements(filter) {
      if (filter.planId !== undefined) {
        const plan = await db
          .selectFrom('plans')
          .select('id')
          .where('id', '=', filter.planId)
          .executeTakeFirst();
        if (!plan) throw notFound('方案', filter.planId);
      }
      if (filter.targetId !== undefined) {
        const t = await db
          .selectFrom('targets')
          .select('id')
          .where('id', '=', filter.targetId)
          .executeTakeFirst();
        if (!t) throw notFound('目标', filter.targetId);
      }
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
        // A deleting revision is final, so any deleted revision marks the target as gone.
        .where('m.target_id', 'not in', (eb) =>
          eb.selectFrom('target_revisions').select('target_id').where('deleted', '=', 1),
        );
      if (filter.planId !== undefined) q = q.where('m.plan_id', '=', filter.planId);
      if (filter.targetId !== undefined) q = q.where('m.target_id', '=', filter.targetId);
      const rows = await q.orderBy('m.target_id').orderBy('m.year').orderBy('m.member').execute();
      return rows.map(toMeasurementRecord);
    },

    async measurementHistory(targetId, year, member) {
      const t = await db.selectFrom('targets').select('id').where('id', '=', targetId).executeTakeFirst();
      if (!t) throw notFound('目标', targetId);
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
