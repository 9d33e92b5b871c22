/**
 * Request logs: one JSON line per request with its id, the same id in `X-Request-Id` and in
 * every error body; an unexpected error logged with its stack under that id, answered without.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/db/open-store';
import type { Store } from '../src/db/store';
import { startServer, type RunningServer } from '../src/http/start-server';
import { dialects, type TestDatabase } from './support/store-dialects';
import { testConfig } from './support/test-config';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    done();
  },
});

let db: TestDatabase;
let store: Store;
let running: RunningServer;

beforeAll(async () => {
  db = await dialects[0]!.create();
  const config = testConfig({ database: db.database, port: 0, host: '127.0.0.1' });
  store = await openStore(config);
  // A store whose plan list fails as a broken database would.
  const broken = Object.create(store) as Store;
  broken.pagePlans = async () => {
    throw new Error('disk I/O error at /var/lib/secret.db');
  };
  await store.createUser({
    username: 'leader',
    displayName: '领导',
    role: 'leader',
    password: 'leader-password',
  });
  running = await startServer(config, broken, pino(sink));
});
afterAll(async () => {
  await running.close();
  await db.dispose();
});

async function signIn(): Promise<string> {
  const r = await fetch(`${running.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'leader', password: 'leader-password' }),
  });
  return ((await r.json()) as { token: string }).token;
}

describe('request logs', () => {
  it('names each request by one id: in the header, the error body and the log line', async () => {
    const r = await fetch(`${running.url}/api/plans/abc`, {
      headers: { authorization: `Bearer ${await signIn()}` },
    });
    const id = r.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await r.json()) as { error: { requestId: string } };
    expect(body.error.requestId).toBe(id);
    const line = lines.find((l) => l.reqId === id);
    expect(line).toMatchObject({ method: 'GET', path: '/api/plans/abc', status: 400, user: 'leader' });
  });

  it('keeps a load balancer’s request id', async () => {
    const r = await fetch(`${running.url}/api/health`, { headers: { 'x-request-id': 'lb-0123456789' } });
    expect(r.headers.get('x-request-id')).toBe('lb-0123456789');
  });

  it('logs an unexpected error with its stack and answers without it', async () => {
    const r = await fetch(`${running.url}/api/plans`, {
      headers: { authorization: `Bearer ${await signIn()}` },
    });
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(text).not.toContain('secret.db');
    expect(text).not.toContain('at ');
    const id = r.headers.get('x-request-id');
    const logged = lines.find((l) => l.reqId === id && l.msg === 'unexpected error') as {
      err: { stack: string };
    };
    expect(logged.err.stack).toContain('disk I/O error');
  });
});
