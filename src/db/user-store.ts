/**
 * Users and sessions for the HTTP layer's sign-in. Passwords are bcrypt hashes; a session
 * token is random and only its SHA-256 is stored, so a copied database cannot be used to
 * sign in. Expired sessions read as absent and are swept when a new one starts.
 */
import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Kysely } from 'kysely';
import { DomainError, type ErrorIssue } from '../errors';
import { checkId, isUniqueViolation, notFound, now, toUserRecord } from './rows';
import type { Database } from './schema';
import type { Store } from './store';
import { nulIssues } from './validate-plan';
import { ROLES } from '../shared/index.js';

type UserStore = Pick<
  Store,
  'createUser' | 'findUser' | 'verifyPassword' | 'createSession' | 'getSession' | 'deleteSession'
>;

const DEFAULT_SESSION_MS = 12 * 60 * 60 * 1000;
const BCRYPT_ROUNDS = 10;
// Compared against when the username is unknown, so both answers take as long.
const DUMMY_HASH = bcrypt.hashSync('dabiao-no-such-user', BCRYPT_ROUNDS);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The user and session part of the Store over a Kysely database. */
export function createUserStore(db: Kysely<Database>): UserStore {
  const findUser = async (username: string) => {
    const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? toUserRecord(row) : null;
  };

  return {
    async createUser({ username, displayName, role, password }) {
      const issues: ErrorIssue[] = [];
      if (!/^[\w.-]{2,64}$/.test(username)) {
        issues.push({
          path: ['username'],
          message: 'username：用户名应为 2–64 位字母、数字、点、横线或下划线 / 2–64 letters, digits, . - _',
        });
      }
      issues.push(...nulIssues({ displayName }));
      if (typeof password !== 'string' || password.length < 8) {
        issues.push({ path: ['password'], message: 'password：密码至少 8 位 / at least 8 characters' });
      }
      if (!ROLES.includes(role))
        issues.push({ path: ['role'], message: `role：角色应为 ${ROLES.join('、')} 之一 / unknown role` });
      if (issues.length > 0) throw new DomainError('validation_failed', undefined, issues);
      const password_hash = await bcrypt.hash(password, BCRYPT_ROUNDS);
      try {
        const row = await db
          .insertInto('users')
          .values({ username, display_name: displayName || username, role, password_hash, created_at: now() })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toUserRecord(row);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        throw new DomainError('conflict', `用户名 ${username} 已存在 / username ${username} already exists`, [
          { path: ['username'], message: 'username：用户名已存在 / already taken' },
        ]);
      }
    },

    findUser,

    async verifyPassword(username, password) {
      const user = await findUser(username);
      const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
      return ok && user ? user : null;
    },

    async createSession(userId, ttlMs = DEFAULT_SESSION_MS) {
      checkId('用户', userId);
      const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      if (!user) throw notFound('用户', userId);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const at = now();
      const expiresAt = new Date(Date.now() + ttlMs).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('expires_at', '<=', at).execute();
        await trx
          .insertInto('sessions')
          .values({
            token_hash: sha256(token),
            user_id: userId,
            csrf_token: csrfToken,
            expires_at: expiresAt,
            created_at: at,
          })
          .execute();
      });
      return { token, csrfToken, expiresAt };
    },

    async getSession(token) {
      if (typeof token !== 'string' || token === '') return null;
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select(['sessions.csrf_token', 'sessions.expires_at'])
        .where('sessions.token_hash', '=', sha256(token))
        .where('sessions.expires_at', '>', now())
        .executeTakeFirst();
      if (!row) return null;
      return { user: toUserRecord(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },

    async deleteSession(token) {
      if (typeof token !== 'string' || token === '') return;
      await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
    },
  };
}
