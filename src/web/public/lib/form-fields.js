// @ts-check
/**
 * Labelled form controls, each with its own error line linked for screen readers, and the one
 * place where an API refusal is shown: each field issue beside its field, the rest (and the
 * refusal's message) in a notice at the top of the form. Every form of the client builds on it.
 */
import { ApiError } from './api.js';
import { h, replace } from './dom.js';
import { fieldMessage } from './format.js';

/**
 * @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control
 * @typedef {object} FormFields
 * @property {(name: string, label: string, control: Control, extra?: Node | null) => HTMLElement} field
 *   a labelled control with its error line; the control gets the id `${prefix}-${name}`
 * @property {Record<string, Control>} controls the controls by field name
 * @property {HTMLElement} general the notice area for what belongs to no field
 * @property {() => void} clear hides every error
 * @property {(name: string, message: string) => boolean} showError false when no such field
 * @property {(error: unknown) => Control | null} showIssues shows an API refusal; returns the
 *   first control it marked (to focus). Rethrows what is not an ApiError.
 */

/** @param {string} prefix id prefix, unique on the page @returns {FormFields} */
export function formFields(prefix) {
  /** @type {Record<string, Control>} */
  const controls = {};
  /** @type {Record<string, HTMLElement>} */
  const errors = {};
  const general = h('div', { class: 'form-errors', 'aria-live': 'assertive' });

  /** @type {FormFields['field']} */
  function field(name, label, control, extra) {
    control.id = `${prefix}-${name}`;
    control.name = name;
    const error = h('p', { class: 'field-error', id: `${prefix}-${name}-error`, hidden: true });
    control.setAttribute('aria-describedby', error.id);
    controls[name] = control;
    errors[name] = error;
    return h(
      'div',
      { class: `field field-${name}` },
      h('label', { for: control.id }, label),
      control,
      extra ?? null,
      error,
    );
  }

  function clear() {
    replace(general);
    for (const [name, el] of Object.entries(errors)) {
      el.hidden = true;
      el.textContent = '';
      controls[name]?.removeAttribute('aria-invalid');
    }
  }

  /** @type {FormFields['showError']} */
  function showError(name, message) {
    const el = errors[name];
    if (!el) return false;
    el.textContent = message;
    el.hidden = false;
    controls[name]?.setAttribute('aria-invalid', 'true');
    return true;
  }

  /** @type {FormFields['showIssues']} */
  function showIssues(error) {
    if (!(error instanceof ApiError)) throw error;
    /** @type {Control | null} */
    let first = null;
    /** @type {string[]} */
    const unplaced = [];
    for (const issue of error.issues) {
      const name = String(issue.path[0] ?? '');
      if (showError(name, fieldMessage(issue.message))) first ??= controls[name] ?? null;
      else unplaced.push(issue.message);
    }
    if (unplaced.length || !first) {
      replace(
        general,
        h(
          'div',
          { class: 'notice notice-error', role: 'alert' },
          h('strong', null, error.message),
          unplaced.length
            ? h(
                'ul',
                null,
                unplaced.map((m) => h('li', null, m)),
              )
            : null,
        ),
      );
    }
    return first;
  }

  return { field, controls, general, clear, showError, showIssues };
}

/**
 * The part of a refusal that concerns one element of a list body (`parts.1.subject` →
 * `subject`), for a form that edits one element; null when it names nothing of that element.
 * A refusal naming no element (409, 403) belongs to the first element, so it is shown once.
 * @param {unknown} error @param {string} list @param {number} index @returns {unknown}
 */
export function issuesOfElement(error, list, index) {
  if (!(error instanceof ApiError)) return error;
  const inList = error.issues.filter((i) => i.path[0] === list && typeof i.path[1] === 'number');
  if (inList.length === 0) return index === 0 ? error : null;
  const mine = inList.filter((i) => i.path[1] === index).map((i) => ({ ...i, path: i.path.slice(2) }));
  return mine.length ? new ApiError(error.status, error.code, error.message, mine) : null;
}
