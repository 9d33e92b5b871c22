/**
 * Slows password guessing with delays that grow, not a lock: a few failures are free, then
 * each further failure makes the next attempt wait twice as long as the last one (1 s, 2 s,
 * 4 s … up to 15 minutes), after which the right password signs in as always. Three counts,
 * each of the typed user name whether it exists or not (so the answer tells no names apart):
 * - the account *from this address*: someone mistyping their own password waits seconds, and
 *   a guesser at one address cannot hold the account back for its owner elsewhere;
 * - the account from anywhere, with more free failures: guessing one password from many
 *   addresses;
 * - the address, for any name: guessing many names from one address (an office shares one,
 *   so it gets as many free failures).
 * The counts live in the database (`login_failures`), so every instance enforces the same
 * delays and a restart forgets nothing. The right password clears the account's counts,
 * never the address's, so an attacker cannot reset their address by signing into an account
 * of their own.
 */
import type { Store } from '../db/store';
import { DomainError } from '../errors';

export interface LoginThrottlePolicy {
  /** Failures allowed before the first delay. */
  free: number;
  /** The first delay; each failure after it doubles. */
  firstDelayMs: number;
  maxDelayMs: number;
}

const MAX_DELAY_MS = 15 * 60_000;

/** One account from one address: a person mistyping their own password. */
export const PAIR_POLICY: LoginThrottlePolicy = { free: 5, firstDelayMs: 1_000, maxDelayMs: MAX_DELAY_MS };
/** One account from every address together. */
export const ACCOUNT_POLICY: LoginThrottlePolicy = {
  free: 20,
  firstDelayMs: 1_000,
  maxDelayMs: MAX_DELAY_MS,
};
/** Many people may sign in from one office's address: it gets more free failures. */
export const ADDRESS_POLICY: LoginThrottlePolicy = {
  free: 20,
  firstDelayMs: 1_000,
  maxDelayMs: MAX_DELAY_MS,
};

/** How long a key waits after its `failures`-th failure: 0 while free, then doubling to the cap. */
export function delayAfter(policy: LoginThrottlePolicy, failures: number): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(30, failures - policy.free));
}

const accountName = (username: string) => username.trim().toLowerCase();
const accountKey = (username: string) => `account:${accountName(username)}`;
const addressKey = (ip: string) => `address:${ip}`;
const pairKey = (ip: string, username: string) => `pair:${ip}|${accountName(username)}`;

/** `N 分钟` or `N 秒`, rounded up: how long the user is told to wait. */
function waitWords(ms: number): { zh: string; en: string } {
  if (ms >= 60_000) {
    const minutes = Math.ceil(ms / 60_000);
    return { zh: `${minutes} 分钟`, en: `${minutes} min` };
  }
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return { zh: `${seconds} 秒`, en: `${seconds} s` };
}

export class LoginThrottled extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const { zh, en } = waitWords(retryAfterSeconds * 1000);
    super('too_many_requests', undefined, [
      {
        path: ['username'],
        message: `登录失败次数过多，请 ${zh}后再试 / too many failed logins, retry in ${en}`,
      },
    ]);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function createLoginThrottle(store: Store, now: () => Date = () => new Date()) {
  return {
    /** Throws `LoginThrottled` (429) while the account or the address must wait. */
    async check(ip: string, username: string): Promise<void> {
      const at = now();
      const keys = [pairKey(ip, username), accountKey(username), addressKey(ip)];
      const until = await store.loginRetryAt(keys, at);
      if (until) throw new LoginThrottled(Math.ceil((until.getTime() - at.getTime()) / 1000));
    },
    async failed(ip: string, username: string): Promise<void> {
      const at = now();
      await store.recordLoginFailure(pairKey(ip, username), (n) => delayAfter(PAIR_POLICY, n), at);
      await store.recordLoginFailure(accountKey(username), (n) => delayAfter(ACCOUNT_POLICY, n), at);
      await store.recordLoginFailure(addressKey(ip), (n) => delayAfter(ADDRESS_POLICY, n), at);
    },
    async succeeded(ip: string, username: string): Promise<void> {
      await store.clearLoginFailures(pairKey(ip, username));
      await store.clearLoginFailures(accountKey(username));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
