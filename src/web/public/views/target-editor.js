/** 修改指标: an evaluator corrects a target; only changed fields are sent, with the revision read. */
import { ApiError, patch } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { OP_LABELS, fieldMessage } from '../lib/format.js';

/** The correction form; only changed fields are sent, with the revision read. */
export function showEditor(card, ctx, showFields) {
  const { target } = ctx;
  const errors = {};
  const inputs = {};
  const general = h('div', { 'aria-live': 'assertive' });
  const field = (name, label, control) => {
    control.id = `target-${name}`;
    inputs[name] = control;
    errors[name] = h('p', { class: 'field-error', hidden: true, id: `target-${name}-error` });
    control.setAttribute('aria-describedby', `target-${name}-error`);
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, errors[name]);
  };
  const text = (v) => h('input', { type: 'text', value: v ?? '' });
  const form = h(
    'form',
    { class: 'target-editor', novalidate: true },
    general,
    field('quote', '原文', text(target.quote)),
    field('subject', '指标对象', text(target.subject)),
    h(
      'div',
      { class: 'form-row' },
      field(
        'op',
        '比较方式',
        h(
          'select',
          null,
          Object.entries(OP_LABELS).map(([v, l]) => h('option', { value: v, selected: v === target.op }, l)),
        ),
      ),
      field('value', '目标值', text(String(target.value))),
      field('max', '上限（区间）', text(target.max === null ? '' : String(target.max))),
      field('unit', '单位', text(target.unit)),
    ),
    h(
      'div',
      { class: 'form-row' },
      field('deadline', '完成年份', text(target.deadline === null ? '' : String(target.deadline))),
      field(
        'per',
        '按年考核',
        h(
          'select',
          null,
          h('option', { value: '', selected: target.per === null }, '否（累计）'),
          h('option', { value: 'year', selected: target.per === 'year' }, '是（逐年）'),
        ),
      ),
      field('each', '按成员考核（如“每个县（市）”）', text(target.each)),
      field('base', '比例基数', text(target.base)),
    ),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, '保存修改'),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => showFields(card, ctx) }, '取消'),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(general);
    for (const el of Object.values(errors)) el.hidden = true;
    const body = { revision: target.revision };
    const num = (s) => (s.trim() === '' ? null : Number(s.trim()));
    const read = {
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
    const notNumbers = ['value', 'max', 'deadline'].filter((k) => Number.isNaN(read[k]));
    for (const k of notNumbers) {
      errors[k].textContent = '请输入数字';
      errors[k].hidden = false;
    }
    if (notNumbers.length) return inputs[notNumbers[0]].focus();
    for (const [k, v] of Object.entries(read)) if (v !== target[k]) body[k] = v;
    if (Object.keys(body).length === 1) return showFields(card, ctx);
    try {
      await patch(`/api/targets/${target.id}`, body);
      toast('指标已修改');
      ctx.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const loose = [];
      for (const issue of e.issues) {
        const el = errors[String(issue.path[0])];
        if (el) {
          el.textContent = fieldMessage(issue.message);
          el.hidden = false;
        } else loose.push(issue.message);
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
  replace(card, h('div', { class: 'card-head' }, h('h2', null, '修改指标')), form);
  inputs.subject.focus();
}
