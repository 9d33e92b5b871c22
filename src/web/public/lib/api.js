/**
 * The JSON API client: the session cookie travels by itself, the CSRF token from login goes
 * into `X-CSRF-Token` on every write, and an error envelope becomes an `ApiError` whose
 * message and field issues are in Chinese.
 */
import { chinese, issueMessage } from './format.js';

/**
 * What the API answers, taken from the server's zod schemas: types only, nothing is loaded.
 * @typedef {import('zod').output<typeof import('../../../http/schemas.ts').User>} User
 * @typedef {import('zod').output<typeof import('../../../http/schemas.ts').Plan>} Plan
 * @typedef {import('zod').output<typeof import('../../../http/schemas.ts').Task>} Task
 * @typedef {import('zod').output<typeof import('../../../http/schemas.ts').Target>} Target
 * @typedef {import('zod').output<typeof import('../../../http/schemas.ts').Measurement>} Measurement
 * @typedef {import('zod').output<typeof import('../../../http/schemas.ts').MeasurementList>} MeasurementList
 * @typedef {import('zod').output<typeof import('../../../http/progress-schema.ts').ProgressView>} ProgressView
 * @typedef {import('zod').output<typeof import('../../../http/progress-schema.ts').ProgressAnswer>} ProgressAnswer
 */

/** @type {{ user: User | null, csrfToken: string | null }} */
export const session = { user: null, csrfToken: null };

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message Chinese
   * @param {{path: (string|number)[], message: string}[]} issues messages in Chinese
   */
  constructor(status, code, message, issues) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  /** The issue for a field (`value`, `year` …), if any. */
  issueFor(field) {
    return this.issues.find((i) => i.path[0] === field)?.message ?? null;
  }
}

/** Called when the session ends under us (401 on an ordinary call). */
let onSignedOut = () => {};
export function whenSignedOut(fn) {
  onSignedOut = fn;
}

/**
 * @param {string} method
 * @param {string} url
 * @param {any} [body] a plain object (sent as JSON) or FormData
 * @param {(headers: Headers) => void} [onHeaders] reads the answer's headers (paged lists)
 */
export async function request(method, url, body, onHeaders) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试', []);
  }
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (res.ok) {
    onHeaders?.(res.headers);
    return data;
  }
  const error = data?.error;
  const issues = (error?.issues ?? []).map((i) => ({ path: i.path ?? [], message: issueMessage(i.message) }));
  const failure = new ApiError(
    res.status,
    error?.code ?? 'http_' + res.status,
    chinese(error?.message) || `请求失败（${res.status}）`,
    issues,
  );
  if (res.status === 401 && url !== '/api/session') onSignedOut();
  throw failure;
}

export const get = (url) => request('GET', url);

/**
 * One page of a paged list: the items with the list's total (`X-Total-Count`) and the next
 * page's cursor (`X-Next-Cursor`, null on the last page).
 * @param {string} url @returns {Promise<{ items: any[], total: number, next: string | null }>}
 */
export async function getPage(url) {
  /** @type {Headers | null} */
  let headers = null;
  const items = await request('GET', url, undefined, (h) => (headers = h));
  const read = /** @type {Headers | null} */ (headers);
  return {
    items,
    total: Number(read?.get('X-Total-Count') ?? items.length),
    next: read?.get('X-Next-Cursor') ?? null,
  };
}
export const post = (url, body) => request('POST', url, body ?? {});
export const patch = (url, body) => request('PATCH', url, body);
export const del = (url) => request('DELETE', url);

/** `?year=2025&verified=true`, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function signIn(username, password) {
  const data = await post('/api/session', { username, password });
  session.user = data.user;
  session.csrfToken = data.csrfToken;
  return data.user;
}

/** Restores the session after a reload; null when not signed in. */
export async function resume() {
  try {
    const data = await get('/api/session');
    session.user = data.user;
    session.csrfToken = data.csrfToken;
    return data.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function signOut() {
  try {
    await del('/api/session');
  } finally {
    session.user = null;
    session.csrfToken = null;
  }
}
