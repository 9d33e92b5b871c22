/**
 * 从完成情况报告填报: a statistician or an evaluator uploads a completion report for a plan
 * and a year; each figure the server proposes is shown with its sentence (the figure marked),
 * the matched target, the value in the target's unit and the current figure. Nothing is
 * recorded until a click: accept (the target or value may be changed first) or reject, one
 * by one or every proposal at or above a score.
 */
import { ApiError, get, post } from '../lib/api.js';
import { h, highlighted, replace, toast } from '../lib/dom.js';
import { formatAmount, formatNumber, MEASUREMENT_STATE_LABELS } from '../../../shared/index.js';
import { setCrumbs } from '../lib/shell.js';
import { errorBox, filePicker, loading, scrollTable } from '../lib/widgets.js';

/**
 * @typedef {import('zod').output<typeof import('../../../http/report-figure-schemas.ts').ReportProposals>} ReportProposals
 * @typedef {import('zod').output<typeof import('../../../http/report-figure-schemas.ts').FigureProposal>} FigureProposal
 */

/** Proposals at or above this score are accepted together by default. */
const DEFAULT_SCORE = 0.8;

export async function renderReportFigures(main, [id], _q, alive) {
  setCrumbs([['方案列表', '#/plans'], ['从完成情况报告填报']]);
  replace(main, loading());
  const [plan, targets, tasks] = await Promise.all([
    get(`/api/plans/${id}`),
    get(`/api/plans/${id}/targets`),
    get(`/api/plans/${id}/tasks`),
  ]);
  if (!alive()) return;
  setCrumbs([['方案列表', '#/plans'], [plan.title, `#/plans/${plan.id}`], ['从完成情况报告填报']]);
  const seq = new Map(tasks.map((t) => [t.id, t.seq]));
  const byId = new Map(targets.map((t) => [t.id, t]));
  /** @param {number} targetId */
  const label = (targetId) => {
    const t = byId.get(targetId);
    return t ? `${seq.get(t.taskId) ?? '—'}. ${t.subject || t.quote}（${t.quote}）` : `目标 ${targetId}`;
  };

  const thisYear = new Date().getFullYear();
  const years = [];
  for (let y = plan.startYear - 1; y <= Math.max(plan.horizonYear, thisYear); y++) years.push(y);
  const chosenYear = Math.min(Math.max(thisYear - 1, plan.startYear), plan.horizonYear);
  const yearSelect = h(
    'select',
    { id: 'report-year', name: 'year' },
    years.map((y) => h('option', { value: String(y), selected: y === chosenYear }, `${y} 年`)),
  );
  const picker = filePicker({ id: 'report-file', accept: '.txt,.md,.docx,.pdf', label: '选择报告' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, '读取报告');
  const result = h('div', { class: 'report-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'report-form' },
    h('label', { class: 'field-label', for: 'report-year' }, '报告年度'),
    yearSelect,
    h('p', { class: 'field-label' }, '完成情况报告（.txt、.docx 或有文字层的 .pdf）'),
    h('div', { class: 'button-row' }, picker.element, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = picker.input.files?.[0];
    if (!file) {
      replace(result, h('div', { class: 'notice notice-error', role: 'alert' }, '请先选择报告文件'));
      return;
    }
    const body = new FormData();
    body.append('year', yearSelect.value);
    body.append('file', file);
    submit.disabled = true;
    submit.textContent = '正在读取…';
    replace(result);
    try {
      /** @type {ReportProposals} */
      const proposals = await post(`/api/plans/${plan.id}/report-figures`, body);
      replace(result, review(plan, proposals, label, byId));
    } catch (e) {
      replace(
        result,
        e instanceof ApiError ? errorBox(e) : h('div', { class: 'notice notice-error' }, '读取失败'),
      );
    } finally {
      submit.disabled = false;
      submit.textContent = '读取报告';
    }
  });

  replace(
    main,
    h(
      'section',
      { class: 'page-head' },
      h('h1', null, '从完成情况报告填报'),
      h('p', { class: 'meta' }, plan.title),
    ),
    h(
      'section',
      { class: 'card' },
      h(
        'p',
        { class: 'muted small' },
        '上传本单位的完成情况报告或工作总结，系统找出报告中已完成的数据并对应到方案目标。读取后不会写入任何数据：逐项接受、修改或拒绝后才记录为“已填报”，并在修订记录中保留报告出处。',
      ),
      form,
    ),
    result,
  );
}

/**
 * The review table for one reading.
 * @param {{id: number}} plan
 * @param {ReportProposals} reading
 * @param {(id: number) => string} label
 * @param {Map<number, any>} byId
 */
function review(plan, reading, label, byId) {
  const rows = [...reading.proposals, ...reading.unmatched].map((p) =>
    proposalRow(plan, reading, p, label, byId),
  );
  const threshold = h('input', {
    type: 'number',
    id: 'score-threshold',
    min: '0',
    max: '1',
    step: '0.05',
    value: String(DEFAULT_SCORE),
    class: 'narrow',
  });
  const acceptAll = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-primary',
      onclick: async () => {
        const min = Number(threshold.value);
        const chosen = rows.filter((r) => r.pending() && (r.score() ?? -1) >= min && r.may());
        if (chosen.length === 0) return toast('没有达到该得分的待确认建议', 'error');
        await record(plan, reading, chosen);
      },
    },
    '接受得分不低于此值的全部建议',
  );
  const missing = reading.withoutFigure.map(label);
  return h(
    'section',
    { class: 'card' },
    h('h2', null, `《${reading.fileName}》${reading.year} 年`),
    h(
      'p',
      { class: 'summary-line' },
      `建议 ${reading.proposals.length} 项，未匹配目标的数据 ${reading.unmatched.length} 项。尚未写入任何数据。`,
    ),
    h('div', { class: 'button-row' }, h('label', { for: 'score-threshold' }, '得分 ≥'), threshold, acceptAll),
    scrollTable(
      'compact report-proposals',
      ['报告原文', '对应目标', '成员', '数值', '现有数据', '得分', '操作'],
      rows.map((r) => r.element),
    ),
    missing.length
      ? h('p', { class: 'muted small' }, `报告中没有找到数据的目标：${missing.join('；')}`)
      : null,
  );
}

