/** 修订记录: every revision of the figures and of the target itself, newest first. */
import { h, highlighted } from '../lib/dom.js';
import {
  MEASUREMENT_STATE_LABELS,
  ORIGIN_LABELS,
  TARGET_FIELD_LABELS,
  formatAmount,
  formatNumber,
} from '../../../shared/index.js';
import { formatTime } from '../lib/format.js';
import { scrollTable } from '../lib/widgets.js';

/** Rows shown before 显示全部: the latest changes are what people look for. */
const FIRST_ROWS = 12;

/** Hides rows past the first few behind a 显示全部 button. */
function limited(tbody) {
  const extra = [...tbody.children].slice(FIRST_ROWS);
  if (extra.length === 0) return null;
  for (const tr of extra) tr.hidden = true;
  const more = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-quiet btn-small',
      onclick: () => {
        for (const tr of extra) tr.hidden = false;
        more.remove();
      },
    },
    `显示全部（另有 ${extra.length} 条）`,
  );
  return more;
}

/**
 * @param {any[]} history
 * @param {any} target
 * @param {{measurementId: number, fileName: string, sentence: string, figureStart: number, figureEnd: number, sha256: string}[]} [sources]
 *   where revisions read from a completion report came from
 */
export function measurementHistory(history, target, sources = []) {
  const sourceOf = new Map(sources.map((s) => [s.measurementId, s]));
  const rows = [...history].sort((a, b) =>
    b.enteredAt > a.enteredAt ? 1 : b.enteredAt < a.enteredAt ? -1 : b.revision - a.revision,
  );
  if (rows.length === 0) {
    return h(
      'div',
      { class: 'history-block' },
      h('h3', null, '数据修订'),
      h('p', { class: 'empty-inline' }, '暂无记录。'),
    );
  }
  const columns = [
    '时间',
    '年度',
    target.each ? '成员' : null,
    '数值',
    '状态',
    '填报人',
    '核实人',
    '版本',
    '备注',
  ];
  const body = h(
    'tbody',
    null,
    rows.map((m) => historyRow(m, target, sourceOf.get(m.id))),
  );
  return h(
    'div',
    { class: 'history-block' },
    h('h3', null, '数据修订'),
    scrollTable('compact history-table', columns, body),
    limited(body),
  );
}

function historyRow(m, target, source) {
  const ratio =
    m.numerator !== null
      ? h('small', { class: 'muted' }, `（${formatNumber(m.numerator)}/${formatNumber(m.denominator)}）`)
      : null;
  return h(
    'tr',
    null,
    h('td', { class: 'nowrap' }, formatTime(m.enteredAt)),
    h('td', null, `${m.year} 年`),
    target.each ? h('td', null, m.member ?? '—') : null,
    h('td', { class: 'num' }, formatAmount(m.value, target.unit), ratio),
    h('td', null, h('span', { class: `chip state-${m.state}` }, MEASUREMENT_STATE_LABELS[m.state])),
    h('td', null, m.enteredBy),
    h('td', null, m.verifiedBy ?? '—'),
    h('td', null, `第 ${m.revision} 版`),
    h(
      'td',
      { class: 'note' },
      [m.note ?? '', m.reason ? `（退回原因：${m.reason}）` : ''].join(''),
      source ? figureSource(source) : null,
    ),
  );
}

/** 来源: the report file and the sentence with the figure marked. */
function figureSource(source) {
  return h(
    'div',
    { class: 'figure-source', title: `SHA-256 ${source.sha256}` },
    h('span', { class: 'muted' }, `来源：《${source.fileName}》`),
    h('q', null, highlighted(source.sentence, source.figureStart, source.figureEnd, 30)),
  );
}

export function targetHistory(history) {
  const rows = history.map((t, i) => ({ t, prev: history[i - 1] ?? null })).reverse();
  return h(
    'div',
    { class: 'history-block' },
    h('h3', null, '指标修订'),
    scrollTable(
      'compact',
      ['时间', '版本', '操作人', '变化'],
      rows.map(({ t, prev }) =>
        h(
          'tr',
          null,
          h('td', { class: 'nowrap' }, formatTime(t.updatedAt)),
          h('td', null, `第 ${t.revision} 版`),
          h('td', null, t.updatedBy),
          h('td', null, change(t, prev)),
        ),
      ),
    ),
  );
}

function change(t, prev) {
  if (!prev) return `创建（${ORIGIN_LABELS[t.origin]}）`;
  if (t.deleted) return '删除';
  const changed = Object.keys(TARGET_FIELD_LABELS).filter((k) => t[k] !== prev[k]);
  if (changed.length)
    return `修改 ${changed.map((k) => `${TARGET_FIELD_LABELS[k]}：${show(prev[k])} → ${show(t[k])}`).join('；')}`;
  if (t.confirmed && !prev.confirmed) return '确认无误';
  return '更新';
}

function show(v) {
  return v === null || v === '' ? '空' : String(v);
}
