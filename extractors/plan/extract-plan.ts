/**
 * Composes plan reading: blocks in reading order (prose and tables) become tasks — table
 * rows with their sequence numbers and units, prose sentences that state a target with
 * `seq: null` — plus a title. Pure: text in, plan out.
 */
import type { ExtractedPlan, ExtractedTask } from '../types';
import { findColumns } from './find-columns';
import { findTitle } from './find-title';
import { proposePlanMetadata } from './plan-metadata';
import { proseTasks } from './prose-tasks';
import { tasksFromRows, type TableState } from './tasks-from-rows';
import { textBlocks } from './text-blocks';
import { alternation } from '../rules/rule';
import { REPORT_DOCUMENT_WORDS } from '../lexicon';

const REPORT_DOCUMENT = new RegExp(alternation(REPORT_DOCUMENT_WORDS));
import type { DocBlock, PlanOptions } from './types';

/** A plan read from blocks, and whether any table lacked a task column (for a clear error). */
export interface PlanReading {
  plan: ExtractedPlan;
  /** Tables seen that had no task column and continued no task table. */
  tablesWithoutTaskColumn: number;
  tables: number;
}

/** Lines above a table's header, such as a title merged across the columns. */
function titleRows(rows: readonly string[][]): string[] {
  const headerAt = rows.findIndex((row) => findColumns(row) !== null);
  return rows.slice(0, Math.max(0, headerAt)).map((row) => row.find((c) => c.trim()) ?? '');
}

/** Reads a plan from its blocks. */
export function extractPlan(name: string, blocks: readonly DocBlock[], options: PlanOptions): PlanReading {
  const tasks: ExtractedTask[] = [];
  const state: TableState = { columns: null, width: 0, lastSeq: 0 };
  let tablesWithoutTaskColumn = 0;
  let tables = 0;
  const titleLines: string[] = [];
  // In a plan without a task table its numbered items are its tasks; beside a table they are
  // the plan's preamble and requirements, and only their targets count.
  const items = !blocks.some((b) => b.kind === 'table');
  // A report's body states what was done; its numbered headings and looking-ahead lines still aim.
  const firstLines = blocks.find((b) => b.kind === 'prose')?.lines.slice(0, 3) ?? [];
  const report = firstLines.some((l) => REPORT_DOCUMENT.test(l));
  for (const block of blocks) {
    if (block.kind === 'prose') {
      titleLines.push(...block.lines);
      tasks.push(...proseTasks(block.lines, options.extractTargets, { items, report }));
      continue;
    }
    tables++;
    titleLines.push(...titleRows(block.rows));
    const rows = tasksFromRows(block.rows, options.extractTargets, state);
    if (rows) tasks.push(...rows);
    else tablesWithoutTaskColumn++;
  }
  const metadata = proposePlanMetadata(titleLines, { isPlace: options.isPlace });
  return {
    plan: { plan: name, title: findTitle(titleLines), tasks, metadata },
    tablesWithoutTaskColumn,
    tables,
  };
}

/**
 * Reads a plain-text plan in either seed layout, prose included.
 * @example extractPlanFromText('000.txt', text, { extractTargets }).tasks[0].seq // 1
 */
export function extractPlanFromText(name: string, text: string, options: PlanOptions): ExtractedPlan {
  return extractPlan(name, textBlocks(text), options).plan;
}

/** Reads a plan from one table's rows (`string[][]`), columns found by header names. */
export function extractPlanFromRows(
  name: string,
  rows: readonly string[][],
  options: PlanOptions,
): ExtractedPlan {
  return extractPlan(name, [{ kind: 'table', rows: rows.map((r) => [...r]) }], options).plan;
}
