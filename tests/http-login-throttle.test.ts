/**
 * Sign-in throttling: delays that grow per account-and-address, per account and per address,
 * never a lock that keeps the right password out once the short wait is over; unknown names
 * count the same; the counts live in the database, so a second instance and a restarted one
 * enforce them; and a flood of sign-ins neither crashes anything nor slows other readers down.
 * Requests come from several loopback addresses (127.0.0.x), as from different machines.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/db/open-store';
import { ACCOUNT_POLICY, ADDRESS_POLICY, PAIR_POLICY, delayAfter } from '../src/http/login-throttle';
import { startServer, type RunningServer } from '../src/http/start-server';
import { login, PASSWORDS, startTestServer, type TestServer } from './support/http-harness';
import { dialects } from './support/store-dialects';
import { testConfig } from './support/test-config';

interface Answer {
  status: number;
  retryAfter: number | null;
  ms: number;
}

/** POST /api/session from the given local address (any of 127.0.0.0/8 reaches the server). */
function signIn(url: string, username: string, password: string, from = '127.0.0.1'): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({ username, password });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        path: '/api/session',
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const retry = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: retry === undefined ? null : Number(retry),
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The servers' clock, moved by the tests: waiting out a delay is `clock.pass(ms)`, not a sleep
 * (the restart test alone slept 16 s per database). The store compares the times it is given.
 */
function movableClock() {
  let at = Date.now();
  return {
    now: () => new Date(at),
    pass(ms: number) {
      at += ms;
    },
  };
}

describe('login delays', () => {
  it.each([
    [4, 0],
    [5, 1_000],
    [6, 2_000],
    [7, 4_000],
    [12, 128_000],
    [15, 900_000],
    [500, 900_000],
  ])('an account at one address waits after its %i-th failure %i ms', (failures, ms) => {
    expect(delayAfter(PAIR_POLICY, failures)).toBe(ms);
  });

  it('gives the account across addresses and an address (one office, many people) more free failures', () => {
    for (const policy of [ACCOUNT_POLICY, ADDRESS_POLICY]) {
      expect(delayAfter(policy, 19)).toBe(0);
      expect(delayAfter(policy, 20)).toBe(1_000);
    }
  });
});

/**
 * Hashing dear enough to stand out of loopback noise (some 10–25 ms here), so that the
 * unknown-name test below measures the hash and not the machine: at the suite's cheap test cost
 * a hash is about a millisecond, and a busy CI machine once made one median three times another.
 */
const TIMED_PASSWORD_COST = 13;

