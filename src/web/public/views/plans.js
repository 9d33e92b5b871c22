/** 方案列表: every plan with its task and target counts and a status bar; import for evaluators. */
import { ApiError, get, post, query, session } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { formatPercent, may } from '../../../shared/index.js';
import { errorBox, loading, statusBar } from '../lib/widgets.js';
import { setCrumbs } from '../lib/shell.js';

export async function renderPlans(main, _params, _query, alive) {
  setCrumbs([['方案列表']]);
  replace(main, loading());
  const plans = await get('/api/plans');
  // One progress view per plan for its counts; a plan whose view fails still shows up.
  const views = await Promise.all(
    plans.map((p) => get(`/api/plans/${p.id}/progress${query({})}`).catch(() => null)),
  );
  if (!alive()) return;

  const cards = plans.map((plan, i) => planCard(plan, views[i]));
  replace(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('div', null, h('h1', null, '工作方案'), h('p', { class: 'muted' }, `共 ${plans.length} 个方案`)),
      may(session.user?.role, 'importPlan') ? importForm() : null,
    ),
    plans.length
      ? h('ul', { class: 'plan-list' }, cards)
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

function planCard(plan, view) {
  const targets = view?.targets.length ?? 0;
  const tasks = view?.tasks.length ?? 0;
  const met = view?.statusCounts?.met ?? 0;
  return h(
    'li',
    { class: 'plan-card' },
    h(
      'div',
      { class: 'plan-card-main' },
      h('h2', null, h('a', { href: `#/plans/${plan.id}` }, plan.title)),
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
        stat('已达标', met),
        stat('总体完成率', formatPercent(view?.overallCompletion ?? null)),
        view ? stat('截至', `${view.asOfYear} 年`) : null,
      ),
    ),
    h(
      'div',
      { class: 'plan-card-bar' },
      view ? statusBar(view.statusCounts) : h('p', { class: 'muted' }, '进度暂不可用'),
    ),
  );
}

function stat(label, value) {
  return h('div', { class: 'stat' }, h('dt', null, label), h('dd', null, String(value)));
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
          ? `已导入：${result.tasks} 项任务，${result.targets} 个指标`
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
