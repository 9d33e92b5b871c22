/**
 * `dabiao user …` and `dabiao token …` against a real database file, then the accounts they
 * made used over the real store: what a deployment does without any password printed once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/db/open-store';
import { runCli } from './support/run-cli';
import { testConfig } from './support/test-config';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-user-cli-'));
const db = path.join(dir, 'dabiao.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function dabiao(...args: string[]) {
  const r = await runCli([...args, '--db', db], { env: { ...process.env, DATABASE_URL: '' } });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

async function withStore<T>(f: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(testConfig({ database: db }));
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

describe('dabiao user and dabiao token', () => {
  it('adds a statistician with units and members, printing a generated password to change at first sign-in', async () => {
    const r = await dabiao(
      'user',
      'add',
      'jiaoyu',
      '--role',
      'statistician',
      '--unit',
      '市教育局',
      '--unit',
      '各县(市)政府',
      '--member',
      '磐石市',
    );
    expect(r.status, r.err).toBe(0);
    const password = /password: (\S+)（/.exec(r.out)![1]!;
    const user = await withStore((s) => s.verifyPassword('jiaoyu', password));
    expect(user).toMatchObject({
      role: 'statistician',
      units: expect.arrayContaining(['市教育局', '各县（市）政府']),
      members: ['磐石市'],
      mustChangePassword: true,
    });
  });

  it('adds with a given password, lists every account, refuses an unknown role naming it', async () => {
    expect(
      (await dabiao('user', 'add', 'boss', '--role', 'admin', '--password', 'chosen-pass-1')).status,
    ).toBe(0);
    const list = await dabiao('user', 'list');
    expect(list.out).toMatch(/^boss\t管理员/m);
    expect(list.out).toMatch(/^jiaoyu\t填报员\t.*单位 .*市教育局/m);
    const bad = await dabiao('user', 'add', 'x2', '--role', 'king', '--password', 'chosen-pass-1');
    expect(bad.status).toBe(1);
    expect(bad.err).toContain('role');
  });

  it('resets a password, makes a token that works until the user is disabled', async () => {
    const reset = await dabiao('user', 'passwd', 'boss');
    expect(reset.status).toBe(0);
    const password = /password: (\S+)（/.exec(reset.out)![1]!;
    expect(await withStore((s) => s.verifyPassword('boss', 'chosen-pass-1'))).toBeNull();
    expect(await withStore((s) => s.verifyPassword('boss', password))).toMatchObject({
      mustChangePassword: true,
    });

    const token = await dabiao('token', 'boss', '--name', '备份脚本');
    expect(token.status, token.err).toBe(0);
    const secret = token.out.trim();
    expect(await withStore((s) => s.getSession(secret))).toMatchObject({ user: { username: 'boss' } });
    expect((await dabiao('user', 'disable', 'boss')).status).toBe(0);
    expect(await withStore((s) => s.getSession(secret))).toBeNull();
    expect((await dabiao('user', 'list')).out).toMatch(/^boss\t.*已停用/m);
    expect((await dabiao('user', 'disable', 'nobody')).status).toBe(1);
  });
});
