/** The current figure per year (and member), with 核实 / 退回 for evaluators. */
import { ApiError, post, session } from '../lib/api.js';
import { h, toast } from '../lib/dom.js';
import {
  STATE_LABELS,
  STATUS_LABELS,
  can,
  formatAmount,
  formatNumber,
  formatPercent,
  formatTime,
} from '../lib/format.js';
import { statusChip } from '../lib/widgets.js';

export function figuresTable(ctx) {
  if (!ctx.target.each || ctx.figures.current.length === 0) return listTable(ctx);
  // Per-member figures read best as a grid, member by year, like the sheet they come from;
  // the row-by-row list (with 核实 / 退回) folds away below it.
  return h(
    'div',
    null,
    memberGrid(ctx),
    h(
      'p',
      { class: 'muted small grid-note' },
      '绿色为已核实，划线为已退回。',
      can(session.user, 'recordMeasurements') ? '点击数字即可修改，点击“—”填报该成员该年数据。' : '',
    ),
    h(
      'details',
      { class: 'figure-list', open: can(session.user, 'verifyMeasurements') },
      h('summary', null, '逐条数据与核实'),
      listTable(ctx),
    ),
  );
}

/** Members down, years across; a click on a cell loads it into the entry form. */
function memberGrid(ctx) {
  const { target, figures, memberNames, years } = ctx;
  const members = [...new Set([...memberNames, ...figures.current.map((m) => m.member).filter(Boolean)])];
  const shownYears = years.filter((y) => y <= Math.max(ctx.asOfYear, ...figures.current.map((m) => m.year)));
  const at = new Map(figures.current.map((m) => [`${m.member}|${m.year}`, m]));
  const record = can(session.user, 'recordMeasurements');
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data compact member-grid' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, '成员'),
          shownYears.map((y) => h('th', { scope: 'col', class: 'num' }, `${y} 年`)),
        ),
      ),
      h(
        'tbody',
        null,
        members.map((member) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, member),
            shownYears.map((year) => {
              const m = at.get(`${member}|${year}`);
              const text = m ? formatAmount(m.value, target.unit) : '—';
              const content = record
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'cell-button',
                      title: m ? `修改 ${year} 年${member}的数据` : `填报 ${year} 年${member}的数据`,
                      onclick: () =>
                        ctx.editFigure?.(
                          m ?? { year, member, value: null, numerator: null, denominator: null, note: null },
                        ),
                    },
                    text,
                  )
                : text;
              return h('td', { class: ['num', m ? `cell-${m.state}` : 'cell-empty'] }, content);
            }),
          ),
        ),
      ),
    ),
  );
}

function listTable(ctx) {
  const { target, figures } = ctx;
  const rows = [...figures.current].sort(
    (a, b) => b.year - a.year || (a.member ?? '').localeCompare(b.member ?? '', 'zh-CN'),
  );
  if (rows.length === 0) return h('p', { class: 'empty-inline' }, '尚未填报任何数据。');
  const verify = can(session.user, 'verifyMeasurements');
  const record = can(session.user, 'recordMeasurements');
  const cols = [
    '年度',
    target.each ? '成员' : null,
    '数值',
    target.base ? '分子 / 分母' : null,
    '备注',
    '状态',
    '填报人',
    '时间',
    verify || record ? '操作' : null,
  ].filter(Boolean);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data figures-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          cols.map((c) => h('th', { scope: 'col', class: c === '数值' ? 'num' : null }, c)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((m) =>
          h(
            'tr',
            { dataset: { year: String(m.year) } },
            h('td', null, `${m.year} 年`),
            target.each ? h('td', null, m.member ?? '全市') : null,
            h('td', { class: 'num strong' }, formatAmount(m.value, target.unit)),
            target.base
              ? h(
                  'td',
                  { class: 'num' },
                  m.numerator !== null
                    ? `${formatNumber(m.numerator)} / ${formatNumber(m.denominator)}`
                    : '—',
                )
              : null,
            h('td', { class: 'note' }, m.note ?? ''),
            h('td', null, h('span', { class: `chip state-${m.state}` }, STATE_LABELS[m.state])),
            h('td', null, m.enteredBy),
            h('td', { class: 'nowrap' }, formatTime(m.enteredAt)),
            verify || record ? h('td', { class: 'actions' }, actions(m, ctx, verify, record)) : null,
          ),
        ),
      ),
    ),
  );
}

function actions(m, ctx, verify, record) {
  const buttons = [];
  if (verify) {
    buttons.push(
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small btn-ok',
          disabled: m.state === 'verified',
          onclick: () => setState(m, 'verified', ctx),
        },
        '核实',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small btn-danger',
          disabled: m.state === 'returned',
          onclick: () => setState(m, 'returned', ctx),
        },
        '退回',
      ),
    );
  }
  if (record) {
    buttons.push(
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          onclick: () => ctx.editFigure?.(m),
        },
        '修改',
      ),
    );
  }
  return buttons;
}

async function setState(m, state, ctx) {
  try {
    await post('/api/measurements/state', {
      targetId: m.targetId,
      year: m.year,
      member: m.member,
      state,
      revision: m.revision,
    });
    toast(`${m.year} 年${m.member ? m.member : ''}数据已${state === 'verified' ? '核实' : '退回'}`);
    ctx.reload();
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '操作失败', 'error');
  }
}

/** Per-member targets: where each member stands, met members first. */
export function memberTable(progress, target) {
  const members = [...progress.members];
  return h(
    'section',
    { class: 'card table-card' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', null, `各成员情况（${target.each}）`),
      h('span', { class: 'muted small' }, `${progress.membersMet ?? 0} / ${members.length} 个已达标`),
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data compact' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['成员', '最新数据', '完成率', '状态'].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          null,
          members.map((m) =>
            h(
              'tr',
              null,
              h('td', null, m.member),
              h('td', { class: 'num' }, m.latest === null ? '—' : formatAmount(m.latest, target.unit)),
              h('td', { class: 'num' }, formatPercent(m.completion)),
              h('td', { title: STATUS_LABELS[m.status] }, statusChip(m.status)),
            ),
          ),
        ),
      ),
    ),
  );
}
