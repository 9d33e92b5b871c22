/**
 * The target's fields as a form (原文, 指标对象, 比较方式, 目标值 …), shared by 修改指标 and
 * 添加指标: numbers are checked here, and the API's refusal is shown beside each field.
 */
import { ApiError } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { CHANGE_LABELS, OP_LABELS, TARGET_FIELD_LABELS } from '../../../shared/index.js';
import { fieldMessage } from '../lib/format.js';

const BLANK = {
  quote: '',
  subject: '',
  op: 'gte',
  value: null,
  max: null,
  unit: '',
  deadline: null,
  per: null,
  each: null,
  base: null,
  change: null,
  baseYear: null,
};

/**
 * @param {object} options
 * @param {string} options.prefix id prefix, unique on the page
 * @param {any} [options.initial] the target as stored (blank for a new one)
 * @param {string} options.submitLabel
 * @param {(fields: Record<string, any>) => Promise<void>} options.onSubmit throws ApiError on refusal
 * @param {() => void} options.onCancel
 */
export function targetForm({ prefix, initial = BLANK, submitLabel, onSubmit, onCancel }) {
  const errors = {};
  const inputs = {};
  const general = h('div', { 'aria-live': 'assertive' });
  const field = (name, label, control) => {
    control.id = `${prefix}-${name}`;
    inputs[name] = control;
    errors[name] = h('p', { class: 'field-error', hidden: true, id: `${prefix}-${name}-error` });
    control.setAttribute('aria-describedby', errors[name].id);
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, errors[name]);
  };
  const text = (v) => h('input', { type: 'text', value: v === null || v === undefined ? '' : String(v) });
  const select = (options, current) =>
    h(
      'select',
      null,
      options.map(([v, l]) => h('option', { value: v, selected: v === (current ?? '') }, l)),
    );

  const form = h(
    'form',
    { class: 'target-editor', novalidate: true },
    general,
    field('quote', TARGET_FIELD_LABELS.quote, text(initial.quote)),
    field('subject', TARGET_FIELD_LABELS.subject, text(initial.subject)),
    h(
      'div',
      { class: 'form-row' },
      field('op', TARGET_FIELD_LABELS.op, select(Object.entries(OP_LABELS), initial.op)),
      field('value', TARGET_FIELD_LABELS.value, text(initial.value)),
      field('max', `${TARGET_FIELD_LABELS.max}（区间）`, text(initial.max)),
      field('unit', TARGET_FIELD_LABELS.unit, text(initial.unit)),
    ),
    h(
      'div',
      { class: 'form-row' },
      field('deadline', TARGET_FIELD_LABELS.deadline, text(initial.deadline)),
      field(
        'per',
        `${TARGET_FIELD_LABELS.per}考核`,
        select(
          [
            ['', '否（累计）'],
            ['year', '是（逐年）'],
          ],
          initial.per,
        ),
      ),
      field('each', `${TARGET_FIELD_LABELS.each}考核（如“每个县（市）”）`, text(initial.each)),
      field('base', TARGET_FIELD_LABELS.base, text(initial.base)),
    ),
    h(
      'div',
      { class: 'form-row' },
      field(
        'change',
        `${TARGET_FIELD_LABELS.change}（如“比2020年下降14%”）`,
        select([['', '无（目标为水平值）'], ...Object.entries(CHANGE_LABELS)], initial.change),
      ),
      field('baseYear', `${TARGET_FIELD_LABELS.baseYear}（填报员填该年水平值）`, text(initial.baseYear)),
    ),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, submitLabel),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: onCancel }, '取消'),
    ),
  );

  function showError(name, message) {
    errors[name].textContent = message;
    errors[name].hidden = false;
    inputs[name].setAttribute('aria-invalid', 'true');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(general);
    for (const [name, el] of Object.entries(errors)) {
      el.hidden = true;
      inputs[name].removeAttribute('aria-invalid');
    }
    const num = (s) => (s.trim() === '' ? null : Number(s.trim()));
    const fields = {
      quote: inputs.quote.value.trim(),
      subject: inputs.subject.value.trim(),
      op: inputs.op.value,
      value: num(inputs.value.value),
      max: num(inputs.max.value),
      unit: inputs.unit.value.trim(),
      deadline: num(inputs.deadline.value),
      per: inputs.per.value || null,
      each: inputs.each.value.trim() || null,
      base: inputs.base.value.trim() || null,
      change: inputs.change.value || null,
      // A base year only goes with a direction: clearing the direction clears it.
      baseYear: inputs.change.value ? num(inputs.baseYear.value) : null,
    };
    const bad = ['value', 'max', 'deadline', 'baseYear'].filter((k) => Number.isNaN(fields[k]));
    if (!fields.subject) bad.unshift('subject');
    if (fields.value === null) bad.push('value');
    for (const k of bad)
      showError(k, k === 'subject' ? '请填写指标对象' : fields[k] === null ? '请填写目标值' : '请输入数字');
    if (bad.length) return inputs[bad[0]].focus();
    try {
      await onSubmit(fields);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const loose = [];
      for (const issue of e.issues) {
        if (errors[String(issue.path[0])]) showError(String(issue.path[0]), fieldMessage(issue.message));
        else loose.push(issue.message);
      }
      replace(
        general,
        h(
          'div',
          { class: 'notice notice-error', role: 'alert' },
          h('strong', null, e.message),
          loose.length
            ? h(
                'ul',
                null,
                loose.map((m) => h('li', null, m)),
              )
            : null,
        ),
      );
    }
  });

  return { form, focus: () => inputs.subject.focus() };
}
