/**
 * 指标信息: the target's fields with how they got there (抽取 / 人工修改 / 人工添加) and
 * whether an evaluator has confirmed them; evaluators correct, confirm or delete here.
 */
import { ApiError, del, post, session } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import {
  CHANGE_LABELS,
  OP_LABELS,
  ORIGIN_LABELS,
  TARGET_FIELD_LABELS,
  describeChangeBase,
  formatNumber,
  may,
} from '../../../shared/index.js';
import { formatTime } from '../lib/format.js';
import { showEditor } from './target-editor.js';

export function targetFields(ctx) {
  const card = h('section', { class: 'card', id: 'target-fields' });
  showFields(card, ctx);
  return card;
}

function showFields(card, ctx) {
  const { target } = ctx;
  const editable = may(session.user?.role, 'editTargets');
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
      row(TARGET_FIELD_LABELS.quote, target.quote),
      row(TARGET_FIELD_LABELS.subject, target.subject),
      row(TARGET_FIELD_LABELS.op, OP_LABELS[target.op] ?? target.op),
      row(
        TARGET_FIELD_LABELS.value,
        `${formatNumber(target.value)}${target.max !== null ? ` — ${formatNumber(target.max)}` : ''}`,
      ),
      row(TARGET_FIELD_LABELS.unit, target.unit),
      row(TARGET_FIELD_LABELS.deadline, target.deadline ? `${target.deadline} 年` : '未写明（按规划期末）'),
      row(`${TARGET_FIELD_LABELS.per}考核`, target.per === 'year' ? '是（逐年判断）' : '否（累计）'),
      row(`${TARGET_FIELD_LABELS.each}考核`, target.each),
      row(TARGET_FIELD_LABELS.base, target.base),
      row(
        TARGET_FIELD_LABELS.change,
        target.change
          ? `${describeChangeBase(target)}${CHANGE_LABELS[target.change]}（按当年水平值与基期水平计算）`
          : '否（目标为水平值）',
      ),
      row('最近修改', `${target.updatedBy} · ${formatTime(target.updatedAt)}（第 ${target.revision} 版）`),
    ),
    editable
      ? h(
          'div',
          { class: 'button-row' },
          h(
            'button',
            { type: 'button', class: 'btn', onclick: () => showEditor(card, ctx, showFields) },
            '修改',
          ),
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
