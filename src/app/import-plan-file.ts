/**
 * Stores a plan document: reads it (any supported format), extracts its targets, proposes
 * its metadata from the document (title, issuer, 文号, period, jurisdiction with members
 * from the built-in list of divisions) and imports it under the SHA-256 of its bytes, so the
 * same file twice is the same plan. A new plan is a draft (草稿) unless the caller says
 * otherwise (the demo seed publishes its plans). Shared by `dabiao import`, the HTTP route
 * and the demo seed.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { extractTargets } from '../../extractors/targets/extract-targets';
import type { ExtractedPlan } from '../../extractors/types';
import { readPlan } from '../documents/read-plan';
import type { Actor, ImportPlanInput, PlanProposal, PlanRecord, Store } from '../db/store';
import type { PlanState } from '../shared/index.js';
import { findDivision, isDivision } from './china-divisions';

export interface PlanFileOptions {
  title?: string | null;
  issuer?: string | null;
  year?: number | null;
  jurisdiction?: ImportPlanInput['jurisdiction'];
  /** 草稿 unless given. */
  state?: PlanState;
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

/** The document's proposal, with the members of the jurisdiction it names when that is a known division. */
export function planProposal(extracted: ExtractedPlan): PlanProposal | null {
  const metadata = extracted.metadata;
  if (!metadata) return null;
  const division = metadata.jurisdiction ? findDivision(metadata.jurisdiction.value) : null;
  const members =
    division && metadata.jurisdiction && division.members.length > 0
      ? { value: division.members, source: metadata.jurisdiction.source }
      : null;
  return { ...metadata, members };
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
  const extracted = await readPlan(sourceName, data, { extractTargets, isPlace: isDivision });
  const proposal = planProposal(extracted);
  const place = proposal?.jurisdiction?.value;
  const jurisdiction =
    options.jurisdiction ?? (place ? { name: place, members: proposal?.members?.value ?? [] } : undefined);
  const { plan, created } = await store.importPlan(
    {
      extracted,
      title:
        options.title?.trim() || proposal?.title?.value || extracted.title || path.parse(sourceName).name,
      issuer: options.issuer ?? proposal?.issuer?.value ?? null,
      year: options.year ?? null,
      sourceName,
      sourceHash: sha256Hex(data),
      jurisdiction,
      state: options.state ?? 'draft',
      documentNumber: proposal?.documentNumber?.value ?? null,
      startYear: options.year ?? proposal?.startYear?.value ?? null,
      horizonYear: proposal?.horizonYear?.value ?? null,
      proposal,
    },
    actor,
  );
  const [tasks, targets] = await Promise.all([store.listTasks(plan.id), store.listTargets(plan.id)]);
  return { plan, created, tasks: tasks.length, targets: targets.length };
}
