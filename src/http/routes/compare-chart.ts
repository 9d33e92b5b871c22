/**
 * The same kind of target side by side across plans (`/api/charts/compare.png?plans=1,2`):
 * 思政示范课程 in 吉林市 and 四平市, each plan's target and latest figure. `subject` picks the
 * kind when the plans share several; by default the first the plans share.
 */
import { Router } from 'express';
import { allow } from '../auth';
import type { PlanRecord, Store } from '../../db/store';
import { DomainError, isDomainError } from '../../errors';
import type { PlanProgressView } from '../../progress/types';
import { chartView, sendChart } from '../chart-reply';
import type { Renderer } from '../renderer';
import { CompareChartQuery, DEFAULT_CHART_HEIGHT } from '../schemas';
import { validate } from '../validate';

export function compareChartRoutes({ store, renderer }: { store: Store; renderer: Renderer }): Router {
  const router = Router();

  router.get('/api/charts/compare.png', allow('report'), async (req, res) => {
    const query = validate(CompareChartQuery, req.query);
    const views: PlanProgressView[] = [];
    for (const [i, id] of query.plans.entries())
      views.push(await chartView(store, await planAt(store, id, i), query));
    const { crossPlanGroups, subjectKey } = await import('../../charts/cross-plan-groups');
    const { crossPlanChart } = await import('../../charts/cross-plan-chart');
    const groups = crossPlanGroups(views);
    if (groups.length === 0) {
      const message = '这些方案没有同类目标可对比 / these plans share no kind of target';
      throw new DomainError('unprocessable', message, [{ path: ['plans'], message }]);
    }
    const wanted = query.subject === undefined ? null : subjectKey(query.subject);
    const group =
      wanted === null
        ? groups[0]
        : groups.find((g) => g.items.some((i) => subjectKey(i.row.subject).includes(wanted)));
    if (!group) {
      const kinds = groups.map((g) => g.subject).join('、');
      throw new DomainError('not_found', `这些方案没有同类目标“${query.subject}” / no shared target kind`, [
        {
          path: ['subject'],
          message: `没有同类目标“${query.subject}”，可选：${kinds} / no shared target kind "${query.subject}"; choose from: ${kinds}`,
        },
      ]);
    }
    const config = crossPlanChart(group.items, `${group.subject}：各方案对比`);
    await sendChart(renderer, req, res, { config, height: DEFAULT_CHART_HEIGHT }, query, 'png');
  });

  return router;
}

/** The plan named at `plans[i]`; an unknown one is reported at that place in the list. */
async function planAt(store: Store, id: number, i: number): Promise<PlanRecord> {
  try {
    return await store.getPlan(id);
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'not_found') throw e;
    const message = `找不到方案 ${id} / plan ${id} not found`;
    throw new DomainError('not_found', message, [{ path: ['plans', i], message }]);
  }
}
