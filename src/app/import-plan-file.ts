/**
 * Stores a plan document: reads it (any supported format), extracts its targets and imports
 * it under the SHA-256 of its bytes, so the same file twice is the same plan. Shared by
 * `dabiao import` and the demo seed; the HTTP route does the same steps with its own input.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { extractTargets } from '../../extractors/targets/extract-targets';
import { readPlan } from '../documents/read-plan';
import type { Actor, ImportPlanInput, PlanRecord, Store } from '../db/store';

export interface PlanFileOptions {
  title?: string | null;
  issuer?: string | null;
  year?: number | null;
  jurisdiction?: ImportPlanInput['jurisdiction'];
}

export interface PlanFileResult {
  plan: PlanRecord;
  created: boolean;
  tasks: number;
  targets: number;
}

/** Hex SHA-256 of a file's bytes: the identity under which a plan is stored. */
export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads, extracts and stores one plan file; the same bytes again return the stored plan. */
export async function importPlanFile(
  store: Store,
  fileName: string,
  data: Buffer,
  options: PlanFileOptions,
  actor: Actor,
): Promise<PlanFileResult> {
  const sourceName = path.basename(fileName);
  const extracted = await readPlan(sourceName, data, { extractTargets });
  const { plan, created } = await store.importPlan(
    {
      extracted,
      title: options.title?.trim() || extracted.title || path.parse(sourceName).name,
      issuer: options.issuer ?? null,
      year: options.year ?? null,
      sourceName,
      sourceHash: sha256Hex(data),
      jurisdiction: options.jurisdiction,
    },
    actor,
  );
  const [tasks, targets] = await Promise.all([store.listTasks(plan.id), store.listTargets(plan.id)]);
  return { plan, created, tasks: tasks.length, targets: targets.length };
}
