/**
 * Slows password guessing: after a few failed logins for one username from one address, that
 * pair is refused with 429 for a while. In memory, per process — enough for one server; the
 * window resets on a successful login.
 */
import { DomainError } from '../errors';

export interface LoginThrottleOptions {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = { maxFailures: 5, windowMs: 10 * 60 * 1000 };

/** Bounds memory under a flood of distinct names: the oldest entries are dropped first. */
const MAX_ENTRIES = 10_000;

export function createLoginThrottle(
  options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE,
  now = () => Date.now(),
) {
  const failures = new Map<string, { count: number; since: number }>();
  const keyOf = (ip: string, username: string) => `${ip}\0${username.toLowerCase()}`;

  return {
    /** Throws 429 while the pair is locked out. */
    check(ip: string, username: string): void {
      const entry = failures.get(keyOf(ip, username));
      if (!entry) return;
      const left = entry.since + options.windowMs - now();
      if (left <= 0) failures.delete(keyOf(ip, username));
      else if (entry.count >= options.maxFailures) {
        const minutes = Math.ceil(left / 60_000);
        throw new DomainError('too_many_requests', undefined, [
          {
            path: ['username'],
            message: `登录失败次数过多，请 ${minutes} 分钟后再试 / too many failed logins, retry in ${minutes} min`,
          },
        ]);
      }
    },
    failed(ip: string, username: string): void {
      const key = keyOf(ip, username);
      const entry = failures.get(key);
      if (entry && entry.since + options.windowMs > now()) entry.count++;
      else failures.set(key, { count: 1, since: now() });
      if (failures.size > MAX_ENTRIES) failures.delete(failures.keys().next().value!);
    },
    succeeded(ip: string, username: string): void {
      failures.delete(keyOf(ip, username));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
