/** The current figure per year (and member), with 核实 / 退回 for evaluators. */
import { ApiError, post, session } from '../lib/api.js';
import { h, toast } from '../lib/dom.js';
import { MEASUREMENT_STATE_LABELS, formatAmount, formatNumber, may } from '../../../shared/index.js';
import { formatTime } from '../lib/format.js';
import { memberGrid } from './member-grid.js';

export function figuresTable(ctx) {
  return h('div', null, verifyAll(ctx), figuresBody(ctx));
}

function figuresBody(ctx) {
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
      may(session.user?.role, 'recordMeasurements') ? '点击数字即可修改，点击“—”填报该成员该年数据。' : '',
    ),
    h(
      'details',
      { class: 'figure-list', open: may(session.user?.role, 'verifyMeasurements') },
      h('summary', null, '逐条数据与核实'),
      listTable(ctx),
    ),
  );
}

function listTable(ctx) {
  const { target, figures } = ctx;
  const rows = [...figures.current].sort(
    (a, b) => b.year - a.year || (a.member ?? '').localeCompare(b.member ?? '', 'zh-CN'),
  );
  if (rows.length === 0) return h('p', { class: 'empty-inline' }, '尚未填报任何数据。');
  const verify = may(session.user?.role, 'verifyMeasurements');
  const record = may(session.user?.role, 'recordMeasurements');
  const cols = [
    '年度',
    target.each ? '成员' : null,
    '数值',
    target.base ? '分子 / 分母' : null,
    '备注',
    '状态',
    '填报人',
    '填报时间',
    '核实人',
    '核实时间',
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
            { dataset: { year: String(m.year) }, class: m.state === 'returned' ? 'returned' : null },
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
            h(
              'td',
              null,
              h('span', { class: `chip state-${m.state}` }, MEASUREMENT_STATE_LABELS[m.state]),
              m.reason ? h('small', { class: 'return-reason' }, `原因：${m.reason}`) : null,
            ),
            h('td', null, m.enteredBy),
            h('td', { class: 'nowrap' }, formatTime(m.enteredAt)),
            h('td', null, m.verifiedBy ?? '—'),
            h('td', { class: 'nowrap' }, m.verifiedAt ? formatTime(m.verifiedAt) : '—'),
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
  // A return needs its reason: the statistician reads it on the 待办 page.
  const reason = state === 'returned' ? window.prompt('退回原因（必填，填报员会看到）')?.trim() : null;
  if (state === 'returned' && !reason) return;
  try {
    await post('/api/measurements/state', {
      targetId: m.targetId,
      year: m.year,
      member: m.member,
      state,
      revision: m.revision,
      ...(reason ? { reason } : {}),
    });
    toast(`${m.year} 年${m.member ? m.member : ''}数据已${state === 'verified' ? '核实' : '退回'}`);
    ctx.reload();
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '操作失败', 'error');
  }
}

/** 全部核实: an evaluator who has checked the figures verifies every 已填报 one at once. */
function verifyAll(ctx) {
  const pending = ctx.figures.current.filter((m) => m.state === 'reported');
  if (!may(session.user?.role, 'verifyMeasurements') || pending.length < 2) return null;
  const button = h(
    'button',
    { type: 'button', class: 'btn btn-ok btn-small' },
    `全部核实（${pending.length} 条待核实）`,
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    let done = 0;
    try {
      // One by one, each with the revision read: a figure changed meanwhile stops the run.
      for (const m of pending) {
        await post('/api/measurements/state', {
          targetId: m.targetId,
          year: m.year,
          member: m.member,
          state: 'verified',
          revision: m.revision,
        });
        done++;
      }
      toast(`已核实 ${done} 条数据`);
    } catch (e) {
      toast(`已核实 ${done} 条；${e instanceof ApiError ? e.message : '其余未能核实'}`, 'error');
    }
    ctx.reload();
  });
  return h('div', { class: 'button-row verify-all' }, button);
}
