/**
 * A bulk upload, all-or-nothing: every row is checked (target, member, year, ratio, a
 * repeated series, a stale revision) before any is written, and every problem is reported
 * with its row number (`['rows', 3, 'member']`), so one bad row leaves the database as it was.
 */
import type { Transaction } from 'kysely';
import { DomainError, type ErrorIssue } from '../errors';
import { writeAudits } from './audit-store';
import { figureAudit, liveTargets, measurementRow } from './measurement-series';
import { membersOfPlans } from './plan-store';
import { isStorableId, now, toMeasurementRecord } from './rows';
import type { Database } from './schema';
import type { Actor, MeasurementRecord, MeasurementRow, TargetRecord } from './store';
import { checkMeasurement, type CheckedMeasurement } from './validate-measurement';

/** Rows per statement, well below both dialects' limits on bound parameters. */
const CHUNK = 400;
/** Past this many years in one upload, reading every year of its targets is as cheap. */
const YEARS_FILTERED = 50;

const prefixed = (issues: ErrorIssue[], prefix: (string | number)[]) =>
  issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

/** Checks every row, then writes all of them or none; returns the records in row order. */
export async function recordMeasurementRows(
  trx: Transaction<Database>,
  rows: MeasurementRow[],
  actor: Actor,
): Promise<MeasurementRecord[]> {
  if (rows.length === 0) {
    throw new DomainError('validation_failed', undefined, [
      { path: ['rows'], message: 'rows：没有可导入的数据行 / no rows to record' },
    ]);
  }
  // Every target and every plan's members read once per upload, not once per row.
  const ids = [...new Set(rows.map((r) => r.targetId).filter(isStorableId))];
  const targets = await liveTargets(trx, ids);
  const members = await membersOfPlans(trx, [...new Set([...targets.values()].map((t) => t.planId))]);
  const seen = new Map<string, number>();
  const issues: ErrorIssue[] = [];
  const accepted: { target: TargetRecord; m: CheckedMeasurement; revision: number }[] = [];
  const years = [...new Set(rows.map((r) => r.year).filter((y) => Number.isInteger(y)))];
  const latest = await currentRows(trx, ids, years);
  for (const [i, row] of rows.entries()) {
    const target = targets.get(row.targetId);
    if (!target) {
      issues.push({
        path: ['rows', i, 'targetId'],
        message: `targetId：找不到目标 ${row.targetId} / target not found`,
      });
      continue;
    }
    const checked = checkMeasurement(row, target, members.get(target.planId) ?? []);
    if (!checked.ok) {
      issues.push(...prefixed(checked.issues, ['rows', i]));
      continue;
    }
    const m = checked.value;
    const key = seriesKey(target.id, m.year, m.member);
    if (seen.has(key)) {
      issues.push({
        path: ['rows', i, 'year'],
        message: `year：与第 ${seen.get(key)! + 1} 行重复（同一目标、年份和成员） / duplicates row ${seen.get(key)! + 1}`,
      });
      continue;
    }
    seen.set(key, i);
    const current = latest.get(key)?.revision ?? 0;
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
  const written = await insertRows(trx, accepted, actor);
  await writeAudits(
    trx,
    actor,
    accepted.map(({ target, m }, i) =>
      figureAudit(target, latest.get(seriesKey(target.id, m.year, m.member)), written[i]!),
    ),
  );
  return written;
}

const seriesKey = (targetId: number, year: number, member: string) => `${targetId}|${year}|${member}`;

/**
 * The current revision of every series of the given targets in the given years, one query per
 * chunk: its number decides the next revision, its values are what the audit log keeps as
 * `before`. An upload is mostly one or two years; the other years' figures of its targets are
 * not read (they were a third of a bulk write's time once a plan held ten years).
 */
async function currentRows(
  trx: Transaction<Database>,
  targetIds: number[],
  years: number[],
): Promise<Map<string, MeasurementRecord>> {
  const current = new Map<string, MeasurementRecord>();
  for (let i = 0; i < targetIds.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('measurements as m')
      .selectAll('m')
      .where('m.target_id', 'in', targetIds.slice(i, i + CHUNK))
      .$if(years.length > 0 && years.length <= YEARS_FILTERED, (q) => q.where('m.year', 'in', years))
      .where('m.revision', '=', (eb) =>
        eb
          .selectFrom('measurements as m2')
          .select((eb2) => eb2.fn.max('m2.revision').as('r'))
          .whereRef('m2.target_id', '=', 'm.target_id')
          .whereRef('m2.year', '=', 'm.year')
          .whereRef('m2.member', '=', 'm.member'),
      )
      .execute();
    for (const r of rows) current.set(seriesKey(r.target_id, r.year, r.member), toMeasurementRecord(r));
  }
  return current;
}

/** Multi-row inserts (one round trip per chunk), returned in the order of the rows. */
async function insertRows(
  trx: Transaction<Database>,
  accepted: { target: TargetRecord; m: CheckedMeasurement; revision: number }[],
  actor: Actor,
): Promise<MeasurementRecord[]> {
  const at = now();
  const byKey = new Map<string, MeasurementRecord>();
  for (let i = 0; i < accepted.length; i += CHUNK) {
    const values = accepted
      .slice(i, i + CHUNK)
      .map(({ target, m, revision }) => measurementRow(target, m, revision, 'reported', actor, at));
    const rows = await trx.insertInto('measurements').values(values).returningAll().execute();
    for (const r of rows) byKey.set(seriesKey(r.target_id, r.year, r.member), toMeasurementRecord(r));
  }
  return accepted.map(({ target, m }) => byKey.get(seriesKey(target.id, m.year, m.member))!);
}
