/**
 * 审核模式: one screen walks a plan target by target, the task's text beside the target with
 * its quote highlighted. Keyboard: ← / → (or K / J) previous / next, Enter confirm and go on,
 * E edit in place, Delete delete (Z undoes it), and selecting words in any task's text
 * (also a task without targets) proposes a new target from them, which the evaluator only
 * corrects. 拆分 edits the two parts in one form, 合并 joins a target with another of its task.
 */
import { ApiError, del, get, patch, post } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import {
  REVIEW_STATES,
  REVIEW_STATE_LABELS,
  TARGET_FIELD_LABELS,
  countReviewStates,
  describeTarget,
  reviewStateOf,
} from '../../../shared/index.js';
import { issuesOfElement } from '../lib/form-fields.js';
import { setCrumbs } from '../lib/shell.js';
import { loading } from '../lib/widgets.js';
import { reviewChip } from './target-review-list.js';
import { formButtons, targetFieldset, targetForm } from './target-form.js';

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
  /** While 拆分 is open: fills its second part from words selected in the task text. */
  let fillSecond = /** @type {((proposal: any) => void) | null} */ (null);
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

  /**
   * 拆分: both parts in one form, the first filled from the target, the second from the
   * same fields without words; selecting words in the task text fills the second part
   * from the extractor's reading of them. Saved in one request (both parts or neither).
   */
  function splitCurrent() {
    const { target } = current();
    if (!target) return;
    const prefix = `split-${target.id}`;
    const first = targetFieldset({ prefix: `${prefix}-a`, initial: target });
    const secondBox = h('div', { class: 'split-part' });
    /** The second part's fields and, while its quote is the selected words, their offsets. */
    let second = targetFieldset({
      prefix: `${prefix}-b`,
      initial: { ...fieldsOf(target), quote: '', subject: '' },
    });
    let secondSpan = { quote: '', start: null, end: null };
    replace(secondBox, second.nodes);
    fillSecond = (proposal) => {
      second = targetFieldset({ prefix: `${prefix}-b`, initial: proposal });
      secondSpan = { quote: proposal.quote, start: proposal.start, end: proposal.end };
      replace(secondBox, second.nodes);
      second.focus();
    };
    const span = (fields, located) =>
      fields.quote === located.quote
        ? { start: located.start, end: located.end }
        : { start: null, end: null };
    const form = h(
      'form',
      { class: 'target-editor split-editor', novalidate: true },
      h('h3', null, '第一个目标'),
      h('div', { class: 'split-part' }, first.nodes),
      h('h3', null, '第二个目标'),
      h('p', { class: 'hint' }, '在左侧选中第二个目标的文字，可按文字自动填入。'),
      secondBox,
      formButtons('保存拆分', () => ((editing = false), draw())),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const a = first.read();
      const b = second.read();
      if (!a || !b) return;
      try {
        const [kept, added] = await post(`/api/targets/${target.id}/split`, {
          revision: target.revision,
          parts: [
            { ...a, ...span(a, target) },
            { ...b, ...span(b, secondSpan) },
          ],
        });
        Object.assign(target, kept);
        targets.push(added);
        toast(`已拆分为“${kept.subject}”和“${added.subject}”`);
        refreshWalk(target);
      } catch (e) {
        const marked = [first, second].map((part, i) => {
          const mine = issuesOfElement(e, 'parts', i);
          return mine ? part.showIssues(mine) : null;
        });
        (marked[0] ?? marked[1])?.focus();
      }
    });
    editing = true;
    replace(panel, h('h2', null, '拆分目标'), form);
    first.focus();
  }

  /**
   * 合并: pick the other target of the same task (the next one by default); the merged
   * target's words span both quotes and its fields start from the current one's, to correct.
   */
  function mergeCurrent() {
    const { task, target: a } = current();
    const others = entries
      .filter((e) => e.task.id === task.id && e.target && e.target.id !== a?.id)
      .map((e) => e.target);
    if (!a || others.length === 0) return;
    const following = entries[at + 1]?.target;
    let b = others.find((t) => t.id === following?.id) ?? others[0];
    const body = h('div', { class: 'merge-fields' });
    let fieldset = targetFieldset({ prefix: `merge-${a.id}`, initial: merged(task, a, b) });
    const choose = () => {
      fieldset = targetFieldset({ prefix: `merge-${a.id}`, initial: merged(task, a, b) });
      replace(body, fieldset.nodes);
    };
    replace(body, fieldset.nodes);
    const picker = h(
      'select',
      {
        id: `merge-${a.id}-with`,
        onchange: (/** @type {Event} */ e) => {
          b = others.find((t) => String(t.id) === /** @type {HTMLSelectElement} */ (e.target).value) ?? b;
          choose();
        },
      },
      others.map((t) =>
        h('option', { value: String(t.id), selected: t.id === b.id }, `${t.subject}：${describeTarget(t)}`),
      ),
    );
    const form = h(
      'form',
      { class: 'target-editor merge-editor', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: picker.id }, '与哪个目标合并'), picker),
      body,
      formButtons('保存合并', () => ((editing = false), draw())),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const fields = fieldset.read();
      if (!fields) return;
      const proposed = merged(task, a, b);
      const located =
        fields.quote === proposed.quote
          ? { start: proposed.start, end: proposed.end }
          : { start: null, end: null };
      try {
        const saved = await post(`/api/targets/${a.id}/merge`, {
          revision: a.revision,
          with: { id: b.id, revision: b.revision },
          fields: { ...fields, ...located },
        });
        Object.assign(a, saved);
        targets.splice(targets.indexOf(b), 1);
        toast(`已合并为“${saved.subject}”`);
        refreshWalk(a);
      } catch (e) {
        fieldset.showIssues(e)?.focus();
      }
    });
    editing = true;
    replace(panel, h('h2', null, '合并目标'), form);
    picker.focus();
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
    const fill = fillSecond;
    replace(
      selectBar,
      h('span', null, `选中：「${words}」`),
      fill
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn btn-primary btn-small',
              id: 'fill-second-part',
              onclick: async () => {
                try {
                  fill(await post(`/api/tasks/${task.id}/proposal`, span));
                } catch (e) {
                  toast(e instanceof ApiError ? e.message : '无法推荐目标', 'error');
                }
              },
            },
            '填入第二个目标',
          )
        : h(
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
    const sameTask = entries.some((e) => e.task.id === task.id && e.target && e.target.id !== target.id);
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
        h(
          'button',
          { type: 'button', class: 'btn btn-quiet', id: 'review-split', onclick: splitCurrent },
          '拆分',
        ),
        sameTask
          ? h(
              'button',
              { type: 'button', class: 'btn btn-quiet', id: 'review-merge', onclick: mergeCurrent },
              '合并…',
            )
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
    fillSecond = null;
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

/** A target's fields as the API takes them: every labelled target field, and the span. */
function fieldsOf(t) {
  const fields = Object.fromEntries(Object.keys(TARGET_FIELD_LABELS).map((k) => [k, t[k]]));
  return { ...fields, start: t.start, end: t.end };
}

/** The two targets as one: words spanning both quotes when both are located, else the first's. */
function merged(task, a, b) {
  const spans = a.start !== null && b.start !== null && a.end !== null && b.end !== null;
  const start = spans ? Math.min(a.start, b.start) : a.start;
  const end = spans ? Math.max(a.end, b.end) : a.end;
  return { ...fieldsOf(a), quote: spans ? task.text.slice(start, end) : a.quote, start, end };
}
