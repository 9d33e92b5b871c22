/**
 * The progress table of a plan: one row per quantified target, filterable by responsible
 * unit and status and searchable; filters live in the URL so a link shows the same rows.
 */
import { append, h, replace } from '../lib/dom.js';
import { STATUSES, STATUS_LABELS } from '../../../shared/index.js';
import { replaceQuery } from '../lib/shell.js';
import { targetRow } from './progress-row.js';

/**
 * @param {any} view PlanProgressView
 * @param {Map<number, any>} spans target records by id (for start/end of the quote)
 * @param {{planId: number, q: URLSearchParams, path: string}} options
 */
export function progressTable(view, spans, { q, path }) {
  const state = {
    unit: q.get('unit') ?? '',
    status: q.get('status') ?? '',
    search: q.get('q') ?? '',
    sort: q.get('sort') ?? '',
  };
  const filters = filterBar(unitsOf(view), state, () => apply());
  const count = h('span', { class: 'muted small', 'aria-live': 'polite' });
  const body = h('tbody');
  const rows = view.targets.map((row) => ({
    row,
    tr: targetRow(row, spans.get(row.targetId)),
    haystack: haystack(row),
  }));
  /** Click once for ascending, again for descending, a third time for document order. */
  const head = tableHead((column) => {
    const [key, dir] = state.sort.split('-');
    state.sort = key !== column ? `${column}-asc` : dir === 'asc' ? `${column}-desc` : '';
    apply();
  });

  function apply() {
    const shown = visibleRows(rows, state);
    head.markSort(state.sort);
    replace(
      body,
      shown.length
        ? shown.map((r) => r.tr)
        : h('tr', null, h('td', { colspan: COLUMNS.length, class: 'empty-row' }, '没有符合条件的指标')),
    );
    count.textContent = `显示 ${shown.length} / ${rows.length} 项`;
    const params = Object.fromEntries(new URLSearchParams(location.hash.split('?')[1] ?? ''));
    replaceQuery(path, {
      ...params,
      unit: state.unit,
      status: state.status,
      q: state.search.trim(),
      sort: state.sort,
    });
  }

  const element = h(
    'section',
    { class: 'card table-card', id: 'progress' },
    h('div', { class: 'card-head' }, h('h2', null, '指标进度表'), count),
    filters.element,
    h('div', { class: 'table-scroll' }, h('table', { class: 'data progress-table' }, head.element, body)),
  );
  apply();

  return {
    element,
    /** Shows only one status (the summary chips call this) and scrolls to the table. */
    filterStatus(status) {
      filters.setStatus(state.status === status ? '' : status);
      apply();
      element.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
  };
}

/** The responsible units named by any target, in pinyin order, for the unit filter. */
function unitsOf(view) {
  return [...new Set(view.targets.flatMap((t) => t.units))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Search, unit, status and 清除筛选: each change writes into `state` and calls `onChange`. */
function filterBar(units, state, onChange) {
  const search = h('input', {
    type: 'search',
    id: 'filter-search',
    placeholder: '搜索任务、指标或单位',
    value: state.search,
  });
  const unitSelect = h(
    'select',
    { id: 'filter-unit' },
    h('option', { value: '' }, '全部单位'),
    units.map((u) => h('option', { value: u, selected: u === state.unit }, u)),
  );
  const statusSelect = h(
    'select',
    { id: 'filter-status' },
    h('option', { value: '' }, '全部状态'),
    STATUSES.map((s) => h('option', { value: s, selected: s === state.status }, STATUS_LABELS[s])),
  );
  search.addEventListener('input', () => {
    state.search = search.value;
    onChange();
  });
  unitSelect.addEventListener('change', () => {
    state.unit = unitSelect.value;
    onChange();
  });
  statusSelect.addEventListener('change', () => {
    state.status = statusSelect.value;
    onChange();
  });
  const reset = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-quiet btn-small',
      onclick: () => {
        state.unit = state.status = state.search = '';
        search.value = unitSelect.value = statusSelect.value = '';
        onChange();
      },
    },
    '清除筛选',
  );
  return {
    element: h(
      'div',
      { class: 'filters' },
      h('label', { class: 'visually-hidden', for: 'filter-search' }, '搜索'),
      search,
      h('label', { class: 'visually-hidden', for: 'filter-unit' }, '责任单位'),
      unitSelect,
      h('label', { class: 'visually-hidden', for: 'filter-status' }, '状态'),
      statusSelect,
      reset,
    ),
    /** @param {string} status */
    setStatus(status) {
      state.status = statusSelect.value = status;
    },
  };
}

/** The table's columns; the four figures in the middle align right. */
const COLUMNS = ['序号', '任务', '指标', '目标值', '最新数据', '完成率', '序时进度', '状态', '牵头单位'];
const NUMERIC = new Set(['目标值', '最新数据', '完成率', '序时进度']);

/** The header row, with a sort button on each sortable column and its ▲/▼ mark. */
function tableHead(onSort) {
  const headers = new Map();
  const cells = COLUMNS.map((c) => {
    const th = h('th', { scope: 'col', class: NUMERIC.has(c) ? 'num' : null });
    if (!SORTS[c]) return append(th, c);
    headers.set(c, th);
    return append(
      th,
      h(
        'button',
        { type: 'button', class: 'sort', onclick: () => onSort(c) },
        c,
        h('span', { class: 'sort-mark', 'aria-hidden': 'true' }),
      ),
    );
  });
  return {
    element: h('thead', null, h('tr', null, cells)),
    /** @param {string} sort `序号-asc`, `状态-desc`, or '' for document order */
    markSort(sort) {
      const [sortKey, sortDir] = sort.split('-');
      for (const [column, th] of headers) {
        const active = column === sortKey;
        if (active) th.setAttribute('aria-sort', sortDir === 'desc' ? 'descending' : 'ascending');
        else th.removeAttribute('aria-sort');
        th.querySelector('.sort-mark').textContent = active ? (sortDir === 'desc' ? '▼' : '▲') : '';
      }
    },
  };
}

/** The rows passing the unit, status and search filters, in the chosen order (stable). */
function visibleRows(rows, state) {
  const words = state.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [sortKey, sortDir] = state.sort.split('-');
  const filtered = rows.filter(
    ({ row, haystack }) =>
      (!state.unit || row.units.includes(state.unit)) &&
      (!state.status || row.progress.status === state.status) &&
      words.every((w) => haystack.includes(w)),
  );
  const by = SORTS[sortKey];
  if (!by) return filtered;
  const sign = sortDir === 'desc' ? -1 : 1;
  return filtered
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (by(a.r.row) - by(b.r.row)) * sign || a.i - b.i)
    .map(({ r }) => r);
}

/** Worst first when sorting by status: what needs attention rises to the top. */
const SEVERITY = { missed: 0, behind: 1, unreported: 2, on_track: 3, met: 4 };

/** Sortable columns and the number each row sorts by. */
const SORTS = {
  序号: (row) => row.seq ?? Number.MAX_SAFE_INTEGER,
  完成率: (row) => row.progress.completion ?? -1,
  状态: (row) => SEVERITY[row.progress.status] ?? 9,
};

function haystack(row) {
  return [row.subject, row.taskText, row.quote, ...row.units, STATUS_LABELS[row.progress.status]]
    .join(' ')
    .toLowerCase();
}
