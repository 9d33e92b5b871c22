import type { Attainment, TargetProgress } from './types';

/**
 * The headline 达标率 of a set of targets: those met over those due (deadline come by the
 * as-of year, or met ahead of it). One definition for the plan page, the units page, the
 * reports and the spreadsheet; its wording lives in `src/shared/vocabulary.js` (MEASURES).
 *
 * @example 23 targets due, 12 of them met → { met: 12, due: 23, rate: 0.5217… }
 */
export function attainmentOf(progress: Iterable<Pick<TargetProgress, 'status' | 'due'>>): Attainment {
  let met = 0;
  let due = 0;
  for (const p of progress) {
    if (p.status === 'met') met += 1;
    if (p.due || p.status === 'met') due += 1;
  }
  return { met, due, rate: due === 0 ? null : met / due };
}
