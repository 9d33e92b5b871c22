/** 各成员情况: where each member of a per-member target stands. */
import { h } from '../lib/dom.js';
import { STATUS_LABELS, formatAmount, formatPercent } from '../../../shared/index.js';
import { scrollTable, statusChip } from '../lib/widgets.js';

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
    scrollTable(
      'compact',
      ['成员', '最新数据', '完成率', '状态'],
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
  );
}