/**
 * Records the given rows in one all-or-nothing request and marks each as recorded.
 * @param {{id: number}} plan
 * @param {ReportProposals} reading
 * @param {ReturnType<typeof proposalRow>[]} rows
 */
async function record(plan, reading, rows) {
  const figures = rows.map((r) => r.figure()).filter((f) => f !== null);
  if (figures.length !== rows.length) return toast('请为每一项选择目标并填写数值', 'error');
  try {
    const { recorded } = await post(`/api/plans/${plan.id}/report-figures/accept`, {
      year: reading.year,
      fileName: reading.fileName,
      sha256: reading.sha256,
      figures,
    });
    rows.forEach((r, i) =>
      r.done(`已记录（第 ${recorded[i].revision} 版，${MEASUREMENT_STATE_LABELS[recorded[i].state]}）`),
    );
    toast(`已记录 ${recorded.length} 项数据`);
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '记录失败', 'error');
    for (const r of rows) r.fail(e instanceof ApiError ? e.message : '记录失败');
  }
}

/**
 * One proposal: its sentence, a target chooser (proposed, alternatives, none), the value in
 * the chosen target's unit, the current figure, the score and the buttons.
 * @param {{id: number}} plan
 * @param {ReportProposals} reading
 * @param {FigureProposal} p
 * @param {(id: number) => string} label
 * @param {Map<number, any>} byId
 */
