/**
 * The browser client's entry: restores the session, routes on the URL hash and draws the
 * shell (breadcrumbs, who is signed in). Each screen is a module in views/ exporting
 * `render…(main, params, query, alive)`: `alive()` turns false once the user has moved on,
 * so a slow answer never draws over the page they went to.
 */
import { get, resume, session, signOut, whenSignedOut } from './lib/api.js';
import { h, replace } from './lib/dom.js';
import { ROLE_LABELS, may } from '../../shared/index.js';
import { setCrumbs } from './lib/shell.js';
import { watchTables } from './lib/widgets.js';
import { renderLogin } from './views/login.js';
import { renderPlans } from './views/plans.js';
import { renderPlan } from './views/plan.js';
import { renderTarget } from './views/target.js';
import { renderUnits } from './views/units.js';
import { renderUsers } from './views/users.js';
import { renderAccount } from './views/account.js';
import { renderTodo } from './views/todo.js';
import { renderAudit } from './views/audit.js';
import { renderReviewMode } from './views/review-mode.js';
import { renderReportFigures } from './views/report-figures.js';

/** [pattern, view]; the first match wins. */
/** @type {[RegExp, (main: HTMLElement, params: any, query: URLSearchParams, alive: () => boolean) => Promise<void>][]} */
const ROUTES = [
  [/^\/plans$/, renderPlans],
  [/^\/plans\/(\d+)$/, renderPlan],
  [/^\/plans\/(\d+)\/units$/, renderUnits],
  [/^\/plans\/(\d+)\/review$/, renderReviewMode],
  [/^\/plans\/(\d+)\/report-figures$/, renderReportFigures],
  [/^\/targets\/(\d+)$/, renderTarget],
  [/^\/users$/, renderUsers],
  [/^\/account$/, renderAccount],
  [/^\/todo$/, renderTodo],
  [/^\/audit$/, renderAudit],
];

/** Bumped on every navigation so a slow answer for a page already left is dropped. */
let generation = 0;

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/plans';
  const [path = '/plans', search = ''] = raw.split('?');
  return { path, query: new URLSearchParams(search) };
}

function drawAccount() {
  const box = /** @type {HTMLElement} */ (document.getElementById('account'));
  const user = session.user;
  if (!user) return replace(box);
  replace(
    box,
    may(user.role, 'recordMeasurements') || may(user.role, 'verifyMeasurements') ? todoLink() : null,
    may(user.role, 'readAudit') ? h('a', { class: 'btn btn-quiet', href: '#/audit' }, '操作日志') : null,
    may(user.role, 'manageUsers') ? h('a', { class: 'btn btn-quiet', href: '#/users' }, '用户管理') : null,
    h('a', { class: 'who', href: '#/account', title: '我的账户' }, user.displayName || user.username),
    h('span', { class: `role role-${user.role}` }, ROLE_LABELS[user.role] ?? user.role),
    h('button', { type: 'button', class: 'btn btn-quiet', onclick: logout }, '退出'),
  );
}

/** 待办 with how many items wait on the user, read with one small call per page drawn. */
function todoLink() {
  const count = h('span', { class: 'todo-count' });
  count.style.display = 'none';
  const link = h('a', { class: 'btn btn-quiet todo-link', href: '#/todo' }, '待办', count);
  get('/api/todo/count')
    .then((c) => {
      count.textContent = String(c.total);
      count.style.display = c.total === 0 ? 'none' : '';
      link.setAttribute('aria-label', `待办 ${c.total} 项`);
    })
    .catch(() => {});
  return link;
}

async function logout() {
  await signOut().catch(() => {});
  location.hash = '#/login';
  route();
}

async function route() {
  const my = ++generation;
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const { path, query } = parseHash();
  drawAccount();
  if (!session.user || path === '/login') {
    if (session.user) return void (location.hash = '#/plans');
    setCrumbs([['登录']]);
    return renderLogin(main, query, () => {
      drawAccount();
      // Opened at a deep link without a session: show that page now that we are signed in.
      if (path !== '/login') return void route();
      const next = query.get('next');
      location.hash = next && next.startsWith('/') ? '#' + next : '#/plans';
    });
  }
  // After a reset the server answers nothing else until the password is changed.
  if (session.user.mustChangePassword && path !== '/account') return void (location.hash = '#/account');
  for (const [pattern, view] of ROUTES) {
    const m = pattern.exec(path);
    if (!m) continue;
    main.setAttribute('aria-busy', 'true');
    try {
      await view(main, m.slice(1), query, () => my === generation);
    } catch (e) {
      if (my !== generation) return;
      replace(
        main,
        h(
          'div',
          { class: 'notice notice-error', role: 'alert' },
          (e instanceof Error && e.message) || '页面加载失败',
        ),
      );
    } finally {
      if (my === generation) main.removeAttribute('aria-busy');
    }
    return;
  }
  setCrumbs([['找不到页面']]);
  replace(
    main,
    h('div', { class: 'notice' }, '找不到这个页面。', h('a', { href: '#/plans' }, '返回方案列表')),
  );
}

whenSignedOut(() => {
  if (!session.user) return;
  session.user = null;
  const { path } = parseHash();
  location.hash = `#/login?next=${encodeURIComponent(path)}`;
});

async function start() {
  try {
    await resume();
  } catch (e) {
    replace(
      /** @type {HTMLElement} */ (document.getElementById('main')),
      h('div', { class: 'notice notice-error' }, e instanceof Error ? e.message : String(e)),
    );
    return;
  }
  window.addEventListener('hashchange', route);
  // Every data table's cells carry their column's name, the caption of a card on a phone.
  watchTables(/** @type {HTMLElement} */ (document.getElementById('main')));
  route();
}

start();
