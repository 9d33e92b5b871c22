/**
 * 方案信息: every field of a plan editable (标题, 发文单位, 文号, 规划期, 辖区, 成员), each with
 * what the import proposed from the document and the line it came from. The jurisdiction is
 * picked from the built-in list of divisions, whose county-level members fill the list on
 * request. Saved as one revision; a stale one (someone else saved first) says so.
 */
import { ApiError, get, patch } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { FIELD_LABELS, MEMBER_KINDS } from '../../../shared/index.js';
import { errorBox } from '../lib/widgets.js';

const KIND_LABELS = { county: '县', city: '县级市', district: '区' };
const FIELDS = ['title', 'issuer', 'documentNumber', 'startYear', 'horizonYear', 'jurisdiction'];

/** Where a proposed value came from, or a request to fill it in when the document said nothing. */
function source(plan, name) {
  const p = plan.proposal?.[name];
  if (!plan.proposal) return null;
  if (!p) return h('p', { class: 'hint meta-source meta-missing' }, '文件中未找到，请填写或核对');
  return h(
    'p',
    { class: 'hint meta-source', title: p.source },
    `来自文件：${String(p.value)}　「${p.source.length > 60 ? p.source.slice(0, 60) + '…' : p.source}」`,
  );
}

/**
 * @param {any} plan
 * @param {any[]} members
 * @param {() => void} reload
 */
export function planMetaForm(plan, members, reload) {
  const inputs = {};
  const general = h('div', { 'aria-live': 'assertive' });
  const field = (name, control) => {
    control.id = `plan-${name}`;
    inputs[name] = control;
    return h(
      'div',
      { class: 'field' },
      h('label', { for: control.id }, FIELD_LABELS[name]),
      control,
      source(plan, name),
    );
  };
  const text = (v, extra = {}) => h('input', { type: 'text', value: v ?? '', ...extra });
  const divisions = h('datalist', { id: 'division-names' });
  get('/api/divisions')
    .then((list) =>
      replace(
        divisions,
        list.map((d) => h('option', { value: d.name }, d.province)),
      ),
    )
    .catch(() => {});

  const rows = h('tbody');
  const addRow = (m = { name: '', kind: 'county' }) => {
    const tr = h(
      'tr',
      null,
      h(
        'td',
        null,
        h('input', { type: 'text', value: m.name, 'aria-label': '成员名称', class: 'member-name' }),
      ),
      h(
        'td',
        null,
        h(
          'select',
          { 'aria-label': '类型', class: 'member-kind' },
          MEMBER_KINDS.map((k) => h('option', { value: k, selected: k === m.kind }, KIND_LABELS[k])),
        ),
      ),
      h(
        'td',
        null,
        h('button', { type: 'button', class: 'btn btn-quiet btn-small', onclick: () => tr.remove() }, '移除'),
      ),
    );
    rows.append(tr);
  };
  members.forEach((m) => addRow(m));
  const fill = h('button', { type: 'button', class: 'btn btn-small' }, '按辖区填入县（市）区');
  fill.addEventListener('click', async () => {
    const name = inputs.jurisdiction.value.trim();
    if (!name) return toast('请先填写辖区', 'error');
    try {
      const division = await get(`/api/divisions/${encodeURIComponent(name)}`);
      replace(rows);
      division.members.forEach((m) => addRow(m));
      toast(`已填入${division.name}的 ${division.members.length} 个县（市）区`);
    } catch (e) {
      toast(e instanceof ApiError ? e.message : '找不到该辖区', 'error');
    }
  });

  const form = h(
    'form',
    { class: 'plan-meta', novalidate: true },
    general,
    field('title', text(plan.title)),
    h(
      'div',
      { class: 'form-row' },
      field('issuer', text(plan.issuer)),
      field('documentNumber', text(plan.documentNumber)),
    ),
    h(
      'div',
      { class: 'form-row' },
      field('startYear', text(plan.startYear, { inputmode: 'numeric' })),
      field('horizonYear', text(plan.horizonYear, { inputmode: 'numeric' })),
      field('jurisdiction', text(plan.jurisdiction, { list: 'division-names' })),
    ),
    divisions,
    h(
      'fieldset',
      { class: 'members' },
      h(
        'legend',
        null,
        FIELD_LABELS.members,
        plan.proposal?.members ? h('span', { class: 'hint' }, '（按文件所列辖区从行政区划表中带出）') : null,
      ),
      h('table', { class: 'data compact' }, rows),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'button', class: 'btn btn-small', onclick: () => addRow() }, '＋ 添加成员'),
        fill,
      ),
    ),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, '保存方案信息'),
    ),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(general);
    const value = (name) => inputs[name].value.trim();
    const year = (name) => (/^\d{4}$/.test(value(name)) ? Number(value(name)) : NaN);
    const body = {
      revision: plan.revision,
      title: value('title'),
      issuer: value('issuer') || null,
      documentNumber: value('documentNumber') || null,
      startYear: year('startYear'),
      horizonYear: year('horizonYear'),
      jurisdiction: value('jurisdiction') || null,
      members: [...rows.querySelectorAll('tr')]
        .map((tr) => ({
          name: /** @type {HTMLInputElement} */ (tr.querySelector('.member-name')).value.trim(),
          kind: /** @type {HTMLSelectElement} */ (tr.querySelector('.member-kind')).value,
        }))
        .filter((m) => m.name !== ''),
    };
    const bad = ['startYear', 'horizonYear'].filter((k) => Number.isNaN(body[k]));
    if (bad.length) {
      replace(general, h('div', { class: 'notice notice-error', role: 'alert' }, '年份应为四位数字'));
      return inputs[bad[0]].focus();
    }
    try {
      await patch(`/api/plans/${plan.id}`, body);
      toast('已保存方案信息');
      reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      replace(
        general,
        e.status === 409
          ? h(
              'div',
              { class: 'notice notice-error', role: 'alert' },
              e.message,
              ' ',
              h('a', { href: location.hash, onclick: () => reload() }, '重新载入'),
            )
          : errorBox(e),
      );
    }
  });

  return h(
    'details',
    { class: 'card plan-meta-card', open: plan.state === 'draft' ? true : undefined },
    h(
      'summary',
      null,
      h('h2', null, '方案信息'),
      h('span', { class: 'muted small' }, FIELDS.length + 1 + ' 项均可修改，保存为新版本'),
    ),
    form,
  );
}
