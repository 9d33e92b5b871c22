/**
 * Shapes shared inside plan reading. A document, whatever its format, is first turned into
 * blocks in reading order — prose paragraphs and tables of plain cell strings — so one
 * composition (`extractPlan`) serves text, Word, Excel and CSV alike.
 */
import type { Target } from '../types';

/** The target extractor, passed in so plan reading stays independent of its rules. */
export type ExtractTargets = (text: string) => Target[];

export interface PlanOptions {
  extractTargets: ExtractTargets;
  /** Whether a name is a known division, for the jurisdiction a title names (else any place-like prefix). */
  isPlace?: (name: string) => boolean;
}

/** Prose lines (one paragraph per line) outside any table. */
export interface ProseBlock {
  kind: 'prose';
  lines: string[];
}

/**
 * A table as rows of cells. A cell keeps its internal line breaks as `\n`: task text joins
 * them without a space, unit lists treat them as separators.
 */
export interface TableBlock {
  kind: 'table';
  rows: string[][];
}

export type DocBlock = ProseBlock | TableBlock;
