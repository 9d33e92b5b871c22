/**
 * 方案详情: the plan's header with the as-of year and data selectors, status chips, the
 * overview chart, downloads, bulk upload (statisticians), the progress table and the
 * qualitative tasks.
 */
import { get, query, session } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import {
  DATA_STATE_LABELS,
  MEASURES,
  STATUSES,
  countReviewStates,
  formatPercent,
  may,
} from '../../../shared/index.js';
import { setCrumbs } from '../lib/shell.js';
import { downloadLink, loading, statusChip } from '../lib/widgets.js';
import { attention } from './attention-list.js';
import { bulkUpload } from './bulk-upload.js';
import { loadProgress } from '../lib/progress.js';
import { progressTable } from './progress-table.js';
import { qualitativeTasks } from './qualitative-tasks.js';
import { planLifecycle } from './plan-lifecycle.js';
import { planMetaForm } from './plan-meta-form.js';
import { targetReviewList } from './target-review-list.js';
import { chartCard } from '../lib/charts.js';
import { planOverviewChart, planOverviewHeight } from '../../../charts/plan-overview-chart.js';
import { statusDistributionChart } from '../../../charts/status-distribution-chart.js';

/** The as-of year and data state a plan screen was opened with (`?year=2024&data=verified`). */
export function viewOptions(q) {
  const year = /^\d{4}$/.test(q.get('year') ?? '') ? Number(q.get('year')) : undefined;
  const verified = q.get('data') === 'verified';
  return { year, verified };
}

export async function renderPlan(main, [id], q, alive) {
  const { year, verified } = viewOptions(q);
  setCrumbs([['方案列表', '#/plans'], ['方案详情']]);
  replace(main, loading());
  const params = { year, verified: verified ? 'true' : undefined };
  const reviewing = may(session.user?.role, 'editTargets');
  const [plan, view, targets, tasks, members] = await Promise.all([
    get(`/api/plans/${id}`),
    loadProgress(id, params),
    get(`/api/plans/${id}/targets`),
    reviewing ? get(`/api/plans/${id}/tasks`) : Promise.resolve([]),
    may(session.user?.role, 'editPlan') ? get(`/api/plans/${id}/members`) : Promise.resolve([]),
  ]);
  if (!alive()) return;
  setCrumbs([['方案列表', '#/plans'], [plan.title]]);

  const spans = new Map(targets.map((t) => [t.id, t]));
  const reload = () => renderPlan(main, [id], new URLSearchParams(location.hash.split('?')[1] ?? ''), alive);
  const table = progressTable(view, spans, { planId: plan.id, q, path: `/plans/${id}` });

  const entering = may(session.user?.role, 'recordMeasurements');
  // The review counts shown by the lifecycle bar (发布 asks about 待确认) follow the review list.
  const review = countReviewStates(targets);
  const reviewList = reviewing
    ? targetReviewList(plan, tasks, targets, (counts) => Object.assign(review, counts))
    : null;
  replace(
    main,
    header(plan, view, verified),
    planLifecycle(plan, review, reload),
    may(session.user?.role, 'editPlan') ? planMetaForm(plan, members, reload) : null,
    reviewList,
    summary(view, table),
    // Statisticians come to fill in figures: upload and table first, the chart below. Evaluators
    // and leaders come to read: the chart first.
    ...(entering
      ? [
          h('div', { class: 'grid-2 even' }, bulkUpload(plan, reload), downloads(plan, params)),
          may(session.user?.role, 'recordReportFigures') ? reportFiguresLink(plan) : null,
          table.element,
          overviewCard(plan, view),
        ]
      : [
          h(
            'div',
            { class: 'grid-2' },
            overviewCard(plan, view),
            h(
              'div',
              { class: 'side' },
              attention(view, { year, verified }),
              statusCard(plan, view),
              downloads(plan, params),
            ),
          ),
          may(session.user?.role, 'recordReportFigures') ? reportFiguresLink(plan) : null,
          table.element,
        ]),
    qualitativeTasks(view, reload),
  );
}

/** The way to 从完成情况报告填报 (views/report-figures.js). */
function reportFiguresLink(plan) {
  return h(
    'p',
    { class: 'report-figures-link' },
    h('a', { class: 'btn', href: `#/plans/${plan.id}/report-figures` }, '从完成情况报告填报'),
    h('span', { class: 'muted small' }, ' 上传完成情况报告或工作总结，逐项确认报告中的数据'),
  );
}

