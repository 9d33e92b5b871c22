/** 定性任务: tasks without a quantified target, with 未启动 / 推进中 / 已完成 set by evaluators. */
import { ApiError, patch, post, session } from '../lib/api.js';
import { h, toast } from '../lib/dom.js';
import {
  QUALITATIVE_LABELS,
  QUALITATIVE_STATUSES,
  QUALITATIVE_UNSET_LABEL,
  may,
} from '../../../shared/index.js';
import { scrollTable } from '../lib/widgets.js';
import { targetForm } from './target-form.js';

export function qualitativeTasks(view, _reload) {
  const tasks = view.tasks.filter((t) => t.qualitative);
  if (tasks.length === 0) return null;
  const editable = may(session.user?.role, 'setTaskStatus');
  const addable = may(session.user?.role, 'editTargets');
  // The summary follows every status set below, without reloading the page.
  const summary = h('span', { class: 'muted small', id: 'qualitative-summary' });
  const recount = () => {
    const counts = { not_started: 0, in_progress: 0, done: 0, none: 0 };
    for (const t of tasks) counts[t.qualitativeStatus ?? 'none']++;
    // Done first: what a reader looks for; then the rest in the shared words.
    const parts = [...QUALITATIVE_STATUSES].reverse().map((s) => `${QUALITATIVE_LABELS[s]} ${counts[s]}`);
    if (counts.none) parts.push(`${QUALITATIVE_UNSET_LABEL} ${counts.none}`);
    summary.textContent = `共 ${tasks.length} 项：${parts.join('，')}`;
  };
  recount();
  return h(
    'section',
    { class: 'card table-card', id: 'qualitative' },
    h('div', { class: 'card-head' }, h('h2', null, '定性任务'), summary),
    scrollTable(
      '',
      ['序号', '任务', '牵头单位', '状态', addable ? '量化指标' : null],
      tasks.map((t) => taskRow(t, editable, addable, recount)),
    ),
  );
}

function taskRow(task, editable, addable, recount) {
  const status = task.qualitativeStatus;
  let cell;
  if (editable) {
    const select = h(
      'select',
      { 'aria-label': `任务 ${task.seq ?? ''} 的状态`, class: `qual-select qual-${status ?? 'none'}` },
      status ? null : h('option', { value: '', selected: true }, QUALITATIVE_UNSET_LABEL),
      Object.entries(QUALITATIVE_LABELS).map(([value, label]) =>
        h('option', { value, selected: value === status }, label),
      ),
    );
    let current = status;
    select.addEventListener('change', async () => {
      select.disabled = true;
      try {
        const saved = await patch(`/api/tasks/${task.taskId}/status`, { status: select.value });
        current = saved.qualitativeStatus;
        task.qualitativeStatus = current;
        recount();
        select.className = `qual-select qual-${current}`;
        select.querySelector('option[value=""]')?.remove();
        toast(`已将任务 ${task.seq ?? ''} 设为“${QUALITATIVE_LABELS[current]}”`);
      } catch (e) {
        select.value = current ?? '';
        toast(e instanceof ApiError ? e.message : '保存失败', 'error');
      } finally {
        select.disabled = false;
      }
    });
    cell = select;
  } else {
    cell = h(
      'span',
      { class: `chip qual-${status ?? 'none'}` },
      status ? QUALITATIVE_LABELS[status] : QUALITATIVE_UNSET_LABEL,
    );
  }
  return h(
    'tr',
    null,
    h('td', { class: 'seq' }, task.seq ?? ''),
    h('td', { class: 'task-text full' }, task.text),
    h('td', { class: 'unit' }, task.leadUnit ?? '—'),
    h('td', null, cell),
    addable ? h('td', null, addButton(task)) : null,
  );
}

/**
 * 添加指标: the extractor found no quantified target in this task, but an evaluator sees one;
 * the form opens in a row under the task and the new target (人工添加) opens when saved.
 */
function addButton(task) {
  const button = h('button', { type: 'button', class: 'btn btn-small' }, '添加指标');
  button.addEventListener('click', () => {
    const tr = /** @type {HTMLTableRowElement} */ (button.closest('tr'));
    if (tr.nextElementSibling?.classList.contains('add-target-row')) return;
    const { form, focus } = targetForm({
      prefix: `add-${task.taskId}`,
      submitLabel: '添加',
      onCancel: () => row.remove(),
      async onSubmit(fields) {
        const target = await post(`/api/tasks/${task.taskId}/targets`, fields);
        toast(`已添加指标“${target.subject}”`);
        location.hash = `#/targets/${target.id}`;
      },
    });
    const row = h('tr', { class: 'add-target-row' }, h('td', { colspan: 5 }, form));
    tr.after(row);
    focus();
  });
  return button;
}
