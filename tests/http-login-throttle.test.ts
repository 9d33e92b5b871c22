import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { openStore } from '../src/db/open-store';
import { ACCOUNT_POLICY, ADDRESS_POLICY, delayAfter } from '../src/http/login-throttle';
import { startServer, type RunningServer } from '../src/http/start-server';
import { PASSWORDS, readReply, startTestServer, type TestServer } from './support/http-harness';
import { dialects } from './support/store-dialects';

describe('login delays', () => {
  it.each([
    [4, 0],
    [5, 60_000],
    [6, 120_000],
    [7, 240_000],
    [11, 3_600_000],
    [500, 3_600_000],
  ])('an account waits after its %i-th failure %i ms', (failures, ms) => {
    expect(delayAfter(ACCOUNT_POLICY, failures)).toBe(ms);
  });

  it('gives an address (one office, many people) more free failures than an account', () => {
    expect(delayAfter(ADDRESS_POLICY, 19)).toBe(0);
    expect(delayAfter(ADDRESS_POLICY, 20)).toBe(60_000);
  });
});

describe.each(dialects)('login throttling shared by two instances on $name', (dialect) => {
  let a: TestServer;
  let b: RunningServer;
  beforeAll(async () => {
    a = await startTestServer({}, dialect);
    const config = loadConfig({}, { database: a.database, port: 0, host: '127.0.0.1' });
    b = await startServer(config, await openStore(config));
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const attempt = async (url: string, username: string, password: string) =>
    readReply(
      await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      }),
    );

  it('holds back an account failed on one instance when it signs in on the other, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(a.url, 'leader', `guess-${i}`)).status).toBe(401);
    const held = await attempt(b.url, 'leader', PASSWORDS.leader);
    expect(held.status).toBe(429);
    expect(held.body.error.code).toBe('too_many_requests');
    expect(held.body.error.issues[0].message).toContain('1 分钟后再试');
    const retryAfter = Number(held.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another account from the same address is not held back yet.
    expect((await attempt(b.url, 'evaluator', PASSWORDS.evaluator)).status).toBe(201);
  });

  it('counts an unknown user name the same as a known one, so the answer tells no names apart', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(b.url, 'ghost', `guess-${i}`)).status).toBe(401);
    const held = await attempt(a.url, 'ghost', 'guess-5');
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).not.toBeNull();
  });

  it('doubles the wait after each failure past the free ones, and forgets it on the right password', async () => {
    const store = a.store;
    const key = 'account:zhao';
    const t0 = new Date('2026-01-01T00:00:00Z');
    const policy = (n: number) => delayAfter(ACCOUNT_POLICY, n);
    for (let i = 0; i < 4; i++) await store.recordLoginFailure(key, policy, t0);
    expect(await store.loginRetryAt([key], t0)).toBeNull();
    const fifth = await store.recordLoginFailure(key, policy, t0);
    expect(fifth.retryAt.getTime() - t0.getTime()).toBe(60_000);
    const t1 = new Date(t0.getTime() + 61_000);
    expect(await store.loginRetryAt([key], t1)).toBeNull();
    const sixth = await store.recordLoginFailure(key, policy, t1);
    expect(sixth.failures).toBe(6);
    expect(sixth.retryAt.getTime() - t1.getTime()).toBe(120_000);
    await store.clearLoginFailures(key);
    expect(await store.loginRetryAt([key], t1)).toBeNull();
  });

  it('holds back an address that guessed many names, for a name it has not tried', async () => {
    // Free failures left for this address after the two tests above (10 so far).
    for (let i = 0; i < 10; i++) await attempt(a.url, `spray${i}`, 'password');
    const held = await attempt(b.url, 'admin', PASSWORDS.admin);
    expect(held.status).toBe(429);
  });
});
