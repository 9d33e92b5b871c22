/**
 * 录入数据: year, member (per-member targets), value — or numerator and denominator for a
 * share with a base — and a note. Each field shows its own error from the API beside it.
 */
import { post } from '../lib/api.js';
import { h, toast } from '../lib/dom.js';
import { formatAmount } from '../../../shared/index.js';
import { parseTypedNumber } from '../lib/format.js';
import { formFields } from '../lib/form-fields.js';

export function figureForm(ctx) {
  const { target, figures } = ctx;
  const fields = formFields('figure');
  const controls = figureControls(ctx);
  const { yearSelect, memberSelect, value, numerator, denominator, note } = controls;
  const hint = h('p', { class: 'hint', id: 'figure-hint', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, '保存数据');

  const form = h(
    'form',
    { class: 'figure-form', novalidate: true, 'aria-labelledby': 'figure-form-title' },
    h('h3', { id: 'figure-form-title' }, '录入数据'),
    fields.general,
    h(
      'div',
      { class: 'form-row' },
      fields.field('year', '年度', yearSelect),
      memberSelect ? fields.field('member', `成员（${target.each}）`, memberSelect) : null,
      fields.field('value', `数值${target.unit ? `（${target.unit}）` : ''}`, value),
      numerator ? fields.field('numerator', `分子（${target.subject}）`, numerator) : null,
      denominator ? fields.field('denominator', `分母（${target.base}）`, denominator) : null,
    ),
    fields.field('note', '备注', note),
    hint,
    h('div', { class: 'button-row' }, submit, h('button', { type: 'reset', class: 'btn btn-quiet' }, '清空')),
  );

  /** The series the form would write to, for the revision check and the hint. */
  function currentSeries() {
    const year = Number(yearSelect.value);
    const member = memberSelect ? memberSelect.value || null : null;
    return figures.current.find((m) => m.year === year && (m.member ?? null) === member) ?? null;
  }
  function updateHint() {
    const cur = currentSeries();
    hint.textContent = cur
      ? `${cur.year} 年${cur.member ?? ''}已有数据 ${formatAmount(cur.value, target.unit)}，保存后将作为新的修订记录，原数据保留在修订记录中。`
      : '';
  }
  if (numerator && denominator) previewRatio(target, value, numerator, denominator);
  yearSelect.addEventListener('change', updateHint);
  memberSelect?.addEventListener('change', updateHint);
  updateHint();

  form.addEventListener('reset', () => {
    fields.clear();
    setTimeout(updateHint);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fields.clear();
    const body = readFigure(target, controls, fields.showError);
    if (body instanceof HTMLElement) return body.focus();
    body.revision = currentSeries()?.revision ?? 0;

    submit.disabled = true;
    submit.textContent = '正在保存…';
    try {
      const saved = await post(`/api/targets/${target.id}/measurements`, body);
      toast(`已保存 ${saved.year} 年数据：${formatAmount(saved.value, target.unit)}`);
      await ctx.reload('figure-value');
    } catch (e) {
      (fields.showIssues(e) ?? submit).focus();
    } finally {
      submit.disabled = false;
      submit.textContent = '保存数据';
    }
  });

  /** 修改 in the figures table: load that figure into the form. */
  ctx.editFigure = (m) => {
    fields.clear();
    yearSelect.value = String(m.year);
    if (memberSelect) memberSelect.value = m.member ?? '';
    value.value = m.value === null ? '' : String(m.value);
    if (numerator) numerator.value = m.numerator === null ? '' : String(m.numerator);
    if (denominator) denominator.value = m.denominator === null ? '' : String(m.denominator);
    note.value = m.note ?? '';
    updateHint();
    form.scrollIntoView({ behavior: 'smooth', block: 'center' });
    value.focus();
  };
  return form;
}

/**
 * The form's controls: year (defaulting to the latest due year still empty), member for a
 * per-member target, value, numerator and denominator for a share with a base, note.
 */
function figureControls({ target, figures, memberNames, years, asOfYear }) {
  const chosenYear = defaultYear(target, figures, years, asOfYear);
  const number = (placeholder) =>
    h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder });
  return {
    yearSelect: h(
      'select',
      null,
      years.map((y) => h('option', { value: String(y), selected: y === chosenYear }, `${y} 年`)),
    ),
    memberSelect: target.each
      ? h(
          'select',
          null,
          h('option', { value: '' }, '请选择'),
          memberNames.map((m) => h('option', { value: m }, m)),
        )
      : null,
    value: number(target.base ? '可由分子、分母计算' : ''),
    numerator: target.base ? number('') : null,
    denominator: target.base ? number('') : null,
    note: h('textarea', { rows: 2, maxlength: 500, placeholder: '数据来源、口径说明等（选填）' }),
  };
}

/** The latest year already due that has no figure yet; else the year being judged. */
function defaultYear(target, figures, years, asOfYear) {
  const thisYear = new Date().getFullYear();
  const filled = new Set(target.each ? [] : figures.current.map((m) => m.year));
  const open = years.filter((y) => y <= thisYear && !filled.has(y));
  if (open.length) return open[open.length - 1];
  return years.includes(asOfYear) ? asOfYear : years[years.length - 1];
}

/** A share entered as numerator and denominator: the value field shows what the server will derive. */
function previewRatio(target, value, numerator, denominator) {
  const preview = () => {
    const n = parseTypedNumber(numerator.value);
    const d = parseTypedNumber(denominator.value);
    value.placeholder =
      n !== null && d && !Number.isNaN(n) && !Number.isNaN(d) && d > 0
        ? `自动计算：${formatAmount((n / d) * (target.unit === '%' ? 100 : 1), target.unit)}`
        : '可由分子、分母计算';
  };
  numerator.addEventListener('input', preview);
  denominator.addEventListener('input', preview);
}

/**
 * The request body from the controls, or the first control that is wrong (its error shown):
 * numbers must be numbers, a member must be chosen, and a value (or both parts of a share) given.
 */
function readFigure(target, { yearSelect, memberSelect, value, numerator, denominator, note }, showError) {
  const body = { year: Number(yearSelect.value) };
  let bad = null;
  const numbers = [
    ['value', value],
    ['numerator', numerator],
    ['denominator', denominator],
  ];
  for (const [name, input] of numbers) {
    if (!input) continue;
    const n = parseTypedNumber(input.value);
    if (Number.isNaN(n)) {
      showError(name, '请输入数字，例如 12 或 85.5');
      bad ??= input;
    } else if (n !== null) body[name] = n;
  }
  if (memberSelect) {
    if (!memberSelect.value) {
      showError('member', `请选择${target.each}中的一个成员`);
      bad ??= memberSelect;
    } else body.member = memberSelect.value;
  }
  const ratioGiven = body.numerator !== undefined && body.denominator !== undefined;
  if (!bad && body.value === undefined && !ratioGiven) {
    showError('value', target.base ? '请填写数值，或同时填写分子和分母' : '请填写数值');
    bad = value;
  }
  if (bad) return bad;
  if (note.value.trim()) body.note = note.value.trim();
  return body;
}
