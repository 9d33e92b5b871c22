/**
 * The target's fields as a form (原文, 指标对象, 比较方式, 目标值 …), shared by 修改指标 and
 * 添加指标: numbers are checked here, and the API's refusal is shown beside each field.
 */
import { h } from '../lib/dom.js';
import { CHANGE_LABELS, OP_LABELS, TARGET_FIELD_LABELS } from '../../../shared/index.js';
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
  change: null,
  baseYear: null,
};

/**
 * The target's labelled controls without a form around them, so that one form can hold two
 * (拆分 edits both parts at once). `read()` checks the numbers and returns the fields, or
 * null after marking what is wrong; `showIssues` puts an API refusal beside its fields.
 * @param {object} options
 * @param {string} options.prefix id prefix, unique on the page
 * @param {any} [options.initial] the target as stored (blank for a new one)
 */
export function targetFieldset({ prefix, initial = BLANK }) {
  const { field, general, clear, showError, showIssues } = formFields(prefix);
  const inputs = targetControls(initial);
  const nodes = [
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
      { class: 'form-row' },
      field('change', `${TARGET_FIELD_LABELS.change}（如“比2020年下降14%”）`, inputs.change),
      field('baseYear', `${TARGET_FIELD_LABELS.baseYear}（填报员填该年水平值）`, inputs.baseYear),
    ),
  ];

  /** @returns {Record<string, any> | null} */
  function read() {
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
      change: inputs.change.value || null,
      // A base year only goes with a direction: clearing the direction clears it.
      baseYear: inputs.change.value ? num(inputs.baseYear.value) : null,
    };
    const bad = ['value', 'max', 'deadline', 'baseYear'].filter((k) => Number.isNaN(fields[k]));
    if (!fields.subject) bad.unshift('subject');
    if (fields.value === null) bad.push('value');
    for (const k of bad)
      showError(k, k === 'subject' ? '请填写指标对象' : fields[k] === null ? '请填写目标值' : '请输入数字');
    if (!bad.length) return fields;
    /** @type {Record<string, HTMLElement>} */ (inputs)[bad[0] ?? 'subject']?.focus();
    return null;
  }

  return { nodes, read, showIssues, focus: () => inputs.subject.focus() };
}

/**
 * @param {object} options
 * @param {string} options.prefix id prefix, unique on the page
 * @param {any} [options.initial] the target as stored (blank for a new one)
 * @param {string} options.submitLabel
 * @param {(fields: Record<string, any>) => Promise<void>} options.onSubmit throws ApiError on refusal
 * @param {() => void} options.onCancel
 */
export function targetForm({ prefix, initial = BLANK, submitLabel, onSubmit, onCancel }) {
  const fieldset = targetFieldset({ prefix, initial });
  const form = h(
    'form',
    { class: 'target-editor', novalidate: true },
    fieldset.nodes,
    formButtons(submitLabel, onCancel),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = fieldset.read();
    if (!fields) return;
    try {
      await onSubmit(fields);
    } catch (e) {
      fieldset.showIssues(e)?.focus();
    }
  });
  return { form, focus: fieldset.focus };
}

/** The submit and 取消 buttons every target form ends with. @param {string} submitLabel @param {() => void} onCancel */
export function formButtons(submitLabel, onCancel) {
  return h(
    'div',
    { class: 'button-row' },
    h('button', { type: 'submit', class: 'btn btn-primary' }, submitLabel),
    h('button', { type: 'button', class: 'btn btn-quiet', onclick: onCancel }, '取消'),
  );
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
    change: select([['', '无（目标为水平值）'], ...Object.entries(CHANGE_LABELS)], initial.change),
    baseYear: text(initial.baseYear),
  };
}
