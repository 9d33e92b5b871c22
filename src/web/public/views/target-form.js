/**
 * The target's fields as a form (原文, 指标对象, 比较方式, 目标值 …), shared by 修改指标 and
 * 添加指标: numbers are checked here, and the API's refusal is shown beside each field.
 */
import { h } from '../lib/dom.js';
import { OP_LABELS, TARGET_FIELD_LABELS } from '../../../shared/index.js';
import { parseTypedNumber } from '../lib/format.js';
import { formFields } from '../lib/form-fields.js';

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
  const { field, general, clear, showError, showIssues } = formFields(prefix);
  const inputs = targetControls(initial);

  const form = h(
    'form',
    { class: 'target-editor', novalidate: true },
    general,
    field('quote', TARGET_FIELD_LABELS.quote, inputs.quote),
    field('subject', TARGET_FIELD_LABELS.subject, inputs.subject),
    h(
      'div',
      { class: 'form-row' },
      field('op', TARGET_FIELD_LABELS.op, inputs.op),
      field('value', TARGET_FIELD_LABELS.value, inputs.value),
      field('max', `${TARGET_FIELD_LABELS.max}（区间）`, inputs.max),
      field('unit', TARGET_FIELD_LABELS.unit, inputs.unit),
    ),
    h(
      'div',
      { class: 'form-row' },
      field('deadline', TARGET_FIELD_LABELS.deadline, inputs.deadline),
      field('per', `${TARGET_FIELD_LABELS.per}考核`, inputs.per),
      field('each', `${TARGET_FIELD_LABELS.each}考核（如“每个县（市）”）`, inputs.each),
      field('base', TARGET_FIELD_LABELS.base, inputs.base),
    ),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, submitLabel),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: onCancel }, '取消'),
    ),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    const num = parseTypedNumber;
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
    };
    const bad = ['value', 'max', 'deadline'].filter((k) => Number.isNaN(fields[k]));
    if (!fields.subject) bad.unshift('subject');
    if (fields.value === null) bad.push('value');
    for (const k of bad)
      showError(k, k === 'subject' ? '请填写指标对象' : fields[k] === null ? '请填写目标值' : '请输入数字');
    if (bad.length) return /** @type {Record<string, HTMLElement>} */ (inputs)[bad[0] ?? 'subject']?.focus();
    try {
      await onSubmit(fields);
    } catch (e) {
      showIssues(e)?.focus();
    }
  });

  return { form, focus: () => inputs.subject.focus() };
}

/** One control per field, filled from the target as stored. */
function targetControls(initial) {
  const text = (v) => h('input', { type: 'text', value: v === null || v === undefined ? '' : String(v) });
  const select = (options, current) =>
    h(
      'select',
      null,
      options.map(([v, l]) => h('option', { value: v, selected: v === (current ?? '') }, l)),
    );
  return {
    quote: text(initial.quote),
    subject: text(initial.subject),
    op: select(Object.entries(OP_LABELS), initial.op),
    value: text(initial.value),
    max: text(initial.max),
    unit: text(initial.unit),
    deadline: text(initial.deadline),
    per: select(
      [
        ['', '否（累计）'],
        ['year', '是（逐年）'],
      ],
      initial.per,
    ),
    each: text(initial.each),
    base: text(initial.base),
  };
}
