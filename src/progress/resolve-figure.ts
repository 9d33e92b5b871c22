import type { Observation } from './plan-progress-input';
import type { ProgressTarget } from './types';

/**
 * The figure one observation stands for. For a share (`%`) or a multiple (`倍`) the entered
 * numerator and denominator win over a typed value when both are present, because they are
 * the source figures a statistician verifies (实习实训经费 / 学校当年支出 × 100); a zero or
 * missing denominator falls back to the typed value. Null when nothing usable was entered.
 */
export function resolveFigure(
  target: Pick<ProgressTarget, 'unit' | 'change'>,
  observation: Observation,
): number | null {
  const { numerator, denominator } = observation;
  // A change target's figure is a level; its % is the change, not a share to divide out.
  if (!target.change && numerator !== null && denominator !== null && denominator !== 0) {
    if (target.unit === '%') return (numerator / denominator) * 100;
    if (target.unit === '倍') return numerator / denominator;
  }
  const value = observation.value;
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * Figures of one reporter (a member, or null for the whole plan area) by year. When the same
 * year appears twice the later observation wins, as the latest revision would.
 */
export function figuresByYear(
  target: Pick<ProgressTarget, 'unit' | 'change'>,
  observations: Observation[],
  member: string | null,
): Map<number, number> {
  const byYear = new Map<number, number>();
  for (const observation of observations) {
    if (normaliseMember(observation.member) !== member) continue;
    const figure = resolveFigure(target, observation);
    if (figure === null) byYear.delete(observation.year);
    else byYear.set(observation.year, figure);
  }
  return byYear;
}

/** Storage may hold '' where no member was given; both mean "the whole plan area". */
export function normaliseMember(member: string | null | undefined): string | null {
  const trimmed = member?.trim();
  return trimmed ? trimmed : null;
}