function proposalRow(plan, reading, p, label, byId) {
  let state = /** @type {'pending' | 'recorded' | 'rejected'} */ ('pending');
  const options = [
    ...(p.targetId !== null ? [{ targetId: p.targetId, value: p.value, unit: p.unit, score: p.score }] : []),
    ...p.alternatives,
  ];
  const select = h(
    'select',
    { class: 'target-choice', 'aria-label': '对应目标' },
    h('option', { value: '' }, p.targetId === null ? '（未匹配，选择目标）' : '（不对应任何目标）'),
    options.map((o, i) =>
      h('option', { value: String(o.targetId), selected: i === 0 && p.targetId !== null }, label(o.targetId)),
    ),
  );
  const valueInput = h('input', {
    type: 'number',
    step: 'any',
    class: 'value-input narrow',
    value: String(p.value),
    'aria-label': '数值',
  });
  const unitLabel = h('span', { class: 'unit' }, p.unit);
  const status = h('span', { class: 'row-status' });
  const accept = h('button', { type: 'button', class: 'btn btn-small btn-primary' }, '接受');
  const reject = h('button', { type: 'button', class: 'btn btn-small btn-quiet' }, '拒绝');
  const chosen = () => options.find((o) => String(o.targetId) === select.value) ?? null;
  select.addEventListener('change', () => {
    const o = chosen();
    if (!o) return;
    valueInput.value = String(o.value);
    unitLabel.textContent = o.unit;
  });
  const may = () => p.mayRecord;
  if (!p.mayRecord) {
    accept.disabled = true;
    accept.title = '该目标不属于本账户的责任单位';
  }
  const element = h(
    'tr',
    { dataset: { index: String(p.index) }, class: p.targetId === null ? 'unmatched' : null },
    h(
      'td',
      { class: 'sentence' },
      highlighted(p.sentence, p.figureStart, p.figureEnd, 40),
      p.note ? h('small', { class: 'muted' }, `（${p.note}）`) : null,
      p.reportUnit !== p.unit || p.reportValue !== p.value
        ? h('small', { class: 'muted block' }, `报告值 ${formatAmount(p.reportValue, p.reportUnit)}`)
        : null,
    ),
    h('td', null, select),
    h('td', { class: 'nowrap' }, p.member ?? '—'),
    h('td', { class: 'nowrap' }, valueInput, ' ', unitLabel),
    h(
      'td',
      { class: 'num' },
      p.current
        ? `${formatAmount(p.current.value, p.unit)}（${MEASUREMENT_STATE_LABELS[p.current.state]}）`
        : '—',
    ),
    h('td', { class: 'num' }, p.score === null ? '—' : formatNumber(p.score)),
    h('td', { class: 'nowrap' }, accept, ' ', reject, ' ', status),
  );
  const row = {
    element,
    pending: () => state === 'pending',
    score: () => (select.value === String(p.targetId) ? p.score : null),
    may,
    /** The figure as the reviewer left it, or null when no target or no value is chosen. */
    figure: () => {
      const o = chosen();
      const value = Number(valueInput.value);
      if (!o || valueInput.value.trim() === '' || !Number.isFinite(value)) return null;
      const target = byId.get(o.targetId);
      const sameSeries = o.targetId === p.targetId;
      return {
        targetId: o.targetId,
        member: target?.each ? p.member : null,
        value,
        note: p.note,
        ...(sameSeries ? { revision: p.current?.revision ?? 0 } : {}),
        sentence: p.sentence,
        sentenceStart: p.sentenceStart,
        figureStart: p.figureStart,
        figureEnd: p.figureEnd,
      };
    },
    /** @param {string} text */
    done: (text) => {
      state = 'recorded';
      element.classList.add('row-recorded');
      for (const el of [select, valueInput, accept, reject]) el.disabled = true;
      status.textContent = text;
    },
    /** @param {string} text */
    fail: (text) => {
      status.textContent = text;
    },
  };
  accept.addEventListener('click', () => record(plan, reading, [row]));
  reject.addEventListener('click', () => {
    state = 'rejected';
    element.classList.add('row-rejected');
    for (const el of [select, valueInput, accept, reject]) el.disabled = true;
    status.textContent = '已拒绝，未记录';
  });
  return row;
}
