/**
 * Request and response schemas of the plan lifecycle, the target review and the divisions
 * routes; beside `schemas.ts`, whose shared pieces they reuse, and listed in the same
 * operation table.
 */
import { z } from 'zod';
import { Member, Target, TargetCreateBody, targetSchemaFields } from './schemas';
import { PLAN_STATES } from '../shared/index.js';

const revision = z.number().int().min(1);

/** Confirming several targets at once: each with the revision the evaluator saw. */
export const ConfirmTargetsBody = z.strictObject({
  targets: z
    .array(z.strictObject({ id: z.number().int().min(1), revision }))
    .min(1)
    .max(500),
});

/** The fields of one part of a split or the result of a merge (a target's fields, span optional). */
const TargetFieldsBody = TargetCreateBody;

export const SplitTargetBody = z.strictObject({
  revision,
  parts: z.tuple([TargetFieldsBody, TargetFieldsBody]),
});

export const MergeTargetsBody = z.strictObject({
  revision,
  /** The other target of the same task, deleted by the merge. */
  with: z.strictObject({ id: z.number().int().min(1), revision }),
  fields: TargetFieldsBody,
});

/** Words selected in a task's text: [start, end) in UTF-16 code units. */
export const SelectionBody = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((s) => s.end > s.start, {
    message: 'end：终点应在起点之后 / end must be after start',
    path: ['end'],
  });

export const TargetProposal = z.object({
  ...targetSchemaFields,
  start: z.number().int(),
  end: z.number().int(),
  /** How much the extractor understood: a whole target, only a number and unit, or nothing. */
  reading: z.enum(['target', 'number', 'none']),
});

export const TargetPair = z.tuple([Target, Target]);
export const TargetListReply = z.array(Target);

export const Division = z.object({ name: z.string(), province: z.string(), members: z.array(Member) });
export const DivisionNames = z.array(z.object({ name: z.string(), province: z.string() }));
export const DivisionParams = z.object({ name: z.string().trim().min(1).max(50) });

export const PlanRevisionReply = z.object({
  planId: z.number().int(),
  revision: z.number().int(),
  title: z.string(),
  issuer: z.string().nullable(),
  startYear: z.number().int(),
  horizonYear: z.number().int(),
  documentNumber: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  members: z.array(Member).nullable(),
  state: z.enum(PLAN_STATES),
  changedBy: z.string(),
  changedAt: z.string(),
});
