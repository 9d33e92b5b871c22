/**
 * 指标详情: where one target stands, its chart, figures per year (and per member), the entry
 * form for statisticians, 核实 / 退回 for evaluators, and the revision history.
 */
import { get, query, session } from '../lib/api.js';
import { findSpan, h, highlighted, replace } from '../lib/dom.js';
import { describeLatest, describeTarget, formatPercent, may } from '../../../shared/index.js';
import { setCrumbs } from '../lib/shell.js';
import { completionBar, loading, statusChip } from '../lib/widgets.js';
import { figureForm } from './figure-form.js';
import { figuresTable } from './figures-table.js';
import { memberTable } from './member-progress.js';
import { measurementHistory, targetHistory } from './target-history.js';
import { targetFields } from './target-fields.js';
import { loadProgress } from '../lib/progress.js';
import { viewOptions } from './plan.js';
import { chartCard } from '../lib/charts.js';
import { targetTrendChart } from '../../../charts/target-trend-chart.js';

export async function renderTarget(main, [id], q, alive) {
  setCrumbs([['方案列表', '#/plans'], ['指标详情']]);
  if (!main.querySelector('.target-page')) replace(main, loading());
  const { year, verified } = viewOptions(q);
  const { target, history } = await get(`/api/targets/${id}`);
  const params = { year, verified: verified ? 'true' : undefined };
  const [plan, tasks, view, figures, members, sources] = await Promise.all([
    get(`/api/plans/${target.planId}`),
    get(`/api/plans/${target.planId}/tasks`),
    loadProgress(target.planId, { ...params, target: target.id }),
    get(`/api/targets/${id}/measurements`),
    target.each ? get(`/api/plans/${target.planId}/members`) : Promise.resolve([]),
    get(`/api/targets/${id}/figure-sources`),
  ]);
  if (!alive()) return;

  const planLink = `#/plans/${plan.id}${query({ year, data: verified ? 'verified' : '' })}`;
  setCrumbs([['方案列表', '#/plans'], [plan.title, planLink], [target.subject]]);
  const task = tasks.find((t) => t.id === target.taskId);
  const row = view.targets.find((r) => r.targetId === target.id) ?? null;
  const progress = row?.progress ?? null;
  // Per-member targets range over the members the progress rules judged (scope-aware).
  const memberNames = progress?.members?.map((m) => m.member) ?? members.map((m) => m.name);
  const reload = (focusId) =>
    renderTarget(main, [id], new URLSearchParams(location.hash.split('?')[1] ?? ''), alive).then(() => {
      if (focusId) document.getElementById(focusId)?.focus();
    });

  const years = [];
  for (let y = plan.startYear; y <= Math.max(plan.horizonYear, view.asOfYear); y++) years.push(y);
  const ctx = { target, plan, figures, memberNames, years, asOfYear: view.asOfYear, reload };

  // Drawn in the page by the function the server's PNG is drawn with (src/charts).
  const chart = row
    ? chartCard({
        heading: '历年数据',
        label: `${target.subject}历年数据图`,
        fileName: target.subject,
        draw: (narrow) => ({
          config: targetTrendChart(view, target.id, { narrow }),
          height: narrow ? 340 : 380,
        }),
      })
    : null;

  const entering = may(session.user?.role, 'recordMeasurements');
  const figuresCard = h(
    'section',
    { class: 'card', id: 'figures' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', null, '填报数据'),
      h('span', { class: 'muted small' }, `共 ${figures.current.length} 条当前数据`),
    ),
    figuresTable(ctx),
    entering ? figureForm(ctx) : h('p', { class: 'muted small' }, '当前角色只能查看数据；数据由填报员录入。'),
  );

  replace(
    main,
    h(
      'div',
      { class: 'target-page' },
      head(target, task, progress, view),
      // Statisticians come here to enter figures: their form leads; others read the chart first.
      entering ? figuresCard : null,
      h('div', { class: 'grid-2' }, chart, targetFields(ctx)),
      progress?.members ? memberTable(progress, target) : null,
      entering ? null : figuresCard,
      h(
        'section',
        { class: 'card', id: 'history' },
        h('h2', null, '修订记录'),
        measurementHistory(figures.history, target, sources),
        targetHistory(history),
      ),
    ),
  );
}

function head(target, task, progress, view) {
  const text = task?.text ?? '';
  const [start, end] = findSpan(text, target.quote, target.start, target.end);
  const lead = task?.units.filter((u) => u.role === 'lead').map((u) => u.name) ?? [];
  const support = task?.units.filter((u) => u.role === 'support').map((u) => u.name) ?? [];
  return h(
    'section',
    { class: 'page-head target-head' },
    h(
      'div',
      { class: 'target-title' },
      h('h1', null, target.subject, ' ', h('span', { class: 'target-goal' }, describeTarget(target))),
      h(
        'p',
        { class: 'meta' },
        [
          task?.seq ? `任务 ${task.seq}` : null,
          target.deadline ? `完成年份 ${target.deadline} 年` : null,
          lead.length ? `牵头单位：${lead.join('、')}` : null,
          support.length ? `配合单位：${support.join('、')}` : null,
        ]
          .filter(Boolean)
          .join('　'),
      ),
      text ? h('blockquote', { class: 'task-quote' }, highlighted(text, start, end)) : null,
    ),
    progress
      ? h(
          'dl',
          { class: 'target-kpis' },
          kpi('状态', statusChip(progress.status)),
          kpi('完成率', completionBar(progress.completion, progress.status, progress.expected)),
          kpi('序时进度', formatPercent(progress.expected)),
          kpi('最新数据', describeLatest({ ...target, progress })),
          progress.note ? h('p', { class: 'muted small kpi-note' }, progress.note) : null,
          progress.note ? null : h('p', { class: 'muted small kpi-note' }, `截至 ${view.asOfYear} 年底`),
        )
      : null,
  );
}

function kpi(label, value) {
  return h('div', { class: 'kpi-item' }, h('dt', null, label), h('dd', null, value));
}
