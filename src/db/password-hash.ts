/**
 * Password hashes with node:crypto's scrypt: memory-hard, built into Node (no native
 * module to build), and it hashes every byte, where bcrypt silently stopped at 72 bytes
 * (24 Chinese characters). Stored as `scrypt$N$r$p$salt$hash` so the cost can grow later
 * and old hashes still verify. bcrypt hashes written before (`$2…`) are still checked, and
 * `needsRehash` tells the caller to replace them once the password is known to be right.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { DomainError } from '../errors';

// OWASP's scrypt floor is N=2^17 at r=8; 2^15 (config's DEFAULT_PASSWORD_COST) keeps a sign-in
// near 50 ms and 32 MiB on our small servers, and the cost is stored in each hash, so raising it
// needs no migration. r and p stay fixed; the configured cost is log2 N.
const BLOCK = { r: 8, p: 1 };
const KEY_BYTES = 32;

/**
 * At most this many password hashes are computed at once; the rest wait in line, and past
 * `MAX_WAITING` a sign-in is turned away (503) instead of queueing without bound. A flood of
 * sign-ins then takes two of libuv's threads, never all of them or the CPU that reads need.
 */
export const MAX_HASHING = 2;
const MAX_WAITING = 100;
let hashing = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (hashing < MAX_HASHING) hashing++;
  else if (waiting.length >= MAX_WAITING)
    throw new DomainError(
      'unavailable',
      '同时登录的请求过多，请稍后再试 / too many sign-ins at once, retry shortly',
    );
  // A slot is handed straight from the finishing hash to the next in line.
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else hashing--;
  }
}

function scrypt(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  return limited(() => rawScrypt(password, salt, o));
}

function rawScrypt(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** A new scrypt hash of the password with a random salt, at N = 2^cost. */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const o = { N: 2 ** cost, ...BLOCK };
  const key = await scrypt(password, salt, o);
  return ['scrypt', o.N, o.r, o.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether the password matches the stored hash (scrypt, or a bcrypt hash from before). */
export async function checkPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$2')) return limited(() => bcrypt.compare(password, stored));
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True for a hash written with an older scheme or a lower cost than 2^cost. */
export function needsRehash(stored: string, cost: number): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) < 2 ** cost || Number(r) < BLOCK.r || Number(p) < BLOCK.p;
}

/** A random password a person can type (for `dabiao user add` without `--password`, resets). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
