/**
 * 录入数据: year, member (per-member targets), value — or numerator and denominator for a
 * share with a base — and a note. Each field shows its own error from the API beside it.
 */
import { ApiError, post } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { formatAmount } from '../../../shared/index.js';
import { fieldMessage } from '../lib/format.js';

export function figureForm(ctx) {
  const { target, figures, memberNames, years, asOfYear } = ctx;
  const fields = {};
  const errors = {};
  const general = h('div', { class: 'form-errors', 'aria-live': 'assertive' });
  const hint = h('p', { class: 'hint', id: 'figure-hint', 'aria-live': 'polite' });

  /** A labelled control with an error line under it, linked for screen readers. */
  function field(name, label, control, extra) {
    control.id = `figure-${name}`;
    control.name = name;
    errors[name] = h('p', { class: 'field-error', id: `figure-${name}-error`, hidden: true });
    control.setAttribute('aria-describedby', `figure-${name}-error`);
    fields[name] = control;
    return h(
      'div',
      { class: `field field-${name}` },
      h('label', { for: control.id }, label),
      control,
      extra ?? null,
      errors[name],
    );
  }

  // The latest year already due that has no figure yet; else the year being judged.
  const thisYear = new Date().getFullYear();
  const filled = new Set(target.each ? [] : figures.current.map((m) => m.year));
  const open = years.filter((y) => y <= thisYear && !filled.has(y));
  const defaultYear = open.length
    ? open[open.length - 1]
    : years.includes(asOfYear)
      ? asOfYear
      : years[years.length - 1];
  const yearSelect = h(
    'select',
    null,
    years.map((y) => h('option', { value: String(y), selected: y === defaultYear }, `${y} 年`)),
  );
  const memberSelect = target.each
    ? h(
        'select',
        null,
        h('option', { value: '' }, '请选择'),
        memberNames.map((m) => h('option', { value: m }, m)),
      )
    : null;
  const number = (placeholder) =>
    h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder });
  const value = number(target.base ? '可由分子、分母计算' : '');
  const numerator = target.base ? number('') : null;
  const denominator = target.base ? number('') : null;
  const note = h('textarea', { rows: 2, maxlength: 500, placeholder: '数据来源、口径说明等（选填）' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, '保存数据');

  const form = h(
    'form',
    { class: 'figure-form', novalidate: true, 'aria-labelledby': 'figure-form-title' },
    h('h3', { id: 'figure-form-title' }, '录入数据'),
    general,
    h(
      'div',
      { class: 'form-row' },
      field('year', '年度', yearSelect),
      memberSelect ? field('member', `成员（${target.each}）`, memberSelect) : null,
      field('value', `数值${target.unit ? `（${target.unit}）` : ''}`, value),
      numerator ? field('numerator', `分子（${target.subject}）`, numerator) : null,
      denominator ? field('denominator', `分母（${target.base}）`, denominator) : null,
    ),
    field('note', '备注', note),
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
  // A share entered as numerator and denominator: show the value the server will derive.
  const preview = () => {
    const n = parse(numerator);
    const d = parse(denominator);
    value.placeholder =
      n !== null && d && !Number.isNaN(n) && !Number.isNaN(d) && d > 0
        ? `自动计算：${formatAmount((n / d) * (target.unit === '%' ? 100 : 1), target.unit)}`
        : '可由分子、分母计算';
  };
  numerator?.addEventListener('input', preview);
  denominator?.addEventListener('input', preview);
  yearSelect.addEventListener('change', updateHint);
  memberSelect?.addEventListener('change', updateHint);
  updateHint();

  function clearErrors() {
    replace(general);
    for (const [name, el] of Object.entries(errors)) {
      el.hidden = true;
      el.textContent = '';
      fields[name].removeAttribute('aria-invalid');
    }
  }
  function showError(name, message) {
    const el = errors[name];
    if (!el) return false;
    el.textContent = message;
    el.hidden = false;
    fields[name].setAttribute('aria-invalid', 'true');
    return true;
  }

  /** Parses a number as people type it (`1,234.5`, full-width digits); NaN when not a number. */
  function parse(input) {
    const raw = input.value
      .trim()
      .replace(/[，,\s]/g, '')
      .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String(c.charCodeAt(0) - 0xff10)));
    if (raw === '') return null;
    return /^[-+]?\d*\.?\d+$/.test(raw) ? Number(raw) : NaN;
  }

  form.addEventListener('reset', () => {
    clearErrors();
    setTimeout(updateHint);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const body = { year: Number(yearSelect.value) };
    /** @type {HTMLInputElement | HTMLSelectElement | null} */
    let bad = null;
    /** @type {[string, HTMLInputElement | null][]} */
    const numbers = [
      ['value', value],
      ['numerator', numerator],
      ['denominator', denominator],
    ];
    for (const [name, input] of numbers) {
      if (!input) continue;
      const n = parse(input);
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
    if (bad) return bad.focus();
    if (note.value.trim()) body.note = note.value.trim();
    body.revision = currentSeries()?.revision ?? 0;

    submit.disabled = true;
    submit.textContent = '正在保存…';
    try {
      const saved = await post(`/api/targets/${target.id}/measurements`, body);
      toast(`已保存 ${saved.year} 年数据：${formatAmount(saved.value, target.unit)}`);
      await ctx.reload('figure-value');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      let first = null;
      const unplaced = [];
      for (const issue of e.issues) {
        const name = String(issue.path[0] ?? '');
        if (showError(name, fieldMessage(issue.message))) first ??= fields[name];
        else unplaced.push(issue.message);
      }
      if (unplaced.length || !first) {
        replace(
          general,
          h(
            'div',
            { class: 'notice notice-error', role: 'alert' },
            h('strong', null, e.message),
            unplaced.length
              ? h(
                  'ul',
                  null,
                  unplaced.map((m) => h('li', null, m)),
                )
              : null,
          ),
        );
      }
      (first ?? submit).focus();
    } finally {
      submit.disabled = false;
      submit.textContent = '保存数据';
    }
  });

  /** 修改 in the figures table: load that figure into the form. */
  ctx.editFigure = (m) => {
    clearErrors();
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
