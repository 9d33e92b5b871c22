/**
 * 指标信息: the target's fields with how they got there (抽取 / 人工修改 / 人工添加) and
 * whether an evaluator has confirmed them; evaluators correct, confirm or delete here.
 */
import { ApiError, del, patch, post, session } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { OP_LABELS, ORIGIN_LABELS, can, fieldMessage, formatNumber, formatTime } from '../lib/format.js';

export function targetFields(ctx) {
  const card = h('section', { class: 'card', id: 'target-fields' });
  showFields(card, ctx);
  return card;
}

function showFields(card, ctx) {
  const { target } = ctx;
  const editable = can(session.user, 'editTargets');
  const row = (label, value) => [
    h('dt', null, label),
    h('dd', null, value === null || value === '' ? '—' : value),
  ];
  replace(
    card,
    h(
      'div',
      { class: 'card-head' },
      h('h2', null, '指标信息'),
      h(
        'div',
        { class: 'badges' },
        h('span', { class: `badge origin-${target.origin}` }, ORIGIN_LABELS[target.origin]),
        target.confirmed
          ? h('span', { class: 'badge badge-ok', title: `确认人：${target.confirmedBy ?? ''}` }, '✓ 已确认')
          : h('span', { class: 'badge badge-warn' }, '待确认'),
      ),
    ),
    h(
      'dl',
      { class: 'fields' },
      row('原文', target.quote),
      row('指标对象', target.subject),
      row('比较方式', OP_LABELS[target.op] ?? target.op),
      row(
        '目标值',
        `${formatNumber(target.value)}${target.max !== null ? ` — ${formatNumber(target.max)}` : ''}`,
      ),
      row('单位', target.unit),
      row('完成年份', target.deadline ? `${target.deadline} 年` : '未写明（按规划期末）'),
      row('按年考核', target.per === 'year' ? '是（逐年判断）' : '否（累计）'),
      row('按成员考核', target.each),
      row('比例基数', target.base),
      row('最近修改', `${target.updatedBy} · ${formatTime(target.updatedAt)}（第 ${target.revision} 版）`),
    ),
    editable
      ? h(
          'div',
          { class: 'button-row' },
          h('button', { type: 'button', class: 'btn', onclick: () => showEditor(card, ctx) }, '修改'),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-ok',
              disabled: target.confirmed,
              onclick: () => confirmTarget(ctx),
            },
            target.confirmed ? '已确认' : '确认无误',
          ),
          h('button', { type: 'button', class: 'btn btn-danger', onclick: () => deleteTarget(ctx) }, '删除'),
        )
      : null,
  );
}

async function confirmTarget(ctx) {
  try {
    await post(`/api/targets/${ctx.target.id}/confirm`, { revision: ctx.target.revision });
    toast('已确认该指标');
    ctx.reload();
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '操作失败', 'error');
  }
}

async function deleteTarget(ctx) {
  if (!confirm(`确定删除指标“${ctx.target.subject}”吗？删除后不再统计，修订记录仍保留。`)) return;
  try {
    await del(`/api/targets/${ctx.target.id}?revision=${ctx.target.revision}`);
    toast('已删除该指标');
    location.hash = `#/plans/${ctx.plan.id}`;
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '删除失败', 'error');
  }
}

/** The correction form; only changed fields are sent, with the revision read. */
function showEditor(card, ctx) {
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
