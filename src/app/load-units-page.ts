import type { Page, PageRequest, Store } from '../db/store';
import { versionCache } from './version-cache';

type UnitPage = Page<{ id: number; name: string; taskCount: number }>;

/** A handful of roles' first pages is what gets asked for again and again. */
const cachedPage = versionCache<UnitPage>(50);

/**
 * A page of responsible units with their task counts, counted once per version of the plans
 * (`plansVersion`: units and their tasks come and go only with plans, and what a reader sees
 * changes only with a plan's state). Counting a unit's tasks reads every task that names it,
 * which grows with the province; an unchanged database answers from the page counted before,
 * and every instance keys it the same way.
 */
export async function loadUnitsPage(store: Store, request: PageRequest): Promise<UnitPage> {
  const key = JSON.stringify([await store.plansVersion(), request]);
  return cachedPage(store, key, () => store.pageUnits(request));
}
