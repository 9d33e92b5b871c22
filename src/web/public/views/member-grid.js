/** 各成员数据: a per-member target's figures as a grid, members down and years across. */
import { session } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { formatAmount, may } from '../../../shared/index.js';

/** Members down, years across; a click on a cell loads it into the entry form. */
export function memberGrid(ctx) {
  const { target, figures, memberNames, years } = ctx;
  const members = [...new Set([...memberNames, ...figures.current.map((m) => m.member).filter(Boolean)])];
  const shownYears = years.filter((y) => y <= Math.max(ctx.asOfYear, ...figures.current.map((m) => m.year)));
  const at = new Map(figures.current.map((m) => [`${m.member}|${m.year}`, m]));
  const record = may(session.user?.role, 'recordMeasurements');
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
