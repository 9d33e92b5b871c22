/**
 * Who may write which figure, as pure rules over an account's scopes. A statistician writes
 * a figure when the target's task names one of its units (lead or supporting) or, on a
 * per-member target, when the figure is for one of its members; any account limited to plans
 * acts only inside them. Each refusal names the unit, in Chinese and English.
 */
import type { UserRecord } from '../db/store';
import { unitName } from '../db/unit-name';
import { DomainError } from '../errors';

export interface FigurePlace {
  planId: number;
  /** Names of the responsible units of the target's task. */
  taskUnits: string[];
  /** The member the figure is for, null for a whole-area figure. */
  member: string | null;
}

const list = (xs: string[], none: string) => (xs.length > 0 ? xs.join('、') : none);

/** Refuses (403) when the account is limited to plans and this is not one of them. */
export function planRefusal(user: UserRecord, planId: number): DomainError | null {
  if (user.plans.length === 0 || user.plans.includes(planId)) return null;
  return new DomainError(
    'forbidden',
    `当前账户仅限方案 ${user.plans.join('、')}，无权操作方案 ${planId} / your account is limited to plans ${user.plans.join(', ')}`,
    [{ path: ['planId'], message: `无权操作方案 ${planId} / not one of your plans` }],
  );
}

/** Why this account may not write this figure, or null when it may. */
export function figureRefusal(user: UserRecord, place: FigurePlace): DomainError | null {
  const outside = planRefusal(user, place.planId);
  if (outside || user.role !== 'statistician') return outside;
  const units = place.taskUnits.map(unitName);
  if (units.some((u) => user.units.includes(u))) return null;
  if (place.member !== null && user.members.includes(place.member)) return null;
  const owner = list(units, '（未列责任单位）');
  const mine = list([...user.units, ...user.members], '（未绑定单位）');
  const forWhom = place.member !== null ? `${place.member} 的` : '';
  return new DomainError(
    'forbidden',
    `该目标的责任单位为 ${owner}，当前账户只能填报 ${mine} 的数据，无权填报${forWhom}此项 / ` +
      `this target belongs to ${owner}${place.member !== null ? ` (member ${place.member})` : ''}; your account reports for ${mine}`,
    [{ path: ['targetId'], message: `责任单位为 ${owner} / responsible unit: ${owner}` }],
  );
}
