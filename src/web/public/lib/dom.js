/**
 * DOM building without innerHTML: every piece of data becomes a text node, so a task text
 * or a note can never turn into markup.
 */

/**
 * Creates an element. `props`: `class`, `text`, `style` (object), `dataset` (object),
 * `on<Event>` handlers, booleans (`disabled`, `hidden`, …) and plain attributes.
 * Children: nodes, strings, numbers, arrays of them; null/false are skipped.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any> | null} [props]
 * @param {...any} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'style') Object.assign(el.style, value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function')
      el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'value' && 'value' in el) /** @type {any} */ (el).value = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (see `h`) to a node. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces a node's content. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/**
 * The task text with the span [start, end) wrapped in <mark>; when the text is long, only a
 * window around the mark (the cell expands on click).
 * @param {string} text
 * @param {number | null} start
 * @param {number | null} end
 * @param {number} [window] characters of context each side; 0 for the whole text
 */
export function highlighted(text, start, end, window = 0) {
  const valid = start !== null && end !== null && start >= 0 && end <= text.length && start < end;
  if (!valid) return [clip(text, 0, window ? window * 2 : text.length)];
  let from = 0;
  let to = text.length;
  if (window) {
    from = Math.max(0, start - window);
    to = Math.min(text.length, end + window);
  }
  return [
    from > 0 ? '…' : '',
    text.slice(from, start),
    h('mark', null, text.slice(start, end)),
    text.slice(end, to),
    to < text.length ? '…' : '',
  ];
}

function clip(text, from, length) {
  return text.length > from + length ? text.slice(from, from + length) + '…' : text;
}

/** Where a quote sits in a text when the stored span is missing: its first occurrence. */
export function findSpan(text, quote, start, end) {
  if (start !== null && end !== null && text.slice(start, end) === quote) return [start, end];
  const at = quote ? text.indexOf(quote) : -1;
  return at >= 0 ? [at, at + quote.length] : [start, end];
}

let toastTimer = 0;
/** A short message at the bottom of the window (saved, uploaded …), read out by screen readers. */
export function toast(message, kind = 'ok') {
  const box = document.getElementById('toast');
  if (!box) return;
  box.className = `toast toast-${kind} show`;
  box.textContent = message;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => box.classList.remove('show'), 3500);
}
