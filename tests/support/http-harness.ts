/**
 * A real dabiao server for HTTP tests: a fresh database (SQLite file, or PostgreSQL when asked),
 * the app listening on a free port, one user per role, and a small client that speaks JSON
 * with a bearer token or a cookie plus CSRF token.
 */
import { type ConfigOverrides } from '../../src/config';
import { openStore } from '../../src/db/open-store';
import type { Store } from '../../src/db/store';
import { sharedRenderPool } from './render-pool';
import { startServer, type RunningServer } from '../../src/http/start-server';
import { afterAll, beforeAll } from 'vitest';
import { seedGoldPlans, type SeededPlans } from './http-seed';
import { dialects, type DialectFixture } from './store-dialects';
import { ROLES, type UserRole } from '../../src/shared/index.js';
import { testConfig } from './test-config';

/** One user per role (src/shared ROLES), named after the role. */
export const PASSWORDS = Object.fromEntries(ROLES.map((role) => [role, `test-${role}-pass`])) as Record<
  UserRole,
  string
>;

export interface TestServer {
  url: string;
  /** What the server's store opened: a SQLite file path or a postgres:// URL (for CLI runs beside it). */
  database: string;
  store: Store;
  running: RunningServer;
  close(): Promise<void>;
}

export async function startTestServer(
  overrides: ConfigOverrides = {},
  dialect: DialectFixture = dialects[0]!,
  clock?: () => Date,
): Promise<TestServer> {
  const db = await dialect.create();
  const config = testConfig({ database: db.database, port: 0, host: '127.0.0.1', ...overrides });
  const store = await openStore(config);
  for (const role of Object.keys(PASSWORDS) as UserRole[]) {
    await store.createUser({ username: role, displayName: `测试${role}`, role, password: PASSWORDS[role] });
  }
  const running = await startServer(config, store, undefined, {
    clock,
    renderPool: sharedRenderPool(config.renderThreads),
  });
  return {
    url: running.url,
    database: db.database,
    store,
    running,
    async close() {
      await running.close();
      await db.dispose();
    },
  };
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Client {
  token: string;
  csrfToken: string;
  cookie: string;
  /** JSON request with the bearer token (or with the cookie when `cookie: true`). */
  call<T = any>(method: string, path: string, body?: unknown, options?: CallOptions): Promise<Reply<T>>;
  /** Multipart upload of one `file`. */
  upload<T = any>(
    path: string,
    name: string,
    data: Buffer | string,
    fields?: Record<string, string>,
  ): Promise<Reply<T>>;
  raw(path: string, init?: RequestInit): Promise<Response>;
}

export interface CallOptions {
  cookie?: boolean;
  csrf?: string | null;
  headers?: Record<string, string>;
  rawBody?: string;
}

export async function readReply(res: Response): Promise<Reply> {
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body };
}

export async function login(url: string, username: string, password: string): Promise<Client> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { token: string; csrfToken: string };
  if (res.status !== 201) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return clientFor(url, body.token, body.csrfToken, cookie);
}

export function clientFor(url: string, token: string, csrfToken: string, cookie: string): Client {
  const raw = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);
  return {
    token,
    csrfToken,
    cookie,
    raw,
    async call(method, path, body, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.cookie) {
        headers.cookie = cookie;
        if (options.csrf !== null) headers['x-csrf-token'] = options.csrf ?? csrfToken;
      } else headers.authorization = `Bearer ${token}`;
      let payload: string | undefined = options.rawBody;
      if (body !== undefined) payload = JSON.stringify(body);
      if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
      return readReply(await raw(path, { method, headers, body: payload }));
    },
    async upload(path, name, data, fields = {}) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), name);
      return readReply(
        await raw(path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }),
      );
    },
  };
}

export async function loginAll(url: string): Promise<Record<UserRole, Client>> {
  const entries = await Promise.all(
    (Object.keys(PASSWORDS) as UserRole[]).map(
      async (role) => [role, await login(url, role, PASSWORDS[role])] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<UserRole, Client>;
}

/** Every assertion on an error answer: status, code, and the one envelope shape. */
export function expectEnvelope(reply: Reply, status: number, code: string): void {
  const problems: string[] = [];
  if (reply.status !== status) problems.push(`status ${reply.status} ≠ ${status}`);
  const e = reply.body?.error;
  if (!e || typeof e.message !== 'string' || !Array.isArray(e.issues))
    problems.push('not the error envelope');
  else if (e.code !== code) problems.push(`code ${e.code} ≠ ${code}`);
  else if (!/[\u4e00-\u9fff]/.test(e.message) || !e.message.includes(' / '))
    problems.push(`message not 中文 / English: ${e.message}`);
  if (problems.length > 0) throw new Error(`${problems.join('; ')}: ${JSON.stringify(reply.body)}`);
}

/** A running server with both seed plans stored and every role signed in. */
export interface SeededServer {
  server: TestServer;
  users: Record<UserRole, Client>;
  seeded: SeededPlans;
}

export interface SeededServerOptions {
  overrides?: ConfigOverrides;
  dialect?: DialectFixture;
  /** Runs once everything is up, before the first test (figures a suite needs, say). */
  prepare?(env: SeededServer): Promise<void>;
}

/**
 * Starts a seeded server before the tests of the file (or the describe block it is called in)
 * and closes it after them. Its parts are read inside tests: before then they throw.
 * @example const env = useSeededServer(); … await env.users.leader.call('GET', '/api/plans')
 */
export function useSeededServer(options: SeededServerOptions = {}): SeededServer {
  let current: SeededServer | undefined;
  beforeAll(async () => {
    const server = await startTestServer(options.overrides, options.dialect);
    const seeded = await seedGoldPlans(server.store);
    // The suites' statistician reports for every unit of both plans; narrower accounts are made where tested.
    const stat = (await server.store.findUser('statistician'))!;
    const units = (await server.store.listUnits()).map((u) => u.name);
    await server.store.updateUser(stat.id, { units });
    current = { server, seeded, users: await loginAll(server.url) };
    await options.prepare?.(current);
  });
  afterAll(() => current?.server.close());
  const started = (): SeededServer => {
    if (!current) throw new Error('the seeded server is read before it started: use it inside a test');
    return current;
  };
  return {
    get server() {
      return started().server;
    },
    get users() {
      return started().users;
    },
    get seeded() {
      return started().seeded;
    },
  };
}
