/**
 * Slows password guessing with delays that grow, not a hard lock: a few failures are free,
 * then each further failure makes the account (the typed user name, whether it exists or not)
 * or the client address wait twice as long as the last time, up to an hour. Per account it
 * stops guessing one password from many addresses; per address, guessing many names from one.
 * The counts live in the database (`login_failures`), so every instance enforces the same
 * delays. The right password clears the account's count, never the address's, so an attacker
 * cannot reset their address by signing into an account of their own.
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

export const ACCOUNT_POLICY: LoginThrottlePolicy = { free: 5, firstDelayMs: 60_000, maxDelayMs: 3_600_000 };
/** Many people may sign in from one office's address: it gets more free failures. */
export const ADDRESS_POLICY: LoginThrottlePolicy = { free: 20, firstDelayMs: 60_000, maxDelayMs: 3_600_000 };

/** How long a key waits after its `failures`-th failure: 0 while free, then doubling to the cap. */
export function delayAfter(policy: LoginThrottlePolicy, failures: number): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(30, failures - policy.free));
}

const accountKey = (username: string) => `account:${username.trim().toLowerCase()}`;
const addressKey = (ip: string) => `address:${ip}`;

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

export function createLoginThrottle(store: Store, now = () => new Date()) {
  return {
    /** Throws `LoginThrottled` (429) while the account or the address must wait. */
    async check(ip: string, username: string): Promise<void> {
      const at = now();
      const until = await store.loginRetryAt([accountKey(username), addressKey(ip)], at);
      if (until) throw new LoginThrottled(Math.ceil((until.getTime() - at.getTime()) / 1000));
    },
    async failed(ip: string, username: string): Promise<void> {
      const at = now();
      await store.recordLoginFailure(accountKey(username), (n) => delayAfter(ACCOUNT_POLICY, n), at);
      await store.recordLoginFailure(addressKey(ip), (n) => delayAfter(ADDRESS_POLICY, n), at);
    },
    async succeeded(username: string): Promise<void> {
      await store.clearLoginFailures(accountKey(username));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
