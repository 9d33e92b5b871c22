/**
 * 我的账户: change one's own password (required first after a reset: the page says so) and
 * the named API tokens for scripts — create (shown once), list, revoke.
 */
import { ApiError, del, get, post, request, session } from '../lib/api.js';
import { h, replace, toast } from '../lib/dom.js';
import { setCrumbs } from '../lib/shell.js';
import { errorBox, loading } from '../lib/widgets.js';

export async function renderAccount(main, _params, _query, alive) {
  setCrumbs([['我的账户']]);
  replace(main, loading());
  const mustChange = Boolean(session.user?.mustChangePassword);
  const tokens = mustChange ? [] : await get('/api/session/tokens');
  if (!alive()) return;
  const redraw = () => renderAccount(main, [], null, alive);
  replace(
    main,
    h('div', { class: 'page-head' }, h('h1', null, '我的账户')),
    mustChange
      ? h('div', { class: 'notice', role: 'alert' }, '您的密码已被管理员重置，请先设置自己的新密码。')
      : null,
    passwordForm(),
    mustChange ? null : tokenSection(tokens, redraw),
  );
}

function passwordForm() {
  const box = h('div', { class: 'form-errors' });
  const form = h(
    'form',
    { class: 'card label-fields', 'aria-label': '修改密码' },
    h('h2', null, '修改密码'),
    h(
      'label',
      null,
      '当前密码',
      h('input', {
        name: 'currentPassword',
        type: 'password',
        required: true,
        autocomplete: 'current-password',
      }),
    ),
    h(
      'label',
      null,
      '新密码（8–256 位）',
      h('input', {
        name: 'password',
        type: 'password',
        required: true,
        minlength: 8,
        maxlength: 256,
        autocomplete: 'new-password',
      }),
    ),
    h('button', { type: 'submit', class: 'btn btn-primary' }, '保存新密码'),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = new FormData(form);
    try {
      session.user = await request('PUT', '/api/session/password', {
        currentPassword: String(f.get('currentPassword')),
        password: String(f.get('password')),
      });
      toast('密码已修改，其他设备上的登录已退出');
      location.hash = '#/plans';
    } catch (e) {
      replace(box, e instanceof ApiError ? errorBox(e) : String(e));
    }
  });
  return form;
}

function tokenSection(tokens, redraw) {
  const name = h('input', { name: 'name', required: true, maxlength: 64, placeholder: '如：月报脚本' });
  const shown = h('div', { class: 'token-shown' });
  const form = h(
    'form',
    { class: 'inline-form', 'aria-label': '新建令牌' },
    name,
    h('button', { type: 'submit', class: 'btn' }, '新建令牌'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const made = await post('/api/session/tokens', { name: name.value.trim() });
      replace(
        shown,
        h(
          'p',
          { class: 'notice' },
          `令牌“${made.name}”：`,
          h('code', null, made.token),
          '（只显示这一次，请立即保存）',
        ),
      );
    } catch (e) {
      toast(e instanceof ApiError ? e.message : '新建失败', 'error');
    }
  });
  return h(
    'section',
    { class: 'card' },
    h('h2', null, 'API 令牌'),
    h(
      'p',
      { class: 'muted' },
      '脚本以 Authorization: Bearer 令牌 调用接口；停用账号或修改密码时令牌随之失效。',
    ),
    form,
    shown,
    tokens.length === 0
      ? h('p', { class: 'muted' }, '还没有令牌。')
      : h(
          'ul',
          { class: 'token-list' },
          tokens.map((t) =>
            h(
              'li',
              null,
              `${t.name}（创建于 ${t.createdAt.slice(0, 10)}，有效至 ${t.expiresAt.slice(0, 10)}）`,
              h(
                'button',
                {
                  type: 'button',
                  class: 'btn btn-small',
                  onclick: async () => {
                    await del(`/api/session/tokens/${encodeURIComponent(t.name)}`);
                    toast(`已吊销令牌 ${t.name}`);
                    redraw();
                  },
                },
                '吊销',
              ),
            ),
          ),
        ),
  );
}