describe.each(dialects)('login throttling shared by two instances on $name', (dialect) => {
  let a: TestServer;
  let b: RunningServer;
  const clock = movableClock();
  beforeAll(async () => {
    a = await startTestServer({ passwordCost: TIMED_PASSWORD_COST }, dialect, clock.now);
    const config = testConfig({
      database: a.database,
      port: 0,
      host: '127.0.0.1',
      passwordCost: TIMED_PASSWORD_COST,
    });
    b = await startServer(config, await openStore(config), undefined, { clock: clock.now });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('makes an account wait seconds after five wrong passwords, then lets the right one in on the other instance', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(a.url, 'leader', `guess-${i}`)).status).toBe(401);
    const held = await signIn(b.url, 'leader', PASSWORDS.leader);
    expect(held.status).toBe(429);
    expect(held.retryAfter).toBe(1);
    clock.pass(900);
    expect((await signIn(b.url, 'leader', PASSWORDS.leader)).status).toBe(429);
    clock.pass(200);
    expect((await signIn(b.url, 'leader', PASSWORDS.leader)).status).toBe(201);
    // Signing in cleared the account's count: one more slip costs nothing.
    expect((await signIn(a.url, 'leader', 'slip')).status).toBe(401);
    expect((await signIn(a.url, 'leader', PASSWORDS.leader)).status).toBe(201);
  });

  it('does not hold an account back for its owner because someone at another address guessed', async () => {
    for (let i = 0; i < 6; i++) await signIn(a.url, 'evaluator', `guess-${i}`, '127.0.0.2');
    expect((await signIn(b.url, 'evaluator', PASSWORDS.evaluator, '127.0.0.2')).status).toBe(429);
    expect((await signIn(b.url, 'evaluator', PASSWORDS.evaluator, '127.0.0.1')).status).toBe(201);
  });

  it('counts and costs an unknown user name the same as a known one', async () => {
    // The two names take turns, so that a busy moment of the machine weighs on both alike.
    const known = { failed: [] as Answer[], held: undefined as unknown as Answer };
    const unknown = { failed: [] as Answer[], held: undefined as unknown as Answer };
    for (let i = 0; i < 5; i++) {
      known.failed.push(await signIn(a.url, 'statistician', `guess-${i}`, '127.0.0.4'));
      unknown.failed.push(await signIn(a.url, 'ghost', `guess-${i}`, '127.0.0.4'));
    }
    // Straight after the fifth failure, inside its one-second wait (the servers' clock stands still).
    known.held = await signIn(b.url, 'statistician', 'x', '127.0.0.4');
    unknown.held = await signIn(b.url, 'ghost', 'x', '127.0.0.4');
    expect(known.failed.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(unknown.failed.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect([known.held.status, unknown.held.status]).toEqual([429, 429]);
    expect(known.held.retryAfter).toBe(unknown.held.retryAfter);
    // Both hash a password: the median answer times are alike (a known name is not faster to refuse).
    const median = (xs: Answer[]) => xs.map((r) => r.ms).sort((p, q) => p - q)[2]!;
    const ratio = median(known.failed) / median(unknown.failed);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it('doubles the wait after each failure past the free ones, and forgets it on the right password', async () => {
    const store = a.store;
    const key = 'pair:192.0.2.1|zhao';
    const t0 = new Date('2026-01-01T00:00:00Z');
    const policy = (n: number) => delayAfter(PAIR_POLICY, n);
    for (let i = 0; i < 4; i++) await store.recordLoginFailure(key, policy, t0);
    expect(await store.loginRetryAt([key], t0)).toBeNull();
    const fifth = await store.recordLoginFailure(key, policy, t0);
    expect(fifth.retryAt.getTime() - t0.getTime()).toBe(1_000);
    const t1 = new Date(t0.getTime() + 1_500);
    expect(await store.loginRetryAt([key], t1)).toBeNull();
    const sixth = await store.recordLoginFailure(key, policy, t1);
    expect(sixth.failures).toBe(6);
    expect(sixth.retryAt.getTime() - t1.getTime()).toBe(2_000);
    await store.clearLoginFailures(key);
    expect(await store.loginRetryAt([key], t1)).toBeNull();
  });

  it('holds back an address that guessed many names, for a name it has not tried, but no other address', async () => {
    for (let i = 0; i < 20; i++)
      expect((await signIn(a.url, `spray${i}`, 'password', '127.0.0.3')).status).toBe(401);
    expect((await signIn(b.url, 'admin', PASSWORDS.admin, '127.0.0.3')).status).toBe(429);
    expect((await signIn(b.url, 'admin', PASSWORDS.admin, '127.0.0.1')).status).toBe(201);
  });
});

describe.each(dialects)('login throttling across a restart on $name', (dialect) => {
  let server: TestServer;
  let restarted: RunningServer | undefined;
  const clock = movableClock();
  beforeAll(async () => {
    server = await startTestServer({}, dialect, clock.now);
  });
  afterAll(async () => {
    await restarted?.close();
    await server.close();
  });

  it('still holds back an account after the server restarts', async () => {
    // Five wrong passwords, then one more each time the wait is over: 1, 2, 4, 8, then 16 s.
    for (let i = 0; i < 5; i++) expect((await signIn(server.url, 'admin', `guess-${i}`)).status).toBe(401);
    for (const wait of [1_000, 2_000, 4_000, 8_000]) {
      clock.pass(wait + 150);
      expect((await signIn(server.url, 'admin', 'guess-again')).status).toBe(401);
    }
    expect((await signIn(server.url, 'admin', PASSWORDS.admin)).status).toBe(429);
    await server.running.close();
    clock.pass(3_000);
    const config = testConfig({ database: server.database, port: 0, host: '127.0.0.1' });
    restarted = await startServer(config, await openStore(config), undefined, { clock: clock.now });
    const held = await signIn(restarted.url, 'admin', PASSWORDS.admin);
    expect(held.status).toBe(429);
    // 16 s from the last failure, 3 s of which passed while the server was down.
    expect(held.retryAfter).toBe(13);
    // Another account is free to sign in on the restarted server.
    expect((await signIn(restarted.url, 'leader', PASSWORDS.leader)).status).toBe(201);
  });
});

describe('a flood of sign-ins', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers every one without a 500 while other users read as fast as before', async () => {
    const reader = await login(server.url, 'leader', PASSWORDS.leader);
    const read = async () => {
      const started = performance.now();
      const r = await reader.call('GET', '/api/plans');
      expect(r.status).toBe(200);
      return performance.now() - started;
    };
    const quiet: number[] = [];
    for (let i = 0; i < 5; i++) quiet.push(await read());
    // 60 sign-ins at once, each from its own address with a new name: none is throttled, all hash.
    const flood = Array.from({ length: 60 }, (_, i) =>
      signIn(server.url, `flood${i}`, 'wrong-password', `127.0.1.${i + 1}`),
    );
    const during: number[] = [];
    for (let i = 0; i < 10; i++) during.push(await read());
    const answers = await Promise.all(flood);
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([401]));
    const worst = Math.max(...during);
    expect(worst).toBeLessThan(Math.max(500, 20 * Math.max(...quiet)));
    // The right password still signs in right after the flood.
    expect((await signIn(server.url, 'evaluator', PASSWORDS.evaluator)).status).toBe(201);
  });
});
