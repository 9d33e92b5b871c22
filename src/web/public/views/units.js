/** 按责任单位: status counts per responsible unit, each linking to its rows and its report. */
import { get, query } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { MEASURES, STATUSES, STATUS_LABELS, formatPercent } from '../../../shared/index.js';
import { setCrumbs } from '../lib/shell.js';
import { downloadLink, loading, statusBar } from '../lib/widgets.js';
import { viewOptions } from './plan.js';
import { chartCard } from '../lib/charts.js';
import { unitStatusChart, unitStatusHeight } from '../../../charts/unit-status-chart.js';

export async function renderUnits(main, [id], q, alive) {
  const { year, verified } = viewOptions(q);
  setCrumbs([['方案列表', '#/plans'], ['按责任单位']]);
  replace(main, loading());
  const params = { year, verified: verified ? 'true' : undefined };
  const [plan, answer] = await Promise.all([
    get(`/api/plans/${id}`),
    get(`/api/plans/${id}/units${query(params)}`),
  ]);
  if (!alive()) return;
  const units = Array.isArray(answer) ? answer : (answer.units ?? []);
  const back = `#/plans/${plan.id}${query({ year, data: verified ? 'verified' : '' })}`;
  setCrumbs([['方案列表', '#/plans'], [plan.title, back], ['按责任单位']]);

  const sorted = [...units].sort((a, b) => lagging(b) - lagging(a) || b.total - a.total);
  const unitLink = (unit) => `#/plans/${plan.id}${query({ year, data: verified ? 'verified' : '', unit })}`;
  const reportLink = (unit) => `/api/plans/${plan.id}/report.pdf${query({ ...params, unit })}`;
  replace(
    main,
    h(
      'section',
      { class: 'page-head' },
      h(
        'div',
        null,
        h('h1', null, '按责任单位'),
        h(
          'p',
          { class: 'meta' },
          `${plan.title}　${answer.asOfYear ? `截至 ${answer.asOfYear} 年` : ''}　共 ${units.length} 个单位（含牵头和配合）`,
        ),
      ),
      h('a', { class: 'btn', href: back }, '返回方案'),
    ),
    units.length === 0
      ? h('div', { class: 'empty' }, '该方案没有带量化指标的责任单位。')
      : h(
          'section',
          { class: 'card table-card' },
          h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'data units-table' },
              unitsHead(),
              h(
                'tbody',
                null,
                sorted.map((u) => unitRow(u, unitLink(u.unit), reportLink(u.unit))),
              ),
            ),
          ),
        ),
    units.length === 0 ? null : unitsChart(plan, answer),
  );
}

/** The units' targets stacked by status, drawn by the function of the report's chart (src/charts). */
function unitsChart(plan, answer) {
  const view = { ...answer, units: answer.units ?? [] };
  return chartCard({
    heading: '各责任单位完成情况',
    label: `${plan.title}各责任单位目标完成情况图`,
    fileName: `${plan.title}各责任单位完成情况`,
    draw: () => ({ config: unitStatusChart(view), height: unitStatusHeight(view) }),
  });
}

/** 责任单位, 指标数, one count column per status (in the shared order and words), the bar, 达标率. */
function unitsHead() {
  const num = (label) => h('th', { scope: 'col', class: 'num' }, label);
  return h(
    'thead',
    null,
    h(
      'tr',
      null,
      h('th', { scope: 'col' }, '责任单位'),
      num('指标数'),
      STATUSES.map((s) => num(STATUS_LABELS[s])),
      h('th', { scope: 'col' }, '状态分布'),
      h(
        'th',
        { scope: 'col', class: 'num', title: MEASURES.attainment.definition },
        MEASURES.attainment.label,
      ),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, '下载')),
    ),
  );
}

/** One unit: its name linking to its rows on the plan page, its counts, and its own report. */
function unitRow(u, rowsHref, reportHref) {
  return h(
    'tr',
    null,
    h('th', { scope: 'row' }, h('a', { href: rowsHref }, u.unit)),
    h('td', { class: 'num' }, String(u.total)),
    STATUSES.map((s) =>
      h('td', { class: `num count-${s}${u.counts[s] ? '' : ' zero'}` }, String(u.counts[s] ?? 0)),
    ),
    h('td', { class: 'bar-cell' }, statusBar(u.counts, { legend: false })),
    h(
      'td',
      { class: 'num', title: `${u.attainment.met}/${u.attainment.due} 项` },
      formatPercent(u.attainment.rate),
    ),
    h('td', null, downloadLink(reportHref, '报告')),
  );
}

/** Units with behind or missed targets come first: that is what a leader asks about. */
function lagging(u) {
  return (u.counts.behind ?? 0) + (u.counts.missed ?? 0);
}
