/** One row of the progress table: the task with the target's words marked, figures, status. */
import { findSpan, h, highlighted, replace } from '../lib/dom.js';
import { describeLatest, describeTarget, formatPercent } from '../../../shared/index.js';
import { completionBar, statusChip } from '../lib/widgets.js';

/** @param {any} row TargetProgressRow @param {any} record the stored target (for the quote's span) */
export function targetRow(row, record) {
  const p = row.progress;
  const [start, end] = findSpan(row.taskText, row.quote, record?.start ?? null, record?.end ?? null);
  // The cell shows the words around the target; Enter or a click shows the whole task.
  const taskCell = h(
    'td',
    { class: 'task-text', title: '点击展开全文', tabindex: '0', 'aria-expanded': 'false' },
    highlighted(row.taskText, start, end, 36),
  );
  let expanded = false;
  const toggle = () => {
    expanded = !expanded;
    taskCell.setAttribute('aria-expanded', String(expanded));
    replace(taskCell, highlighted(row.taskText, start, end, expanded ? 0 : 36));
  };
  taskCell.addEventListener('click', toggle);
  taskCell.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      toggle();
    }
  });
  const latest =
    p.latest || p.members ? h('span', null, describeLatest(row)) : h('span', { class: 'muted' }, '—');
  return h(
    'tr',
    { class: `status-row row-${p.status}` },
    h('td', { class: 'seq' }, row.seq ?? ''),
    taskCell,
    h(
      'td',
      { class: 'subject' },
      h('a', { href: `#/targets/${row.targetId}` }, row.subject),
      row.each ? h('span', { class: 'tag' }, row.each) : null,
      row.per ? h('span', { class: 'tag' }, '每年') : null,
    ),
    h(
      'td',
      { class: 'num' },
      describeTarget(row),
      row.deadline ? h('small', { class: 'muted block' }, `${row.deadline} 年`) : null,
    ),
    h('td', { class: 'num' }, latest),
    h('td', { class: 'num' }, completionBar(p.completion, p.status, p.expected)),
    h('td', { class: 'num' }, formatPercent(p.expected)),
    h(
      'td',
      { title: p.note || null },
      statusChip(p.status),
      p.aboveRange ? h('small', { class: 'muted block' }, '高于区间上限') : null,
    ),
    h('td', { class: 'unit' }, row.leadUnit ?? '—'),
  );
}
