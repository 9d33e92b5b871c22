/**
 * Assembles one task from its cells: units with roles, targets from the task text, and the
 * qualitative flag for a task that aims at something without a number.
 */
import type { ExtractedTask, TaskUnit } from '../types';
import { splitUnits } from './split-units';
import type { ExtractTargets } from './types';

export interface TaskCells {
  seq: number | null;
  text: string;
  /** The 责任单位 / 牵头单位 cell: first unit leads, the rest support. */
  lead: string;
  /** A separate 配合单位 cell, all supporting. */
  support: string;
  timeLimit: string | null;
}

/** Joins a cell's internal line breaks without a space, as the gold files write task text. */
export function joinCellLines(cell: string): string {
  return cell
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join('');
}

export function buildTask(cells: TaskCells, extractTargets: ExtractTargets): ExtractedTask {
  const leads = splitUnits(cells.lead);
  const supports = splitUnits(cells.support);
  const unitRoles: TaskUnit[] = [
    ...leads.map((name, i): TaskUnit => ({ name, role: i === 0 ? 'lead' : 'support' })),
    // With an empty lead cell the first unit listed still leads, as the schema reads `units`.
    ...supports.map((name, i): TaskUnit => ({
      name,
      role: leads.length === 0 && i === 0 ? 'lead' : 'support',
    })),
  ];
  const targets = extractTargets(cells.text);
  const timeLimit = cells.timeLimit === null ? null : joinCellLines(cells.timeLimit) || null;
  return {
    seq: cells.seq,
    text: cells.text,
    units: unitRoles.map((u) => u.name),
    unitRoles,
    timeLimit,
    targets,
    qualitative: targets.length === 0,
  };
}
