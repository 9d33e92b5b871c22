import bcrypt from 'bcryptjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/database';
import { dialects, useFreshStore } from './support/store-dialects';

describe.each(dialects.map((d) => [d.name, d] as const))('accounts on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);
  const long = '统'.repeat(255);
  beforeAll(async () => {
    await f.store.createUser({
      username: 'tongji',
      displayName: '教育局填报员',
      role: 'statistician',
      password: `${long}甲`,
      units: ['市教育局', ' 各县(市)政府 ', '市教育局'],
      members: ['磐石市'],
    });
  });

  it('counts every character of a 256-character password (bcrypt stopped at 72 bytes)', async () => {
    expect(await f.store.verifyPassword('tongji', `${long}甲`)).not.toBeNull();
    expect(await f.store.verifyPassword('tongji', `${long}乙`)).toBeNull();
  });

  it('keeps units in their stored form, once each, and members as given', async () => {
    const user = (await f.store.findUser('tongji'))!;
    expect(user).toMatchObject({
      units: ['各县（市）政府', '市教育局'].sort(),
      members: ['磐石市'],
      plans: [],
      disabled: false,
      mustChangePassword: false,
    });
    const edited = await f.store.updateUser(user.id, { members: [], plans: [2, 1], displayName: '改名' });
    expect(edited).toMatchObject({ units: user.units, members: [], plans: [1, 2], displayName: '改名' });
  });

  it('upgrades a bcrypt hash written before to scrypt on the first right sign-in', async () => {
    const old = await f.store.createUser({
      username: 'old',
      displayName: '旧',
      role: 'leader',
      password: 'old-pass-1',
    });
    const db = createDatabase({ database: f.database });
    try {
      await db
        .updateTable('users')
        .set({ password_hash: bcrypt.hashSync('old-pass-1', 4) })
        .where('id', '=', old.id)
        .execute();
      expect(await f.store.verifyPassword('old', 'wrong-pass')).toBeNull();
      expect((await f.store.findUser('old'))!.passwordHash).toMatch(/^\$2/);
      expect(await f.store.verifyPassword('old', 'old-pass-1')).not.toBeNull();
      expect((await f.store.findUser('old'))!.passwordHash).toMatch(/^scrypt\$/);
      expect(await f.store.verifyPassword('old', 'old-pass-1')).not.toBeNull();
    } finally {
      await db.destroy();
    }
  });

  it('disabling ends every session and token at once and refuses the right password', async () => {
    const u = await f.store.createUser({
      username: 'gone',
      displayName: '离职',
      role: 'evaluator',
      password: 'gone-pass',
    });
    const session = await f.store.createSession(u.id);
    const token = await f.store.createToken(u.id, '脚本');
    expect(await f.store.getSession(token.token)).not.toBeNull();
    await f.store.updateUser(u.id, { disabled: true });
    expect(await f.store.getSession(session.token)).toBeNull();
    expect(await f.store.getSession(token.token)).toBeNull();
    expect(await f.store.verifyPassword('gone', 'gone-pass')).toBeNull();
    await f.store.updateUser(u.id, { disabled: false });
    expect(await f.store.verifyPassword('gone', 'gone-pass')).not.toBeNull();
    expect(await f.store.getSession(token.token)).toBeNull();
  });

  it('a reset must be changed at next sign-in and ends the other sessions; a change keeps the own one', async () => {
    const u = await f.store.createUser({
      username: 'reset',
      displayName: '重置',
      role: 'leader',
      password: 'first-pass',
    });
    const a = await f.store.createSession(u.id);
    const reset = await f.store.setPassword(u.id, 'temporary-1', { mustChange: true });
    expect(reset.mustChangePassword).toBe(true);
    expect(await f.store.getSession(a.token)).toBeNull();
    const b = await f.store.createSession(u.id);
    const c = await f.store.createSession(u.id);
    const changed = await f.store.setPassword(u.id, 'my-own-pass', { keepToken: b.token });
    expect(changed.mustChangePassword).toBe(false);
    expect(await f.store.getSession(b.token)).not.toBeNull();
    expect(await f.store.getSession(c.token)).toBeNull();
    expect(await f.store.verifyPassword('reset', 'temporary-1')).toBeNull();
    expect(await f.store.verifyPassword('reset', 'my-own-pass')).not.toBeNull();
    await expect(f.store.setPassword(u.id, 'short')).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ path: ['password'] }],
    });
  });

  it('lists named tokens without their secret, refuses a second of one name, revokes by name', async () => {
    const u = (await f.store.findUser('tongji'))!;
    const t = await f.store.createToken(u.id, '月报脚本');
    await f.store.createToken(u.id, '备用');
    await expect(f.store.createToken(u.id, '月报脚本')).rejects.toMatchObject({ code: 'conflict' });
    const listed = await f.store.listTokens(u.id);
    expect(listed.map((x) => x.name).sort()).toEqual(['备用', '月报脚本'].sort());
    expect(JSON.stringify(listed)).not.toContain(t.token);
    await f.store.revokeToken(u.id, '月报脚本');
    expect(await f.store.getSession(t.token)).toBeNull();
    expect((await f.store.listTokens(u.id)).map((x) => x.name)).toEqual(['备用']);
    await expect(f.store.revokeToken(u.id, '月报脚本')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists every user by name', async () => {
    const names = (await f.store.listUsers()).map((u) => u.username);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('tongji');
  });
});
