/**
 * 方案状态 on the plan page: the state (草稿 / 已发布 / 已撤回) and the moves the user may make
 * — 发布 (asking first when targets are still 待确认, and saying how many), 撤回, 恢复 (admins)
 * and 删除草稿. Each move sends the plan revision shown; a stale one asks to reload.
 */
import { ApiError, del, post, session } from '../lib/api.js';
import { h, toast } from '../lib/dom.js';
import { PLAN_STATE_LABELS, PLAN_TRANSITIONS, may } from '../../../shared/index.js';

/** The state chip alone (plan cards, headers). */
export function planStateChip(state) {
  return h('span', { class: `chip plan-state plan-state-${state}` }, PLAN_STATE_LABELS[state] ?? state);
}

/**
 * @param {any} plan
 * @param {{ pending: number }} review how many targets are still 待确认
 * @param {() => void} reload
 */
export function planLifecycle(plan, review, reload) {
  const role = session.user?.role;
  const buttons = Object.entries(PLAN_TRANSITIONS)
    .filter(([, move]) => move.from.includes(plan.state) && may(role, move.action))
    .map(([name, move]) =>
      h(
        'button',
        {
          type: 'button',
          class: name === 'publish' ? 'btn btn-primary' : 'btn',
          dataset: { transition: name },
          onclick: () => transition(plan, name, review, reload),
        },
        move.label,
      ),
    );
  if (plan.state === 'draft' && may(role, 'deletePlan'))
    buttons.push(
      h('button', { type: 'button', class: 'btn btn-danger', onclick: () => removeDraft(plan) }, '删除草稿'),
    );
  const hint =
    plan.state === 'draft'
      ? '草稿只有评估员和管理员可见；发布后填报员和领导才能看到。'
      : plan.state === 'withdrawn'
        ? '已撤回：除管理员外无人可见，数据全部保留，可由管理员恢复。'
        : null;
  return h(
    'div',
    { class: 'lifecycle', 'aria-label': '方案状态' },
    planStateChip(plan.state),
    hint ? h('span', { class: 'muted small' }, hint) : null,
    buttons.length ? h('div', { class: 'button-row' }, buttons) : null,
  );
}

/** The question asked before a move, or null when none is needed. */
function question(plan, name, review) {
  if (name === 'publish' && review.pending > 0)
    return `还有 ${review.pending} 个目标待确认。仍要发布《${plan.title}》吗？发布后填报员和领导都能看到。`;
  if (name === 'withdraw') return `撤回《${plan.title}》？撤回后除管理员外无人可见，数据全部保留。`;
  return null;
}

async function transition(plan, name, review, reload) {
  const ask = question(plan, name, review);
  if (ask && !window.confirm(ask)) return;
  try {
    await post(`/api/plans/${plan.id}/${name}`, { revision: plan.revision });
    toast(`已${PLAN_TRANSITIONS[name].label}《${plan.title}》`);
    // A withdrawn plan is gone for an evaluator: back to the list.
    if (name === 'withdraw' && !may(session.user?.role, 'seeWithdrawn')) location.hash = '#/plans';
    else reload();
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '操作失败', 'error');
  }
}

async function removeDraft(plan) {
  if (!window.confirm(`删除草稿《${plan.title}》？删除后无法恢复。`)) return;
  try {
    await del(`/api/plans/${plan.id}?revision=${plan.revision}`);
    toast(`已删除草稿《${plan.title}》`);
    location.hash = '#/plans';
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '删除失败', 'error');
  }
}
