/**
 * 操作日志 (admins and evaluators): every change, newest first, filtered by plan, target, user,
 * action and dates (the filters live in the URL, so a link shows the same entries), with
 * what changed before → after, the same filters as an Excel export, and 恢复 on a 删除目标
 * entry to bring the deleted target back as it was.
 */
import { ApiError, get, getPage, post, query, session } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { formatTime } from '../lib/format.js';
import { setCrumbs } from '../lib/shell.js';
import { downloadLink, errorBox, loading, scrollTable } from '../lib/widgets.js';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTION_LABELS,
  FIELD_LABELS,
  MEASUREMENT_STATE_LABELS,
  OP_LABELS,
  ORIGIN_LABELS,
  QUALITATIVE_LABELS,
  ROLE_LABELS,
  TARGET_FIELD_LABELS,
  formatNumber,
  may,
} from '../../../shared/index.js';

/** @typedef {import('zod').output<typeof import('../../../http/audit-schema.ts').AuditEntry>} AuditEntry */

const FILTERS = ['plan', 'target', 'user', 'action', 'from', 'to'];
const PAGE = 50;

/** Fields the change summary leaves out: bookkeeping every revision changes. */
const QUIET = new Set([
  'revision',
  'updatedAt',
  'updatedBy',
  'enteredAt',
  'verifiedAt',
  'id',
  'taskId',
  'planId',
]);

/** A stored value as people read it. @param {string} key @param {unknown} value @returns {string} */
function shown(key, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return formatNumber(value);
  if (key === 'state' && typeof value === 'string') return MEASUREMENT_STATE_LABELS[value] ?? value;
  if (key === 'status' && typeof value === 'string') return QUALITATIVE_LABELS[value] ?? value;
  if (key === 'role' && typeof value === 'string') return ROLE_LABELS[value] ?? value;
  if (key === 'op' && typeof value === 'string') return OP_LABELS[value] ?? value;
  if (key === 'origin' && typeof value === 'string') return ORIGIN_LABELS[value] ?? value;
  if (key.endsWith('At') && typeof value === 'string') return formatTime(value);
  if (Array.isArray(value))
    return (
      value.map((v) => (typeof v === 'object' && v ? (v.name ?? JSON.stringify(v)) : String(v))).join('、') ||
      '—'
    );
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A target's `value` is its 目标值, a figure's its 数值. */
const label = (key, action) =>
  (action.startsWith('target.') ? TARGET_FIELD_LABELS[key] : undefined) ?? FIELD_LABELS[key] ?? key;

/** `目标值：3 → 4` for each field that changed (or every field of a creation or a removal). @param {AuditEntry} e */
function changes(e) {
  const before = e.before && typeof e.before === 'object' ? e.before : null;
  const after = e.after && typeof e.after === 'object' ? e.after : null;
  if (Array.isArray(before) || Array.isArray(after))
    return [h('li', null, `${shown('members', before)} → ${shown('members', after)}`)];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !QUIET.has(k),
  );
  const lines = keys
    .filter((k) => !before || !after || JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) =>
      h(
        'li',
        null,
        `${label(k, e.action)}：`,
        before && after
          ? `${shown(k, before[k])} → ${shown(k, after[k])}`
          : shown(k, (after ?? before ?? {})[k]),
      ),
    );
  return lines.length > 0 ? lines : [h('li', { class: 'muted' }, '—')];
}

/** @param {AuditEntry} e @param {() => void} redraw */
function row(e, redraw) {
  const restorable = e.action === 'target.delete' && may(session.user?.role, 'editTargets');
  return h(
    'tr',
    { 'data-action': e.action },
    h('td', { class: 'num' }, String(e.id)),
    h('td', null, formatTime(e.at)),
    h('td', null, e.actor, e.address ? h('div', { class: 'muted' }, e.address) : null),
    h(
      'td',
      null,
      h(
        'span',
        { class: `badge audit-${e.action.split('.')[0]}` },
        AUDIT_ACTION_LABELS[e.action] ?? e.action,
      ),
    ),
    h(
      'td',
      null,
      e.planId ? h('a', { href: `#/plans/${e.planId}` }, `方案 ${e.planId}`) : null,
      e.targetId ? [' · ', h('a', { href: `#/targets/${e.targetId}` }, `目标 ${e.targetId}`)] : null,
      e.subject ? h('div', null, e.subject) : null,
    ),
    h('td', null, h('ul', { class: 'audit-changes' }, changes(e))),
    h(
      'td',
      { class: 'actions' },
      restorable
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn btn-small',
              onclick: async () => {
                try {
                  const target = await post(`/api/audit/${e.id}/restore`);
                  toast(`已恢复目标 ${target.id}`);
                  redraw();
                } catch (err) {
                  toast(err instanceof ApiError ? err.message : '恢复失败', 'error');
                }
              },
            },
            '恢复',
          )
        : null,
    ),
  );
}

