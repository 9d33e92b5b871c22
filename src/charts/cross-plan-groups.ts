/**
 * Finds the same kind of target in several plans, so they can be compared side by side:
 * 吉林市's 市级思政示范课程 (20 门) and 四平市's 思政示范课 (10 门) are one kind. Two targets
 * match when their units agree and their subjects, without level prefixes (市级, 省级…) and
 * quotation marks, contain one another with the shorter at least 80% of the longer — the
 * rule the extraction scorer uses for subjects.
 */
import type { PlanProgressView } from '../progress/types';
import type { CrossPlanItem } from './cross-plan-chart';

export interface CrossPlanGroup {
  /** The shortest subject of the group, as a title (`思政示范课`). */
  subject: string;
  unit: string;
  items: CrossPlanItem[];
}

const LEVEL_PREFIX = /^(国家级|省级|市级|县级|校级)/;

/** A subject reduced to what identifies its kind: `市级“课堂革命”典型案例` → `课堂革命典型案例`. */
export function subjectKey(subject: string): string {
  return subject.replace(/[“”"‘’「」\s]/g, '').replace(LEVEL_PREFIX, '');
}

export function sameKind(
  a: { subject: string; unit: string },
  b: { subject: string; unit: string },
): boolean {
  if (a.unit !== b.unit) return false;
  const [x, y] = [subjectKey(a.subject), subjectKey(b.subject)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && long.includes(short) && short.length >= 0.8 * long.length;
}

/** Groups of matching targets that span at least two plans, in the first plan's order. */
export function crossPlanGroups(views: PlanProgressView[]): CrossPlanGroup[] {
  const groups: (CrossPlanGroup & { plans: Set<number> })[] = [];
  for (const view of views) {
    for (const row of view.targets) {
      // One target per plan in a group: a plan's second match starts a group of its own.
      const group = groups.find((g) => !g.plans.has(view.plan.id) && sameKind(g.items[0]!.row, row));
      const item = { planTitle: planLabel(view), row };
      if (group) {
        group.items.push(item);
        group.plans.add(view.plan.id);
      } else {
        groups.push({ subject: row.subject, unit: row.unit, items: [item], plans: new Set([view.plan.id]) });
      }
    }
  }
  return groups
    .filter((g) => g.items.length > 1)
    .map(({ unit, items }) => ({
      subject: items.map((i) => subjectKey(i.row.subject)).sort((a, b) => a.length - b.length)[0]!,
      unit,
      items,
    }));
}

/** What tells plans apart on an axis: the issuing area (`吉林市人民政府` → `吉林市`), else the title. */
export function planLabel(view: Pick<PlanProgressView, 'plan'>): string {
  const area = view.plan.issuer?.replace(/(人民政府)?(办公室|办公厅)?$/, '').trim();
  return area || view.plan.title;
}
