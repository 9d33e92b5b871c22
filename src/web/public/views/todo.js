/**
 * 待办: what waits on the signed-in user. A statistician sees the figures returned to it with
 * the reason (退回, to correct and send again), the figures due and not yet entered (催报) and
 * what it sent that waits for verification (待核实); an evaluator sees what waits for it to
 * verify. Each row links to the target, where the figure is entered, corrected or verified.
 */
import { get, session } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { formatTime } from '../lib/format.js';
import { setCrumbs } from '../lib/shell.js';
import { loading, scrollTable } from '../lib/widgets.js';
import { formatNumber } from '../../../shared/index.js';

/** @typedef {import('zod').output<typeof import('../../../http/todo-schema.ts').TodoItem>} TodoItem */

/** The target's link and what it is, as every list shows it. @param {TodoItem} x */
function targetCells(x) {
  return [
    h('td', null, h('a', { href: `#/plans/${x.planId}` }, x.planTitle)),
    h('td', { class: 'num' }, x.taskSeq ?? '—'),
    h(
      'td',
      null,
      h('a', { href: `#/targets/${x.targetId}` }, x.subject),
      h('div', { class: 'muted' }, x.quote),
    ),
    h('td', null, x.unit ?? '—'),
    h('td', { class: 'num' }, String(x.year)),
    h('td', null, x.member ?? '全域'),
  ];
}

const TARGET_HEAD = ['方案', '序号', '目标', '牵头单位', '年度', '成员'];

/**
 * One list as a card: title with its count, what it means, and its rows.
 * @param {string} title @param {string} note @param {TodoItem[]} items @param {number} count
 * @param {string[]} head @param {(x: TodoItem) => any[]} cells @param {string} id
 */
function section(title, note, items, count, head, cells, id) {
  return h(
    'section',
    { class: 'card table-card', id, 'aria-label': title },
    h('div', { class: 'card-head' }, h('h2', null, `${title}（${count}）`), h('p', { class: 'muted' }, note)),
    items.length === 0
      ? h('p', { class: 'muted' }, '没有待办事项。')
      : scrollTable(
          'todo-table',
          [...TARGET_HEAD, ...head],
          items.map((x) => h('tr', null, [...targetCells(x), ...cells(x)])),
        ),
    count > items.length ? h('p', { class: 'muted' }, `只显示前 ${items.length} 项。`) : null,
  );
}

export async function renderTodo(main, _params, _query, alive) {
  setCrumbs([['待办']]);
  replace(main, loading());
  const todo = await get('/api/todo');
  if (!alive()) return;
  const { counts } = todo;
  // Statisticians enter figures; evaluators and admins verify them.
  const writes = session.user?.role === 'statistician';
  replace(
    main,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        null,
        h('h1', null, '待办'),
        h(
          'p',
          { class: 'muted' },
          counts.total === 0 ? '暂无需要处理的事项。' : `共 ${counts.total} 项需要处理`,
        ),
      ),
    ),
    writes
      ? section(
          '被退回的数据',
          '评估员退回了这些数据，请按原因核对后重新报送（数值不变也可再次报送）。',
          todo.returned,
          counts.returned,
          ['数值', '退回原因', '退回人', '退回时间'],
          (x) => [
            h('td', { class: 'num' }, formatNumber(x.value)),
            h('td', { class: 'reason' }, x.reason ?? '—'),
            h('td', null, x.verifiedBy ?? '—'),
            h('td', null, formatTime(x.verifiedAt)),
          ],
          'todo-returned',
        )
      : null,
    writes
      ? section(
          '应报未报（催报）',
          '本单位负责的目标在这些年度还没有填报数据。',
          todo.due,
          counts.due,
          [],
          () => [],
          'todo-due',
        )
      : null,
    section(
      '待核实',
      writes ? '已报送、等待评估员核实的数据。' : '填报员已报送、等待您核实或退回的数据。',
      todo.awaiting,
      counts.awaiting,
      ['数值', '填报人', '填报时间'],
      (x) => [
        h('td', { class: 'num' }, formatNumber(x.value)),
        h('td', null, x.enteredBy ?? '—'),
        h('td', null, formatTime(x.enteredAt)),
      ],
      'todo-awaiting',
    ),
  );
}