/** The filters form; submitting it rewrites the URL, which draws the page again. */
function filterForm(params, plans) {
  const field = (text, control) => {
    // Named by its own words only, not by the choices inside it.
    control.setAttribute('aria-label', text);
    return h('label', { class: 'control' }, text, control);
  };
  const value = (name) => params.get(name) ?? '';
  const form = h(
    'form',
    { class: 'filters audit-filters', 'aria-label': '筛选' },
    field(
      '方案',
      h(
        'select',
        { name: 'plan' },
        h('option', { value: '' }, '全部方案'),
        plans.map((p) =>
          h('option', { value: String(p.id), selected: value('plan') === String(p.id) }, p.title),
        ),
      ),
    ),
    field('目标编号', h('input', { name: 'target', inputmode: 'numeric', value: value('target'), size: 6 })),
    field('操作人', h('input', { name: 'user', value: value('user'), size: 12, autocomplete: 'off' })),
    field(
      '操作',
      h(
        'select',
        { name: 'action' },
        h('option', { value: '' }, '全部操作'),
        AUDIT_ACTIONS.map((a) =>
          h('option', { value: a, selected: value('action') === a }, AUDIT_ACTION_LABELS[a]),
        ),
      ),
    ),
    field('起始日期', h('input', { type: 'date', name: 'from', value: value('from') })),
    field('截止日期', h('input', { type: 'date', name: 'to', value: value('to') })),
    h('button', { type: 'submit', class: 'btn' }, '筛选'),
    h('a', { class: 'btn btn-quiet', href: '#/audit' }, '清除筛选'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const q = new URLSearchParams();
    for (const name of FILTERS) {
      const v = String(data.get(name) ?? '').trim();
      if (v) q.set(name, v);
    }
    location.hash = `#/audit${q.toString() ? '?' + q.toString() : ''}`;
  });
  return form;
}

export async function renderAudit(main, _params, params, alive) {
  setCrumbs([['操作日志']]);
  replace(main, loading());
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? '']));
  const [plans, first] = await Promise.all([
    get('/api/plans?limit=500'),
    getPage(`/api/audit${query({ ...filters, limit: PAGE })}`).catch((e) => e),
  ]);
  if (!alive()) return;
  const redraw = () => renderAudit(main, [], params, alive);
  const head = h(
    'div',
    { class: 'page-head' },
    h(
      'div',
      null,
      h('h1', null, '操作日志'),
      h('p', { class: 'muted' }, '所有修改都记录在此，只能查看，不能修改或删除。'),
    ),
    downloadLink(`/api/audit.xlsx${query(filters)}`, '导出 Excel'),
  );
  if (first instanceof Error) return void replace(main, head, filterForm(params, plans), errorBox(first));
  const body = h(
    'tbody',
    null,
    first.items.map((e) => row(e, redraw)),
  );
  const shownCount = h('span', null);
  let next = first.next;
  const more = h('button', { type: 'button', class: 'btn btn-quiet' }, '加载更多');
  const update = () => {
    shownCount.textContent = `共 ${first.total} 条，已显示 ${body.children.length} 条`;
    more.style.display = next === null ? 'none' : '';
  };
  more.addEventListener('click', async () => {
    const page = await getPage(`/api/audit${query({ ...filters, limit: PAGE, after: next })}`);
    if (!alive()) return;
    for (const e of page.items) body.append(row(e, redraw));
    next = page.next;
    update();
  });
  update();
  replace(
    main,
    head,
    filterForm(params, plans),
    h(
      'section',
      { class: 'card table-card', 'aria-label': '日志' },
      h(
        'div',
        { class: 'card-head' },
        h('h2', null, '日志'),
        h('p', { class: 'muted audit-count' }, shownCount),
      ),
      first.items.length === 0
        ? h('p', { class: 'muted' }, '没有符合条件的记录。')
        : scrollTable('audit-table', ['编号', '时间', '操作人', '操作', '对象', '修改内容', ''], body),
      h('div', { class: 'more' }, more),
    ),
  );
}
