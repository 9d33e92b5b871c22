/**
 * 审核模式: one screen walks a plan target by target, the task's text beside the target with
 * its quote highlighted. Keyboard: ← / → (or K / J) previous / next, Enter confirm and go on,
 * E edit in place, Delete delete (Z undoes it), and selecting words in any task's text
 * (also a task without targets) proposes a new target from them, which the evaluator only
 * corrects. 拆分 splits a target in two, 合并 merges it with the next one of the same task.
 */
import { ApiError, del, get, patch, post } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import {
  REVIEW_STATES,
  REVIEW_STATE_LABELS,
  countReviewStates,
  describeTarget,
  reviewStateOf,
} from '../../../shared/index.js';
import { setCrumbs } from '../lib/shell.js';
import { loading } from '../lib/widgets.js';
import { reviewChip } from './target-review-list.js';
import { targetForm } from './target-form.js';

/** The keyboard handler of the review screen on show; replaced when the screen is drawn again. */
let keyHandler = /** @type {((e: KeyboardEvent) => void) | null} */ (null);

/** One step of the walk: a target of a task, or a task without any (to add one by selecting words). */
function walk(tasks, targets) {
  const entries = [];
  for (const task of tasks) {
    const own = targets
      .filter((t) => t.taskId === task.id)
      .sort((a, b) => (a.start ?? 1e9) - (b.start ?? 1e9));
    if (own.length === 0) entries.push({ task, target: null });
    for (const target of own) entries.push({ task, target });
  }
  return entries;
}

/** The task text with every target's span marked, the current one strongly. */
function markedText(task, targets, current) {
  const spans = targets
    .filter((t) => t.taskId === task.id && t.start !== null && t.end !== null && t.end <= task.text.length)
    .sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const t of spans) {
    if (t.start < at) continue;
    parts.push(task.text.slice(at, t.start));
    parts.push(
      h('mark', { class: t.id === current?.id ? 'current' : 'other' }, task.text.slice(t.start, t.end)),
    );
    at = t.end;
  }
  parts.push(task.text.slice(at));
  return parts;
}

