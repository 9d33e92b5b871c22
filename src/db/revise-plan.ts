/**
 * The one way a stored plan changes: inside the caller's transaction, the plan row moves
 * from the revision the caller read to the next one in a single conditional UPDATE (so of
 * two concurrent edits on either dialect exactly one wins, the other gets stale_revision),
 * members are replaced when given, and the new state of every editable field is appended
 * to plan_revisions. Edits, members and lifecycle moves all go through here, so an audit
 * log can be written in the same transaction by whoever calls it.
 */
import type { Transaction } from 'kysely';
import { actorName, writeAudit } from './audit-store';
import { insertMembers, planFields, planRevisionRow } from './insert-plan';
import { notFound, now, staleRevision, toPlanRecord } from './rows';
import type { Database } from './schema';
import type { Actor, JurisdictionMember, PlanPatch, PlanRecord } from './store';
import { validatePlanPatch } from './validate-plan';
import type { PlanState } from '../shared/index.js';

/** What one revision changes: fields, members, the lifecycle state, or several at once. */
export interface PlanChange {
  patch?: Omit<PlanPatch, 'members'>;
  members?: JurisdictionMember[];
  state?: PlanState;
}

/** Applies a change as the plan's next revision; returns the plan as it now stands. */
export async function revisePlan(
  trx: Transaction<Database>,
  id: number,
  expectedRevision: number,
  change: PlanChange,
  actor: Actor,
): Promise<PlanRecord> {
  const at = now();
  const patch = change.patch ?? {};
  const before = await trx.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  const membersBefore = change.members ? await storedMembers(trx, id) : null;
  const result = await trx
    .updateTable('plans')
    .set((eb) => ({
      ...(patch.title !== undefined && { title: patch.title.trim() }),
      ...(patch.issuer !== undefined && { issuer: patch.issuer?.trim() || null }),
      ...(patch.documentNumber !== undefined && { document_number: patch.documentNumber?.trim() || null }),
      ...(patch.startYear !== undefined && { start_year: patch.startYear }),
      ...(patch.horizonYear !== undefined && { horizon_year: patch.horizonYear }),
      ...(patch.jurisdiction !== undefined && { jurisdiction: patch.jurisdiction?.trim() || null }),
      ...(change.state !== undefined && { state: change.state }),
      revision: eb('revision', '+', 1),
      updated_by: actorName(actor),
      updated_at: at,
    }))
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const current = await trx.selectFrom('plans').select('revision').where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound('方案', id);
    throw staleRevision(current.revision, expectedRevision);
  }
  const row = await trx.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  // Checked on the row as written: a start after the horizon rolls the whole change back.
  validatePlanPatch(toPlanRecord(row), {});
  if (change.members) {
    await trx.deleteFrom('plan_members').where('plan_id', '=', id).execute();
    await insertMembers(trx, id, change.members);
  }
  const members = change.members ?? (await storedMembers(trx, id));
  await trx
    .insertInto('plan_revisions')
    .values(planRevisionRow(row, row.revision, members, actor, at))
    .execute();
  await writeAudit(trx, actor, {
    action: auditAction(change, before?.state),
    planId: id,
    subject: row.title,
    ...(membersBefore
      ? { before: membersBefore, after: members.map((m) => ({ name: m.name.trim(), kind: m.kind })) }
      : { before: before && planFields(before), after: planFields(row) }),
  });
  return toPlanRecord(row);
}

/** What the audit log calls a revision: a lifecycle move, a new member list, or an edit. */
function auditAction(change: PlanChange, from: string | undefined) {
  if (change.state === 'published') return from === 'withdrawn' ? 'plan.restore' : 'plan.publish';
  if (change.state === 'withdrawn') return 'plan.withdraw';
  if (change.members && !change.patch) return 'plan.members';
  return 'plan.edit';
}

async function storedMembers(trx: Transaction<Database>, id: number): Promise<JurisdictionMember[]> {
  const rows = await trx
    .selectFrom('plan_members')
    .select(['name', 'kind'])
    .where('plan_id', '=', id)
    .orderBy('position')
    .execute();
  return rows.map((m) => ({ name: m.name, kind: m.kind as JurisdictionMember['kind'] }));
}
