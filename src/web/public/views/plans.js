/** 方案列表: plans a page at a time with their task and target counts and a status bar; import for evaluators. */
import { ApiError, get, post, query, session } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { MEASURES, STATUS_LABELS, formatPercent, may } from '../../../shared/index.js';
import { errorBox, loading, statusBar } from '../lib/widgets.js';
import { setCrumbs } from '../lib/shell.js';
import { planStateChip } from './plan-lifecycle.js';

export async function renderPlans(main, _params, _query, alive) {
  setCrumbs([['方案列表']]);
  replace(main, loading());
  // One request: a page of plans, each with its counts (never one progress request per plan).
  const page = await get(`/api/plan-summaries${query({ limit: 50 })}`);
  if (!alive()) return;
  const plans = page.items.map((s) => s.plan);

  const list = h('ul', { class: 'plan-list' }, page.items.map(planCard));
  const more = moreButton(list, page.nextCursor);
  replace(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('div', null, h('h1', null, '工作方案'), h('p', { class: 'muted' }, `共 ${page.total} 个方案`)),
      may(session.user?.role, 'importPlan') ? importForm() : null,
    ),
    plans.length
      ? h('div', null, list, more)
      : h(
          'div',
          { class: 'empty' },
          h('p', null, '还没有导入任何方案。'),
          may(session.user?.role, 'importPlan')
            ? h('p', { class: 'muted' }, '请用右上角的“导入方案”上传方案文件。')
            : h('p', { class: 'muted' }, '请联系评估员导入方案。'),
        ),
  );
}

/** 加载更多: the next page of plans appended to the list, until the last. */
function moreButton(list, cursor) {
  if (cursor === null) return null;
  const button = h('button', { type: 'button', class: 'btn' }, '加载更多方案');
  let after = cursor;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const next = await get(`/api/plan-summaries${query({ limit: 50, after })}`);
      for (const item of next.items) list.append(planCard(item));
      after = next.nextCursor;
      if (after === null) button.remove();
    } catch (e) {
      toast(e instanceof ApiError ? e.message : String(e), 'error');
    } finally {
      button.disabled = false;
    }
  });
  return h('p', { class: 'more' }, button);
}

function planCard(summary) {
  const { plan } = summary;
  const targets = summary.targetCount;
  const tasks = summary.taskCount;
  const met = summary.statusCounts.met;
  return h(
    'li',
    { class: 'plan-card' },
    h(
      'div',
      { class: 'plan-card-main' },
      h(
        'h2',
        null,
        h('a', { href: `#/plans/${plan.id}` }, plan.title),
        plan.state === 'published' ? null : planStateChip(plan.state),
      ),
      h(
        'p',
        { class: 'meta' },
        [
          plan.issuer,
          `${plan.startYear}—${plan.horizonYear} 年`,
          plan.jurisdiction ? `范围：${plan.jurisdiction}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      h(
        'dl',
        { class: 'stats' },
        stat('任务', tasks),
        stat('量化指标', targets),
        stat(STATUS_LABELS.met, met),
        stat(
          MEASURES.attainment.label,
          formatPercent(summary.attainment.rate),
          MEASURES.attainment.definition,
        ),
        stat(
          MEASURES.completion.label,
          formatPercent(summary.overallCompletion),
          MEASURES.completion.definition,
        ),
        stat('截至', `${summary.asOfYear} 年`),
        stat('待确认', summary.reviewCounts.pending),
      ),
    ),
    h('div', { class: 'plan-card-bar' }, statusBar(summary.statusCounts)),
  );
}

/** @param {string} label @param {string | number} value @param {string} [definition] hover text */
function stat(label, value, definition) {
  return h('div', { class: 'stat', title: definition }, h('dt', null, label), h('dd', null, String(value)));
}

/** Upload a plan document (.txt/.docx/.xlsx/.csv); the same file twice opens the existing plan. */
function importForm() {
  const input = h('input', {
    type: 'file',
    id: 'plan-file',
    name: 'file',
    accept: '.txt,.docx,.xlsx,.csv',
    class: 'visually-hidden',
  });
  const status = h('div', { class: 'import-status', 'aria-live': 'polite' });
  // The hidden input keeps the keyboard focus; the label is what the eye sees.
  const label = h('label', { for: 'plan-file', class: 'btn btn-primary' }, '＋ 导入方案');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    replace(status, h('span', { class: 'muted' }, `正在读取“${file.name}”并抽取指标…`));
    try {
      const result = await post('/api/plans', form);
      toast(
        result.created
          ? `已导入为草稿：${result.tasks} 项任务，${result.targets} 个指标，请核对后发布`
          : '该文件此前已导入，已打开原方案',
      );
      location.hash = `#/plans/${result.plan.id}`;
    } catch (e) {
      replace(
        status,
        e instanceof ApiError ? errorBox(e) : h('div', { class: 'notice notice-error' }, '导入失败'),
      );
    } finally {
      input.value = '';
    }
  });
  return h(
    'div',
    { class: 'import' },
    input,
    label,
    h('p', { class: 'hint' }, '支持 .txt .docx .xlsx .csv'),
    status,
  );
}
