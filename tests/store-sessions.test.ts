import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/database';
import { DEFAULT_PASSWORD_COST, loadConfig } from '../src/config';
import { dialects, openFresh, useFreshStore } from './support/store-dialects';
import { TEST_PASSWORD_COST } from './support/test-config';

describe.each(dialects.map((d) => [d.name, d] as const))('users and sessions on %s', (_name, dialect) => {
  const f = useFreshStore(dialect);
  beforeAll(async () => {
    await f.store.createUser({
      username: 'pinggu',
      displayName: '评估员',
      role: 'evaluator',
      password: 'correct horse',
    });
  });

  it('checks passwords against a scrypt hash, never the password itself', async () => {
    const user = await f.store.verifyPassword('pinggu', 'correct horse');
    expect(user).toMatchObject({ username: 'pinggu', displayName: '评估员', role: 'evaluator' });
    const n = 2 ** TEST_PASSWORD_COST;
    expect(user!.passwordHash).toMatch(
      new RegExp(`^scrypt\\$${n}\\$8\\$1\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`),
    );
    expect(await f.store.verifyPassword('pinggu', 'wrong horse')).toBeNull();
    expect(await f.store.verifyPassword('nobody', 'correct horse')).toBeNull();
  });

  it('hashes at N = 2^15 unless configured, and raises an older, cheaper hash at the next right sign-in', async () => {
    const fresh = await openFresh(dialect);
    try {
      await fresh.store.createUser({
        username: 'laoyonghu',
        role: 'leader',
        displayName: '老用户',
        password: 'old-cheap-pass',
      });
      // The product's own cost: what `dabiao serve` opens with when DABIAO_PASSWORD_COST is unset.
      const store = await fresh.reopen({ passwordCost: loadConfig({}).passwordCost });
      expect(DEFAULT_PASSWORD_COST).toBe(15);
      expect((await store.findUser('laoyonghu'))!.passwordHash).toMatch(/^scrypt\$1024\$/);
      expect(await store.verifyPassword('laoyonghu', 'wrong-cheap-pass')).toBeNull();
      expect((await store.findUser('laoyonghu'))!.passwordHash).toMatch(/^scrypt\$1024\$/);
      expect(await store.verifyPassword('laoyonghu', 'old-cheap-pass')).toMatchObject({
        username: 'laoyonghu',
      });
      expect((await store.findUser('laoyonghu'))!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await store.verifyPassword('laoyonghu', 'old-cheap-pass')).toMatchObject({
        username: 'laoyonghu',
      });
      await store.createUser({
        username: 'xinyonghu',
        role: 'leader',
        displayName: '新用户',
        password: 'new-full-pass',
      });
      expect((await store.findUser('xinyonghu'))!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    } finally {
      await fresh.dispose();
    }
  });

  it('takes the cost from DABIAO_PASSWORD_COST and refuses one outside 10–20', () => {
    expect(loadConfig({ DABIAO_PASSWORD_COST: '17' }).passwordCost).toBe(17);
    expect(() => loadConfig({ DABIAO_PASSWORD_COST: '9' })).toThrow(/passwordCost/);
    expect(() => loadConfig({ DABIAO_PASSWORD_COST: '21' })).toThrow(/passwordCost/);
  });

  it.each([
    [{ username: 'pinggu', password: 'another-pass' }, 'conflict', 'username'],
    [{ username: 'x', password: 'another-pass' }, 'validation_failed', 'username'],
    [{ username: 'newuser', password: 'short' }, 'validation_failed', 'password'],
    [
      { username: 'newuser', password: 'long enough', displayName: '新\u0000用户' },
      'validation_failed',
      'displayName',
    ],
  ])('refuses user %o with %s on %s', async (input, code, field) => {
    const err = await f.store
      .createUser({ displayName: '新用户', role: 'statistician', ...input })
      .catch((e) => e);
    expect(err).toMatchObject({ code, issues: [{ path: [field] }] });
  });

  it('a session token finds its user and CSRF token until it is deleted; only its hash is stored', async () => {
    const user = (await f.store.findUser('pinggu'))!;
    const session = await f.store.createSession(user.id);
    expect(session.token).not.toBe(session.csrfToken);
    expect(await f.store.getSession(session.token)).toMatchObject({
      user: { id: user.id, role: 'evaluator' },
      csrfToken: session.csrfToken,
    });
    const db = createDatabase({ database: f.database });
    const stored = await db.selectFrom('sessions').select('token_hash').execute();
    await db.destroy();
    expect(stored.map((s) => s.token_hash)).not.toContain(session.token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    await f.store.deleteSession(session.token);
    expect(await f.store.getSession(session.token)).toBeNull();
    expect(await f.store.getSession('made-up-token')).toBeNull();
  });

  it('an expired session reads as absent', async () => {
    const user = (await f.store.findUser('pinggu'))!;
    const session = await f.store.createSession(user.id, -1000);
    expect(await f.store.getSession(session.token)).toBeNull();
    await expect(f.store.createSession(987654)).rejects.toMatchObject({ code: 'not_found' });
  });
});
