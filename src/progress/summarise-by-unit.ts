import { attainmentOf } from './attainment';
import type { TargetProgressRow, UnitSummary } from './types';
import type { Status } from '../shared/index.js';

/** Zero for every status, in the order reports list them. */
export function emptyStatusCounts(): Record<Status, number> {
  return { met: 0, on_track: 0, behind: 0, missed: 0, unreported: 0 };
}

/**
 * Status counts per responsible unit, lead and supporting alike: every unit named on a
 * target's task answers for it, and a unit named twice on one task still counts the target
 * once. Units come in the order they first appear, so the lead units of early tasks lead.
 * With `onlyUnit`, just that unit's summary (empty when it answers for nothing).
 */
export function summariseByUnit(rows: TargetProgressRow[], onlyUnit?: string | null): UnitSummary[] {
  const byUnit = new Map<string, TargetProgressRow[]>();
  for (const row of rows) {
    for (const unit of new Set(row.units)) {
      if (onlyUnit && unit !== onlyUnit) continue;
      const own = byUnit.get(unit) ?? [];
      own.push(row);
      byUnit.set(unit, own);
    }
  }
  return [...byUnit].map(([unit, own]) => {
    const counts = emptyStatusCounts();
    for (const row of own) counts[row.progress.status] += 1;
    return { unit, counts, total: own.length, attainment: attainmentOf(own.map((row) => row.progress)) };
  });
}
