/** The page shell outside <main>: breadcrumbs and the window title. */
import { h, replace } from './dom.js';

/** Sets the breadcrumb trail: [label, href?][]; the last item is the current page. */
export function setCrumbs(items) {
  const nav = document.getElementById('crumbs');
  replace(
    nav,
    items.map(([label, href], i) => [
      i > 0 ? h('span', { class: 'crumb-sep', 'aria-hidden': 'true' }, '›') : null,
      href ? h('a', { href }, label) : h('span', { 'aria-current': 'page' }, label),
    ]),
  );
  document.title = `${items.length ? items[items.length - 1][0] + ' · ' : ''}达标`;
}

/** Rewrites the hash query without a navigation (filters that need no new data). */
export function replaceQuery(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  history.replaceState(null, '', `#${path}${s ? '?' + s : ''}`);
}