/** Offsets of the selection inside `el`'s text, or null when nothing inside it is selected. */
function selectionIn(el) {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(el, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

export async function renderReviewMode(main, [id], q, alive) {
  setCrumbs([['方案列表', '#/plans'], ['方案详情', `#/plans/${id}`], ['审核模式']]);
  replace(main, loading());
  const [plan, tasks, loaded] = await Promise.all([
    get(`/api/plans/${id}`),
    get(`/api/plans/${id}/tasks`),
    get(`/api/plans/${id}/targets`),
  ]);
  if (!alive()) return;
  setCrumbs([['方案列表', '#/plans'], [plan.title, `#/plans/${id}`], ['审核模式']]);
  const targets = /** @type {any[]} */ (loaded);
  let entries = walk(tasks, targets);
  let at = Math.min(Math.max(0, Number(q.get('at') ?? 0) || 0), entries.length - 1);
  let editing = false;
  /** Deleted targets, latest last, for Z / 撤销. */
  const deleted = [];

  const counter = h('span', { class: 'review-counter', 'aria-live': 'polite' });
  const counts = h('div', { class: 'chips', 'aria-label': '审核状态统计' });
  const textBox = h('div', { class: 'review-text', id: 'review-text', tabindex: '-1' });
  const taskHead = h('div', { class: 'review-task-head' });
  const selectBar = h('div', { class: 'select-bar', 'aria-live': 'polite' });
  const panel = h('div', { class: 'review-panel' });
  const undoBar = h('div', { class: 'undo-bar', 'aria-live': 'polite' });

  /** @returns {{ task: any, target: any }} */
  const current = () => /** @type {any} */ (entries[at]);
  const go = (i) => {
    at = Math.min(Math.max(0, i), entries.length - 1);
    editing = false;
    draw();
  };
  const refreshWalk = (focusTarget) => {
    entries = walk(tasks, targets);
    const i = focusTarget ? entries.findIndex((e) => e.target?.id === focusTarget.id) : -1;
    go(i >= 0 ? i : at);
  };

  async function confirmCurrent() {
    const target = current()?.target;
    if (!target) return go(at + 1);
    if (target.confirmed) return go(at + 1);
    try {
      const saved = await post(`/api/targets/${target.id}/confirm`, { revision: target.revision });
      Object.assign(target, saved);
      toast(`已确认“${target.subject}”`);
      go(at + 1);
    } catch (e) {
      toast(e instanceof ApiError ? e.message : '确认失败', 'error');
    }
  }

  async function deleteCurrent() {
    const target = current()?.target;
    if (!target) return;
    try {
      const gone = await del(`/api/targets/${target.id}?revision=${target.revision}`);
      targets.splice(targets.indexOf(target), 1);
      deleted.push(gone);
      refreshWalk(null);
    } catch (e) {
      toast(e instanceof ApiError ? e.message : '删除失败', 'error');
    }
  }

  async function undoDelete() {
    const gone = deleted.pop();
    if (!gone) return;
    try {
      const back = await post(`/api/targets/${gone.id}/restore`, { revision: gone.revision });
      targets.push(back);
      toast(`已恢复“${back.subject}”`);
      refreshWalk(back);
    } catch (e) {
      deleted.push(gone);
      toast(e instanceof ApiError ? e.message : '撤销失败', 'error');
    }
  }

  async function splitCurrent() {
    const target = current()?.target;
    if (!target) return;
    const fields = fieldsOf(target);
    try {
      const [kept, added] = await post(`/api/targets/${target.id}/split`, {
        revision: target.revision,
        parts: [fields, { ...fields, start: null, end: null }],
      });
      Object.assign(target, kept);
      targets.push(added);
      toast('已拆分为两个目标：请修改新目标');
      refreshWalk(added);
      editing = true;
      draw();
    } catch (e) {
      toast(e instanceof ApiError ? e.message : '拆分失败', 'error');
    }
  }

  async function mergeWithNext() {
    const here = current();
    const next = entries[at + 1];
    if (!here?.target || !next?.target || next.task.id !== here.task.id) return;
    const a = here.target;
    const b = next.target;
    const spans = a.start !== null && b.start !== null && a.end !== null && b.end !== null;
    const start = spans ? Math.min(a.start, b.start) : a.start;
    const end = spans ? Math.max(a.end, b.end) : a.end;
    const quote = spans ? here.task.text.slice(start, end) : a.quote;
    try {
      const merged = await post(`/api/targets/${a.id}/merge`, {
        revision: a.revision,
        with: { id: b.id, revision: b.revision },
        fields: { ...fieldsOf(a), quote, start, end },
      });
      Object.assign(a, merged);
      targets.splice(targets.indexOf(b), 1);
      toast('已合并两个目标');
      refreshWalk(a);
    } catch (e) {
      toast(e instanceof ApiError ? e.message : '合并失败', 'error');
    }
  }

  async function proposeFromSelection(task, span) {
    try {
      const proposal = await post(`/api/tasks/${task.id}/proposal`, span);
      const { form, focus } = targetForm({
        prefix: 'add-selected',
        initial: proposal,
        submitLabel: '添加目标',
        onCancel: () => draw(),
        async onSubmit(fields) {
          // The span goes with the quote only while the quote is still the selected words.
          const located = fields.quote === proposal.quote ? { start: proposal.start, end: proposal.end } : {};
          const added = await post(`/api/tasks/${task.id}/targets`, { ...fields, ...located });
          targets.push(added);
          toast(`已添加目标“${added.subject}”`);
          refreshWalk(added);
        },
      });
      editing = true;
      replace(
        panel,
        h('h2', null, '添加目标'),
        h(
          'p',
          { class: 'hint' },
          proposal.reading === 'target'
            ? '已按选中的文字推荐，请核对后添加。'
            : '选中的文字中未识别出完整目标，请补全。',
        ),
        form,
      );
      focus();
    } catch (e) {
      toast(e instanceof ApiError ? e.message : '无法推荐目标', 'error');
    }
  }

  textBox.addEventListener('mouseup', () => {
    const task = current()?.task;
    const span = task ? selectionIn(textBox) : null;
    if (!span || !task) return replace(selectBar);
    const words = task.text.slice(span.start, span.end);
    replace(
      selectBar,
      h('span', null, `选中：「${words}」`),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary btn-small',
          id: 'add-from-selection',
          onclick: () => proposeFromSelection(task, span),
        },
        '添加为目标',
      ),
    );
  });

  function drawPanel() {
    const { task, target } = current();
    if (!target) {
      replace(
        panel,
        h('h2', null, '本任务没有量化目标'),
        h('p', { class: 'muted' }, '如有遗漏，在左侧选中目标的文字即可添加。'),
        nav(),
      );
      return;
    }
    if (editing) {
      const { form, focus } = targetForm({
        prefix: `edit-${target.id}`,
        initial: target,
        submitLabel: '保存修改',
        onCancel: () => ((editing = false), draw()),
        async onSubmit(fields) {
          const saved = await patch(`/api/targets/${target.id}`, { revision: target.revision, ...fields });
          Object.assign(target, saved);
          toast('已保存修改');
          editing = false;
          draw();
        },
      });
      replace(panel, h('h2', null, '修改目标'), form);
      focus();
      return;
    }
    const state = reviewStateOf(target);
    const following = entries[at + 1];
    const sameTaskNext = following?.target && following.task.id === task.id;
    replace(
      panel,
      h('div', { class: 'review-target-head' }, h('h2', null, target.subject), reviewChip(state)),
      h(
        'dl',
        { class: 'review-fields' },
        item('目标', describeTarget(target)),
        item('原文', target.quote || '—'),
        item('完成年份', target.deadline ?? '—'),
        target.per ? item('按年', '是（逐年）') : null,
        target.each ? item('按成员', target.each) : null,
        target.base ? item('比例基数', target.base) : null,
      ),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          { type: 'button', class: 'btn btn-primary', id: 'review-confirm', onclick: confirmCurrent },
          target.confirmed ? '下一个（Enter）' : '确认（Enter）',
        ),
        h('button', { type: 'button', class: 'btn', onclick: () => ((editing = true), draw()) }, '修改（E）'),
        h('button', { type: 'button', class: 'btn btn-danger', onclick: deleteCurrent }, '删除（Delete）'),
        h('button', { type: 'button', class: 'btn btn-quiet', onclick: splitCurrent }, '拆分'),
        sameTaskNext
          ? h('button', { type: 'button', class: 'btn btn-quiet', onclick: mergeWithNext }, '与下一个合并')
          : null,
      ),
      nav(),
    );
  }

  function nav() {
    return h(
      'div',
      { class: 'button-row review-nav' },
      h(
        'button',
        { type: 'button', class: 'btn btn-small', disabled: at === 0, onclick: () => go(at - 1) },
        '← 上一个',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          disabled: at >= entries.length - 1,
          onclick: () => go(at + 1),
        },
        '下一个 →',
      ),
    );
  }

  function draw() {
    const entry = current();
    const c = countReviewStates(targets);
    replace(counter, `第 ${at + 1} / ${entries.length} 项`);
    replace(
      counts,
      REVIEW_STATES.map((s) =>
        h('span', { class: `chip review-${s}` }, REVIEW_STATE_LABELS[s], h('b', null, String(c[s]))),
      ),
    );
    replace(
      taskHead,
      h('strong', null, entry.task.seq != null ? `任务 ${entry.task.seq}` : '任务'),
      entry.task.units.length
        ? h('span', { class: 'muted' }, '　' + entry.task.units.map((u) => u.name).join('、'))
        : null,
    );
    replace(textBox, markedText(entry.task, targets, entry.target));
    replace(selectBar, h('span', { class: 'hint' }, '选中任务文字中的词句可添加遗漏的目标'));
    replace(
      undoBar,
      deleted.length
        ? [
            h('span', null, `已删除“${deleted[deleted.length - 1].subject}”`),
            h(
              'button',
              { type: 'button', class: 'btn btn-small', id: 'review-undo', onclick: undoDelete },
              '撤销（Z）',
            ),
          ]
        : null,
    );
    drawPanel();
  }

  if (keyHandler) document.removeEventListener('keydown', keyHandler);
  keyHandler = (e) => {
    if (!alive()) {
      if (keyHandler) document.removeEventListener('keydown', keyHandler);
      keyHandler = null;
      return;
    }
    const el = /** @type {HTMLElement} */ (e.target);
    if (editing || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) || e.ctrlKey || e.metaKey || e.altKey)
      return;
    const act = {
      ArrowRight: () => go(at + 1),
      j: () => go(at + 1),
      ArrowLeft: () => go(at - 1),
      k: () => go(at - 1),
      Enter: confirmCurrent,
      e: () => current()?.target && ((editing = true), draw()),
      Delete: deleteCurrent,
      z: undoDelete,
    }[e.key.length === 1 ? e.key.toLowerCase() : e.key];
    if (!act) return;
    e.preventDefault();
    void act();
  };
  document.addEventListener('keydown', keyHandler);

  replace(
    main,
    h(
      'section',
      { class: 'page-head' },
      h(
        'div',
        null,
        h('h1', null, `审核：${plan.title}`),
        h(
          'p',
          { class: 'muted small' },
          '← → 上一个 / 下一个　Enter 确认　E 修改　Delete 删除　Z 撤销删除　选中文字添加目标',
        ),
      ),
      h('div', { class: 'controls' }, counter, h('a', { class: 'btn', href: `#/plans/${id}` }, '返回方案')),
    ),
    counts,
    undoBar,
    entries.length === 0
      ? h('p', { class: 'empty' }, '该方案没有任务。')
      : h(
          'div',
          { class: 'grid-2 even review-grid' },
          h('section', { class: 'card' }, taskHead, textBox, selectBar),
          h('section', { class: 'card' }, panel),
        ),
  );
  if (entries.length) draw();
}

function item(label, value) {
  return [h('dt', null, label), h('dd', null, String(value))];
}

/** A target's fields as the API takes them. */
function fieldsOf(t) {
  return {
    quote: t.quote,
    subject: t.subject,
    value: t.value,
    max: t.max,
    unit: t.unit,
    op: t.op,
    deadline: t.deadline,
    per: t.per,
    each: t.each,
    base: t.base,
    start: t.start,
    end: t.end,
  };
}
