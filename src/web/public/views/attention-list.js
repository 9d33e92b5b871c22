/** 需要关注 on the plan screen. */
import { query } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { STATUS_LABELS, formatPercent } from '../../../shared/index.js';

/** 需要关注: the targets behind or missed, worst first, with who leads them — what a leader asks. */
export function attention(view, { year, verified }) {
  const rank = (t) => (t.progress.status === 'missed' ? 0 : 1);
  const rows = view.targets
    .filter((t) => t.progress.status === 'missed' || t.progress.status === 'behind')
    .sort((a, b) => rank(a) - rank(b) || (a.progress.completion ?? 0) - (b.progress.completion ?? 0));
  const suffix = query({ year, data: verified ? 'verified' : '' });
  return h(
    'section',
    { class: 'card attention' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', null, '需要关注'),
      h('span', { class: 'muted small' }, `滞后或未达标 ${rows.length} 项`),
    ),
    rows.length === 0
      ? h('p', { class: 'empty-inline' }, '没有进度滞后或未达标的指标。')
      : h(
          'ol',
          { class: 'attention-list' },
          rows
            .slice(0, 8)
            .map((t) =>
              h(
                'li',
                null,
                h('a', { href: `#/targets/${t.targetId}${suffix}`, title: t.subject }, t.subject),
                h('span', { class: 'muted small' }, t.leadUnit ?? ''),
                h('span', { class: 'attention-figure' }, formatPercent(t.progress.completion)),
                h('span', { class: `chip chip-${t.progress.status}` }, STATUS_LABELS[t.progress.status]),
              ),
            ),
        ),
    rows.length > 8 ? h('p', { class: 'muted small' }, `另有 ${rows.length - 8} 项，见下方进度表。`) : null,
  );
}
