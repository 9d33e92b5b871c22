/** 登录: username and password; the API's own message (in Chinese) on failure. */
import { ApiError, signIn } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} _query
 * @param {() => void} done called once signed in
 */
export function renderLogin(main, _query, done) {
  const error = h('div', { class: 'notice notice-error', role: 'alert', hidden: true });
  const username = h('input', {
    id: 'login-username',
    name: 'username',
    autocomplete: 'username',
    required: true,
    autofocus: true,
  });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, '登录');

  const form = h(
    'form',
    { class: 'login-card', novalidate: true },
    h(
      'div',
      { class: 'login-head' },
      h('span', { class: 'brand-mark big', 'aria-hidden': 'true' }, '达'),
      h('h1', null, '达标 · 目标指标跟踪'),
    ),
    h('p', { class: 'muted' }, '工作方案目标的填报、评估与报告'),
    error,
    h('div', { class: 'field' }, h('label', { for: 'login-username' }, '用户名'), username),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, '密码'), password),
    submit,
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    if (!username.value.trim() || !password.value) {
      error.textContent = '请输入用户名和密码';
      error.hidden = false;
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = '正在登录…';
    try {
      await signIn(username.value.trim(), password.value);
      done();
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : '登录失败，请稍后重试';
      error.hidden = false;
      password.select();
      password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = '登录';
    }
  });

  replace(main, h('div', { class: 'login-wrap' }, form));
  username.focus();
}
