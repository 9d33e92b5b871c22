/**
 * 用户管理 (admins): every account with its role, units, members and plans; create one, edit
 * it in place, disable or enable it (its sessions and tokens end at once), reset its password
 * (shown once, to be changed at next sign-in).
 */
import { ApiError, get, patch, post } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { ROLES, ROLE_LABELS } from '../../../shared/index.js';
import { setCrumbs } from '../lib/shell.js';
import { errorBox, loading } from '../lib/widgets.js';

/** `市教育局、市财政局` or one per line → a list; the same separators the page shows. */
const splitList = (text) =>
  text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export async function renderUsers(main, _params, _query, alive) {
  setCrumbs([['用户管理']]);
  replace(main, loading());
  const users = await get('/api/users');
  if (!alive()) return;
  const redraw = () => renderUsers(main, [], null, alive);
  replace(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('div', null, h('h1', null, '用户管理'), h('p', { class: 'muted' }, `共 ${users.length} 个账号`)),
    ),
    createForm(redraw),
    h(
      'section',
      { class: 'card table-card' },
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data users-table' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['用户名', '姓名', '角色', '责任单位', '成员', '限定方案', '状态', '操作'].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            users.map((u) => userRow(u, redraw)),
          ),
        ),
      ),
    ),
  );
}

function roleSelect(name, value) {
  return h(
    'select',
    { name },
    ROLES.map((r) => h('option', { value: r, selected: r === value }, ROLE_LABELS[r])),
  );
}

function createForm(redraw) {
  const box = h('div', { class: 'form-errors' });
  const form = h(
    'form',
    { class: 'card user-create label-fields', 'aria-label': '新建用户' },
    h('h2', null, '新建用户'),
    h('label', null, '用户名', h('input', { name: 'username', required: true, autocomplete: 'off' })),
    h('label', null, '姓名', h('input', { name: 'displayName', required: true })),
    h('label', null, '角色', roleSelect('role', 'statistician')),
    h('label', null, '责任单位（用“、”分隔）', h('input', { name: 'units', placeholder: '市教育局' })),
    h('label', null, '成员（县（市）区）', h('input', { name: 'members', placeholder: '磐石市' })),
    h(
      'label',
      null,
      '初始密码（至少 8 位）',
      h('input', {
        name: 'password',
        type: 'password',
        required: true,
        minlength: 8,
        autocomplete: 'new-password',
      }),
    ),
    h('button', { type: 'submit', class: 'btn btn-primary' }, '创建'),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = new FormData(form);
    try {
      await post('/api/users', {
        username: String(f.get('username')).trim(),
        displayName: String(f.get('displayName')).trim(),
        role: f.get('role'),
        units: splitList(String(f.get('units'))),
        members: splitList(String(f.get('members'))),
        password: String(f.get('password')),
      });
      toast(`已创建用户 ${f.get('username')}`);
      redraw();
    } catch (e) {
      replace(box, e instanceof ApiError ? errorBox(e) : String(e));
    }
  });
  return form;
}

function userRow(u, redraw) {
  const row = h(
    'tr',
    { dataset: { username: u.username }, class: u.disabled ? 'disabled' : null },
    h('td', null, u.username),
    h('td', null, u.displayName),
    h('td', null, ROLE_LABELS[u.role]),
    h('td', null, u.units.join('、') || '—'),
    h('td', null, u.members.join('、') || '—'),
    h('td', null, u.plans.join('、') || '全部'),
    h('td', null, u.disabled ? '已停用' : u.mustChangePassword ? '待改密码' : '正常'),
    h(
      'td',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-small', onclick: () => replace(row, editCells(u, redraw)) },
        '编辑',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          onclick: () =>
            act(
              () => patch(`/api/users/${u.id}`, { disabled: !u.disabled }),
              u.disabled ? '已启用' : '已停用，会话和令牌已失效',
              redraw,
            ),
        },
        u.disabled ? '启用' : '停用',
      ),
      h('button', { type: 'button', class: 'btn btn-small', onclick: () => reset(u, redraw) }, '重置密码'),
    ),
  );
  return row;
}

function editCells(u, redraw) {
  const inputs = {
    displayName: h('input', { name: 'displayName', value: u.displayName }),
    role: roleSelect('role', u.role),
    units: h('input', { name: 'units', value: u.units.join('、') }),
    members: h('input', { name: 'members', value: u.members.join('、') }),
    plans: h('input', { name: 'plans', value: u.plans.join('、'), placeholder: '全部' }),
  };
  const save = () =>
    act(
      () =>
        patch(`/api/users/${u.id}`, {
          displayName: inputs.displayName.value.trim(),
          role: inputs.role.value,
          units: splitList(inputs.units.value),
          members: splitList(inputs.members.value),
          plans: splitList(inputs.plans.value).map(Number),
        }),
      `已保存 ${u.username}`,
      redraw,
    );
  return [
    h('td', null, u.username),
    h('td', null, inputs.displayName),
    h('td', null, inputs.role),
    h('td', null, inputs.units),
    h('td', null, inputs.members),
    h('td', null, inputs.plans),
    h('td', null, ''),
    h(
      'td',
      { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-small btn-primary', onclick: save }, '保存'),
      h('button', { type: 'button', class: 'btn btn-small', onclick: redraw }, '取消'),
    ),
  ];
}

async function reset(u, redraw) {
  try {
    const { password } = await post(`/api/users/${u.id}/password`, {});
    window.alert(`${u.username} 的新密码：${password}\n只显示这一次；对方下次登录时须修改。`);
    redraw();
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '重置失败', 'error');
  }
}

async function act(call, message, redraw) {
  try {
    await call();
    toast(message);
    redraw();
  } catch (e) {
    toast(e instanceof ApiError ? e.message : '操作失败', 'error');
  }
}
