/**
 * Writes a whole extracted plan inside the caller's transaction, in a handful of multi-row
 * statements rather than one per row: on PostgreSQL every statement is a network round
 * trip, and a plan of 50 tasks would otherwise take several hundred.
 */
import type { Selectable, Transaction } from 'kysely';
import type { ExtractedPlan, TaskUnit } from '../../extractors/types';
import { now, targetColumns } from './rows';
import type { Database, PlansTable } from './schema';
import type { Actor, ImportPlanInput, JurisdictionMember } from './store';
import { unitName } from './unit-name';
import { actorName, writeAudit } from './audit-store';

/** Rows per INSERT, well below SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 400;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Start year: the plan's own year, else three years before its first deadline, else this year. */
export function defaultPeriod(extracted: ExtractedPlan, year: number | null | undefined, thisYear: number) {
  const deadlines = extracted.tasks
    .flatMap((t) => t.targets.map((g) => g.deadline))
    .filter((d) => d !== null);
  const startYear = year ?? (deadlines.length > 0 ? Math.min(...deadlines) - 3 : thisYear);
  const latest = deadlines.length > 0 ? Math.max(...deadlines) : null;
  const horizonYear = latest !== null && latest > startYear ? latest : startYear + 3;
  return { startYear, horizonYear };
}

/**
 * A task's units with roles (separate lead/support columns when read, else the first leads)
 * under their stored names: a unit written twice on one task (`各县(市)政府`, `各县（市）政府`)
 * is listed once, leading if either mention leads.
 */
function rolesOf(task: ExtractedPlan['tasks'][number]): TaskUnit[] {
  const written: TaskUnit[] = task.unitRoles?.length
    ? task.unitRoles
    : task.units.map((name, i) => ({ name, role: i === 0 ? 'lead' : 'support' }));
  const byName = new Map<string, TaskUnit>();
  for (const u of written) {
    const name = unitName(u.name);
    if (name === '') continue;
    const seen = byName.get(name);
    if (!seen) byName.set(name, { name, role: u.role });
    else if (u.role === 'lead') seen.role = 'lead';
  }
  return [...byName.values()];
}

/** Inserts a plan's jurisdiction members in their order. */
export async function insertMembers(
  trx: Transaction<Database>,
  planId: number,
  members: JurisdictionMember[],
) {
  const rows = members.map((m, position) => ({
    plan_id: planId,
    position,
    name: m.name.trim(),
    kind: m.kind,
  }));
  for (const part of chunks(rows)) await trx.insertInto('plan_members').values(part).execute();
}

/** One row per distinct (stored) unit name; insert-or-ignore keeps concurrent imports from clashing. */
async function unitIds(trx: Transaction<Database>, names: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks([...new Set(names)])) {
    await trx
      .insertInto('units')
      .values(part.map((name) => ({ name })))
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const rows = await trx.selectFrom('units').select(['id', 'name']).where('name', 'in', part).execute();
    for (const r of rows) ids.set(r.name, r.id);
  }
  return ids;
}

/** The plan_revisions row recording a plan's editable fields (and members) as they now stand. */
export function planRevisionRow(
  plan: Selectable<PlansTable>,
  revision: number,
  members: JurisdictionMember[],
  actor: Actor,
  at: string,
) {
  return {
    plan_id: plan.id,
    revision,
    title: plan.title,
    issuer: plan.issuer,
    start_year: plan.start_year,
    horizon_year: plan.horizon_year,
    document_number: plan.document_number,
    jurisdiction: plan.jurisdiction,
    members: JSON.stringify(members.map((m) => ({ name: m.name.trim(), kind: m.kind }))),
    state: plan.state,
    changed_by: actorName(actor),
    changed_at: at,
  };
}

/** A plan's editable fields as the audit log keeps them before and after an edit. */
export function planFields(plan: Selectable<PlansTable>) {
  return {
    title: plan.title,
    issuer: plan.issuer,
    documentNumber: plan.document_number,
    startYear: plan.start_year,
    horizonYear: plan.horizon_year,
    jurisdiction: plan.jurisdiction,
    state: plan.state,
  };
}

/** Inserts a plan with its revision 1, members, tasks, units and targets; returns its id. */
export async function insertPlan(
  trx: Transaction<Database>,
  input: ImportPlanInput,
  actor: Actor,
): Promise<number> {
  const at = now();
  const by = actorName(actor);
  const derived = defaultPeriod(input.extracted, input.startYear ?? input.year, new Date().getFullYear());
  // A period the document states wins; an end year alone keeps the derived start when it fits.
  const horizonYear = input.horizonYear ?? derived.horizonYear;
  const startYear =
    input.startYear ?? (derived.startYear <= horizonYear ? derived.startYear : horizonYear - 3);
  const plan = await trx
    .insertInto('plans')
    .values({
      title: input.title,
      issuer: input.issuer ?? null,
      year: input.year ?? null,
      source_name: input.sourceName,
      source_hash: input.sourceHash,
      start_year: startYear,
      horizon_year: horizonYear,
      jurisdiction: input.jurisdiction?.name ?? null,
      state: input.state ?? 'draft',
      document_number: input.documentNumber ?? null,
      revision: 1,
      proposal: input.proposal ? JSON.stringify(input.proposal) : null,
      created_by: by,
      created_at: at,
      updated_by: null,
      updated_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const planId = plan.id;
  await trx
    .insertInto('plan_revisions')
    .values(planRevisionRow(plan, 1, input.jurisdiction?.members ?? [], actor, at))
    .execute();
  if (input.jurisdiction) await insertMembers(trx, planId, input.jurisdiction.members);

  const tasks = input.extracted.tasks;
  const taskIds = new Map<number, number>();
  const taskRows = tasks.map((task, position) => ({
    plan_id: planId,
    position,
    seq: task.seq,
    text: task.text,
    time_limit: task.timeLimit ?? null,
    qualitative: task.qualitative ? 1 : 0,
  }));
  for (const part of chunks(taskRows)) {
    // Mapped back by position: multi-row RETURNING order is not promised by either dialect.
    const rows = await trx.insertInto('tasks').values(part).returning(['id', 'position']).execute();
    for (const r of rows) taskIds.set(r.position, r.id);
  }

  const roles = tasks.map(rolesOf);
  const units = await unitIds(
    trx,
    roles.flat().map((u) => u.name),
  );
  const taskUnitRows = roles.flatMap((list, position) =>
    list.map((u, i) => ({
      task_id: taskIds.get(position)!,
      position: i,
      unit_id: units.get(u.name)!,
      role: u.role,
    })),
  );
  for (const part of chunks(taskUnitRows)) await trx.insertInto('task_units').values(part).execute();

  const revisions = [];
  for (const [position, task] of tasks.entries()) {
    for (const g of task.targets) {
      const { id } = await trx
        .insertInto('targets')
        .values({ task_id: taskIds.get(position)!, plan_id: planId, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      revisions.push({
        target_id: id,
        revision: 1,
        ...targetColumns(g),
        origin: 'extracted',
        confirmed: 0,
        confirmed_by: null,
        deleted: 0,
        updated_by: by,
        updated_at: at,
      });
    }
  }
  for (const part of chunks(revisions)) await trx.insertInto('target_revisions').values(part).execute();
  await writeAudit(trx, actor, {
    action: 'plan.import',
    planId,
    subject: plan.title,
    after: {
      ...planFields(plan),
      sourceName: plan.source_name,
      jurisdiction: plan.jurisdiction,
      tasks: tasks.length,
      targets: revisions.length,
    },
  });
  return planId;
}