function header(plan, view, verified) {
  const years = [];
  for (let y = Math.min(plan.startYear, view.asOfYear); y <= Math.max(plan.horizonYear, view.asOfYear); y++)
    years.push(y);
  const yearSelect = h(
    'select',
    {
      id: 'as-of-year',
      onchange: (e) => navigate(plan.id, { year: e.target.value, data: verified ? 'verified' : '' }),
    },
    years.map((y) => h('option', { value: String(y), selected: y === view.asOfYear }, `${y} 年`)),
  );
  const dataChoice = h(
    'div',
    { class: 'segmented', role: 'radiogroup', 'aria-label': '数据口径' },
    [
      ['all', '全部数据'],
      ['verified', '仅已核实'],
    ].map(([value, label]) =>
      h(
        'label',
        { class: 'seg-option' },
        h('input', {
          type: 'radio',
          name: 'data-state',
          value,
          checked: (value === 'verified') === verified,
          onchange: () =>
            navigate(plan.id, { year: String(view.asOfYear), data: value === 'verified' ? 'verified' : '' }),
        }),
        h('span', null, label),
      ),
    ),
  );
  return h(
    'section',
    { class: 'page-head plan-head' },
    h(
      'div',
      null,
      h('h1', null, plan.title),
      h(
        'p',
        { class: 'meta' },
        [
          plan.issuer ? `发文单位：${plan.issuer}` : null,
          `规划期：${plan.startYear}—${plan.horizonYear} 年`,
          plan.jurisdiction ? `范围：${plan.jurisdiction}` : null,
          `来源文件：${plan.sourceName}`,
        ]
          .filter(Boolean)
          .join('　'),
      ),
    ),
    h(
      'div',
      { class: 'controls' },
      h('div', { class: 'control' }, h('label', { for: 'as-of-year' }, '截至年度'), yearSelect),
      h('div', { class: 'control' }, h('span', { class: 'control-label' }, '数据口径'), dataChoice),
      h(
        'a',
        {
          class: 'btn',
          href: `#/plans/${plan.id}/units${query({ year: view.asOfYear, data: verified ? 'verified' : '' })}`,
        },
        '按责任单位查看',
      ),
    ),
  );
}

function navigate(planId, params) {
  location.hash = `#/plans/${planId}${query(params)}`;
}

function summary(view, table) {
  const counts = view.statusCounts;
  const total = STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  return h(
    'section',
    { class: 'summary', 'aria-label': '状态统计' },
    h(
      'div',
      { class: 'kpi kpi-headline', title: MEASURES.attainment.definition },
      h('span', { class: 'kpi-label' }, MEASURES.attainment.label),
      h('span', { class: 'kpi-value', 'data-measure': 'attainment' }, formatPercent(view.attainment.rate)),
      h(
        'span',
        { class: 'kpi-sub' },
        view.attainment.rate === null ? '尚无到期目标' : `${view.attainment.met}/${view.attainment.due} 项`,
      ),
    ),
    h(
      'div',
      { class: 'kpi', title: MEASURES.completion.definition },
      h('span', { class: 'kpi-label' }, MEASURES.completion.label),
      h('span', { class: 'kpi-value', 'data-measure': 'completion' }, formatPercent(view.overallCompletion)),
    ),
    h(
      'div',
      { class: 'kpi' },
      h('span', { class: 'kpi-label' }, '量化指标'),
      h('span', { class: 'kpi-value' }, String(total)),
    ),
    h(
      'div',
      { class: 'chips' },
      STATUSES.map((s) =>
        h(
          'button',
          { type: 'button', class: 'chip-button', title: '只看此状态', onclick: () => table.filterStatus(s) },
          statusChip(s, counts[s] ?? 0),
        ),
      ),
    ),
    h('p', { class: 'muted small' }, `截至 ${view.asOfYear} 年底 · ${DATA_STATE_LABELS[view.dataState]}`),
  );
}

/** The overview drawn in the page by the function the server's PNG is drawn with (src/charts). */
function overviewCard(plan, view) {
  return chartCard({
    heading: '完成情况总览',
    label: `${plan.title}各指标完成率总览图`,
    fileName: `${plan.title}完成情况总览`,
    draw: (narrow) => ({
      config: planOverviewChart(view, { narrow }),
      height: planOverviewHeight(view, { narrow }),
    }),
  });
}

/** How many targets are in each status, as the report's doughnut (src/charts). */
function statusCard(plan, view) {
  return chartCard({
    heading: '状态分布',
    label: `${plan.title}量化目标状态分布图`,
    fileName: `${plan.title}状态分布`,
    draw: (narrow) => ({ config: statusDistributionChart(view, { narrow }), height: narrow ? 340 : 300 }),
  });
}

/**
 * A report download that follows the progress table's unit filter: the filter lives in the
 * URL and changes after the link is drawn, so the link reads it when used.
 * @param {{ id: number }} plan @param {Record<string, string | undefined>} params
 * @param {'pdf' | 'docx'} ext @param {string} label
 */
function reportLink(plan, params, ext, label) {
  const link = downloadLink('', label);
  const follow = () => {
    const unit = new URLSearchParams(location.hash.split('?')[1] ?? '').get('unit') || undefined;
    link.setAttribute('href', `/api/plans/${plan.id}/report.${ext}${query({ ...params, unit })}`);
  };
  follow();
  for (const event of ['pointerenter', 'focus', 'click']) link.addEventListener(event, follow);
  return link;
}

function downloads(plan, params) {
  return h(
    'section',
    { class: 'card' },
    h('h2', null, '下载'),
    h(
      'div',
      { class: 'button-row' },
      reportLink(plan, params, 'pdf', 'PDF 报告'),
      reportLink(plan, params, 'docx', 'Word 报告'),
      downloadLink(`/api/plans/${plan.id}/progress.xlsx${query(params)}`, '进度表（Excel）'),
    ),
    h('h3', null, '数据填报模板'),
    h(
      'div',
      { class: 'button-row' },
      downloadLink(`/api/plans/${plan.id}/measurements/template.xlsx`, '模板（Excel）'),
      downloadLink(`/api/plans/${plan.id}/measurements/template.csv`, '模板（CSV）'),
    ),
  );
}
