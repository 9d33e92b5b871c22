/** Small pieces several screens share: status chips, the status bar, completion bars, errors. */
import { h } from './dom.js';
import { STATUSES, STATUS_LABELS, formatPercent } from '../../../shared/index.js';

/** A coloured chip: 已达标 green, 进度正常 blue, 进度滞后 amber, 未达标 red, 未填报 grey. */
export function statusChip(status, count) {
  return h(
    'span',
    { class: `chip chip-${status}` },
    STATUS_LABELS[status] ?? status,
    count === undefined ? null : h('b', null, String(count)),
  );
}

/** One stacked bar of status counts, each segment as wide as its share, with a text legend. */
export function statusBar(counts, { legend = true } = {}) {
  const total = STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const label = STATUSES.filter((s) => counts[s])
    .map((s) => `${STATUS_LABELS[s]} ${counts[s]}`)
    .join('，');
  const bar = h(
    'div',
    { class: 'status-bar', role: 'img', 'aria-label': total ? `共 ${total} 项：${label}` : '暂无量化指标' },
    total === 0
      ? h('span', { class: 'seg seg-empty', style: { width: '100%' } })
      : STATUSES.filter((s) => counts[s]).map((s) =>
          h('span', {
            class: `seg seg-${s}`,
            style: { width: `${(counts[s] / total) * 100}%` },
            title: `${STATUS_LABELS[s]} ${counts[s]}`,
          }),
        ),
  );
  if (!legend) return bar;
  return h(
    'div',
    { class: 'status-summary' },
    bar,
    h(
      'div',
      { class: 'legend' },
      STATUSES.map((s) =>
        h(
          'span',
          { class: `legend-item lg-${s}` },
          STATUS_LABELS[s],
          ' ',
          h('b', null, String(counts[s] ?? 0)),
        ),
      ),
    ),
  );
}

/** Completion as a thin bar with its percentage; a mark shows 序时进度 when given. */
export function completionBar(completion, status, expected) {
  if (completion === null || completion === undefined) return h('span', { class: 'muted' }, '—');
  const width = Math.max(0, Math.min(1, completion)) * 100;
  return h(
    'div',
    { class: 'completion' },
    h('span', { class: 'completion-value' }, formatPercent(completion)),
    h(
      'span',
      { class: 'completion-track', 'aria-hidden': 'true' },
      h('span', { class: `completion-fill fill-${status}`, style: { width: `${width}%` } }),
      expected !== undefined && expected !== null
        ? h('span', {
            class: 'completion-expected',
            style: { left: `${Math.min(1, expected) * 100}%` },
            title: `序时进度 ${formatPercent(expected)}`,
          })
        : null,
    ),
  );
}

/** An error box for a failed request, listing the field issues the API named. */
export function errorBox(error, { issues = true } = {}) {
  const list =
    issues && error.issues?.length
      ? h(
          'ul',
          null,
          error.issues.map((i) => h('li', null, i.message)),
        )
      : null;
  return h('div', { class: 'notice notice-error', role: 'alert' }, h('strong', null, error.message), list);
}

/** A loading line, replaced when the data arrives. */
export function loading(text = '正在加载…') {
  return h('p', { class: 'loading' }, text);
}

/** A download link that looks like a button. */
export function downloadLink(href, label, icon = '⤓') {
  return h(
    'a',
    { class: 'btn btn-small', href, download: '' },
    h('span', { 'aria-hidden': 'true' }, icon),
    ' ',
    label,
  );
}

/**
 * A file chooser in Chinese (the native one speaks the browser's language): a hidden input,
 * a button-like label and the chosen file's name.
 */
export function filePicker({ id, accept, label = '选择文件' }) {
  const input = h('input', { type: 'file', id, name: 'file', accept, class: 'visually-hidden' });
  const name = h('span', { class: 'file-name' }, '未选择文件');
  input.addEventListener('change', () => {
    name.textContent = input.files?.[0]?.name ?? '未选择文件';
  });
  const button = h('label', { for: id, class: 'btn' }, label);
  return { element: h('div', { class: 'file-picker' }, input, button, name), input, name };
}

/**
 * A data table: sideways scrolling inside its card on middling windows, a list of cards below
 * 768 px (styles.css). `head` is a list of column names (or ready `th` cells; null for a
 * column left out); `body` a `tbody` or a list of rows.
 */
export function scrollTable(className, head, body) {
  // An empty name ('') is a column without words (the checkboxes): it keeps its header cell.
  const heads = head
    .filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (typeof c === 'string' ? h('th', { scope: 'col' }, c) : c));
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: `data ${className}`.trim() },
      h('thead', null, h('tr', null, heads)),
      Array.isArray(body) ? h('tbody', null, body) : body,
    ),
  );
}

/**
 * Gives every cell of a data table its column's name as `data-label`, which the stylesheet
 * shows as a caption when a narrow window lays each row out as a card (styles.css, "tables
 * as cards"). One way for every table: `watchTables` labels each table as it enters the page
 * and each row a filter or a redraw puts in, so no view writes labels itself. Cells under a
 * header without words (a checkbox, the actions) and cells spanning columns get none.
 * @param {HTMLTableElement} table
 */
export function labelCells(table) {
  /** @type {string[]} */
  const names = [];
  for (const th of table.tHead?.rows[0]?.cells ?? []) {
    const name = (th.textContent ?? '').replace(/[▲▼]/g, '').trim();
    for (let i = 0; i < th.colSpan; i++) names.push(name);
  }
  if (names.length === 0) return;
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      let column = 0;
      for (const cell of row.cells) {
        const name = cell.colSpan === 1 ? names[column] : undefined;
        if (name && cell.dataset.label !== name) cell.dataset.label = name;
        column += cell.colSpan;
      }
    }
  }
}

/** Labels the data tables under `root` now and whenever rows or tables are added. @param {HTMLElement} root */
export function watchTables(root) {
  const labelAll = () =>
    root.querySelectorAll('table.data').forEach((t) => labelCells(/** @type {HTMLTableElement} */ (t)));
  labelAll();
  new MutationObserver(labelAll).observe(root, { childList: true, subtree: true });
}
