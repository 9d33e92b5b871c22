/** 修改指标: an evaluator corrects a target; only changed fields are sent, with the revision read. */
import { patch } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { targetForm } from './target-form.js';

/** Replaces the fields card with the correction form; a stale revision answers 409. */
export function showEditor(card, ctx, showFields) {
  const { target } = ctx;
  const { form, focus } = targetForm({
    prefix: 'target',
    initial: target,
    submitLabel: '保存修改',
    onCancel: () => showFields(card, ctx),
    async onSubmit(fields) {
      const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== target[k]));
      if (Object.keys(changed).length === 0) return showFields(card, ctx);
      await patch(`/api/targets/${target.id}`, { revision: target.revision, ...changed });
      toast('指标已修改');
      ctx.reload();
    },
  });
  replace(card, h('div', { class: 'card-head' }, h('h2', null, '修改指标')), form);
  focus();
}
