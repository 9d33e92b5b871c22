/**
 * 目标审核 on the plan page (evaluators): every target with its review state (待确认 / 已确认 /
 * 人工修改 / 人工添加), a filter by state with live counts, checkboxes, and one request to
 * confirm a selection or all targets of a task. The counts and chips change in place.
 */
import { ApiError, post } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import {
  REVIEW_STATES,
  REVIEW_STATE_LABELS,
  countReviewStates,
  describeTarget,
  reviewStateOf,
} from '../../../shared/index.js';
import { scrollTable } from '../lib/widgets.js';

/** A review-state chip. */
export function reviewChip(state) {
  return h('span', { class: `chip review-${state}` }, REVIEW_STATE_LABELS[state]);
}

/**
 * @param {any} plan
 * @param {any[]} tasks
 * @param {any[]} targets current targets of the plan (changed in place as they are confirmed)
 * @param {(counts: Record<string, number>) => void} onCounts told whenever the counts change
 */
export function targetReviewList(plan, tasks, targets, onCounts) {
  const taskOf = new Map(tasks.map((t) => [t.id, t]));
  let filter = /** @type {string | null} */ (null);
  const selected = new Set();
  const filterBar = h('div', { class: 'chips', role: 'group', 'aria-label': '按审核状态筛选' });
  const body = h('tbody');
  const confirmSelected = h('button', { type: 'button', class: 'btn btn-small', disabled: true }, '确认所选');

  async function confirm(list) {
    const open = list.filter((t) => !t.confirmed);
    if (open.length === 0) return toast('这些目标都已确认');
    try {
      const saved = await post('/api/targets/confirm', {
        targets: open.map((t) => ({ id: t.id, revision: t.revision })),
      });
      for (const s of saved)
        Object.assign(
          targets.find((t) => t.id === s.id),
          s,
        );
      selected.clear();
      toast(`已确认 ${saved.length} 个目标`);
      draw();
    } catch (e) {
      toast(e instanceof ApiError ? e.message : '确认失败', 'error');
    }
  }
  confirmSelected.addEventListener('click', () => confirm(targets.filter((t) => selected.has(t.id))));

  function draw() {
    const counts = countReviewStates(targets);
    onCounts(counts);
    replace(
      filterBar,
      h(
        'button',
        {
          type: 'button',
          class: ['chip-button', filter === null && 'active'],
          onclick: () => ((filter = null), draw()),
        },
        h('span', { class: 'chip' }, '全部', h('b', null, String(targets.length))),
      ),
      REVIEW_STATES.map((s) =>
        h(
          'button',
          {
            type: 'button',
            class: ['chip-button', filter === s && 'active'],
            'aria-pressed': String(filter === s),
            dataset: { review: s },
            onclick: () => ((filter = filter === s ? null : s), draw()),
          },
          h('span', { class: `chip review-${s}` }, REVIEW_STATE_LABELS[s], h('b', null, String(counts[s]))),
        ),
      ),
    );
    const shown = targets.filter((t) => filter === null || reviewStateOf(t) === filter);
    let lastTask = null;
    replace(
      body,
      shown.length === 0
        ? h('tr', null, h('td', { colspan: 5, class: 'muted' }, '没有此状态的目标'))
        : shown.flatMap((t) => {
            const task = taskOf.get(t.taskId);
            const head =
              t.taskId !== lastTask
                ? h(
                    'tr',
                    { class: 'task-row' },
                    h(
                      'td',
                      { colspan: 4 },
                      h('strong', null, task?.seq != null ? `任务 ${task.seq}　` : '任务　'),
                      h('span', { class: 'muted' }, (task?.text ?? '').slice(0, 60)),
                    ),
                    h(
                      'td',
                      null,
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'btn btn-quiet btn-small',
                          onclick: () => confirm(targets.filter((x) => x.taskId === t.taskId)),
                        },
                        '确认本任务全部',
                      ),
                    ),
                  )
                : null;
            lastTask = t.taskId;
            const box = h('input', {
              type: 'checkbox',
              'aria-label': `选择目标 ${t.quote || t.subject}`,
              checked: selected.has(t.id),
              onchange: (e) => {
                if (e.target.checked) selected.add(t.id);
                else selected.delete(t.id);
                confirmSelected.disabled = selected.size === 0;
              },
            });
            return [
              head,
              h(
                'tr',
                { dataset: { targetId: String(t.id) } },
                h('td', null, box),
                h('td', null, h('a', { href: `#/targets/${t.id}` }, t.subject)),
                h('td', null, describeTarget(t)),
                h('td', { class: 'muted small' }, t.quote),
                h('td', null, reviewChip(reviewStateOf(t))),
              ),
            ];
          }),
    );
    confirmSelected.disabled = selected.size === 0;
  }
  draw();

  return h(
    'section',
    { class: 'card table-card', id: 'review' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', null, '目标审核'),
      h(
        'div',
        { class: 'button-row' },
        confirmSelected,
        h('a', { class: 'btn btn-primary btn-small', href: `#/plans/${plan.id}/review` }, '进入审核模式'),
      ),
    ),
    filterBar,
    scrollTable('review-table', ['', '指标对象', '目标', '原文', '审核状态'], body),
  );
}
