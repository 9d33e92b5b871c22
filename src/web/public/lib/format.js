/**
 * What only the browser formats: times and the Chinese half of the API's messages. Labels,
 * lists and number formats come from src/shared (served at /shared/).
 */
import { FIELD_LABELS } from '../../../shared/index.js';

/** `2025-03-01 14:05` from an ISO time. */
export function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The Chinese half of a `中文 / English` message. */
export function chinese(message) {
  if (!message) return '';
  const cut = message.indexOf(' / ');
  return cut > 0 ? message.slice(0, cut) : message;
}

/** Field names a message may start with, in the user's words (`目标值`, `数值`, …). */
const NAMED = [...new Set(Object.values(FIELD_LABELS)), '目标值'].join('|');

/**
 * A field's error as shown beside that field: the field's own name in front is dropped
 * (`数值（value）：必须填写` → `必须填写`, `数值：数值应为非负数` → `数值应为非负数`).
 */
export function fieldMessage(message) {
  return message
    .replace(/^[^：:]{0,24}（[A-Za-z0-9_.]+）[：:]\s*/, '')
    .replace(new RegExp(`^(?:[A-Za-z0-9_.]+|${NAMED})[：:]\\s*`), '');
}

/** An issue message in Chinese only: the English half dropped, an English field name translated. */
export function issueMessage(message) {
  return chinese(message).replace(/^([A-Za-z]+)([：:])/, (all, key, colon) =>
    FIELD_LABELS[key] ? FIELD_LABELS[key] + colon : all,
  );
}

/**
 * A number as people type it (`1,234.5`, full-width `１２．５`, spaces): null when blank,
 * NaN when it is not a number.
 * @param {string} typed
 * @returns {number | null}
 */
export function parseTypedNumber(typed) {
  const raw = typed
    .trim()
    .replace(/[，,\s]/g, '')
    .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String(c.charCodeAt(0) - 0xff10)));
  if (raw === '') return null;
  return /^[-+]?\d*\.?\d+$/.test(raw) ? Number(raw) : NaN;
}
