/**
 * The zod schemas of the report-figures routes (issue 13): the proposals read from a
 * completion report, the accepted figures sent back, and a figure's source in its history.
 */
import { z } from 'zod';
import { YEAR_BOUNDS } from '../shared/index.js';
import { Measurement, MeasurementState } from './schemas';

const YEAR = z.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max);
const text = (max: number) => z.string().trim().min(1).max(max);
const offset = z.number().int().min(0);

/** The multipart form fields beside the report file. */
export const ReportUploadFields = z.object({
  year: z.coerce.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max),
});

const Alternative = z.object({
  targetId: z.number().int(),
  value: z.number(),
  unit: z.string(),
  score: z.number(),
});

export const FigureProposal = z.object({
  index: z.number().int(),
  targetId: z.number().int().nullable(),
  member: z.string().nullable(),
  value: z.number(),
  unit: z.string(),
  score: z.number().nullable(),
  reportValue: z.number(),
  reportUnit: z.string(),
  subject: z.string(),
  wording: z.string().nullable(),
  note: z.string().nullable(),
  alternatives: z.array(Alternative),
  sentence: z.string(),
  sentenceStart: offset,
  figureStart: offset,
  figureEnd: offset,
  current: z.object({ value: z.number(), revision: z.number().int(), state: MeasurementState }).nullable(),
  mayRecord: z.boolean(),
});

export const ReportProposals = z.object({
  planId: z.number().int(),
  year: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  proposals: z.array(FigureProposal),
  unmatched: z.array(FigureProposal),
  withoutFigure: z.array(z.number().int()),
});

export const AcceptedFigure = z.strictObject({
  targetId: z.number().int().positive(),
  member: text(50).nullable(),
  value: z.number().finite(),
  note: z.string().trim().max(500).nullish(),
  revision: z.number().int().min(0).optional(),
  sentence: text(2000),
  sentenceStart: offset,
  figureStart: offset,
  figureEnd: offset,
});

export const AcceptReportFiguresBody = z.strictObject({
  year: YEAR,
  fileName: text(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256：应为 64 位十六进制 / 64 hex digits'),
  figures: z.array(AcceptedFigure).min(1).max(1000),
});

export const AcceptReportFiguresResponse = z.object({ recorded: z.array(Measurement) });

export const FigureSource = z.object({
  measurementId: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  sentence: z.string(),
  sentenceStart: offset,
  figureStart: offset,
  figureEnd: offset,
});

export const FigureSourceList = z.array(FigureSource);
