/**
 * Sign-in sessions and named API tokens: both are rows of `sessions`, a token being a session
 * with a name and a long life. Only a SHA-256 of the secret is stored. A session of a disabled
 * user reads as absent (disabling also deletes them, this covers a race with the sign-in).
 * Expired sessions read as absent and are swept when a new one starts.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../errors';
import { checkId, isUniqueViolation, notFound, now } from './rows';
import type { Database } from './schema';
import { sha256 } from './sha256';
import type { Actor, AuditInput, Store } from './store';
import { actorName, writeAudit } from './audit-store';
import { withScopes } from './user-scopes';
import { nulIssues } from './validate-plan';

type SessionStore = Pick<
  Store,
  'createSession' | 'getSession' | 'deleteSession' | 'createToken' | 'listTokens' | 'revokeToken'
>;

const DEFAULT_SESSION_MS = 12 * 60 * 60 * 1000;
const DEFAULT_TOKEN_MS = 365 * 24 * 60 * 60 * 1000;

/** The session and token part of the Store over a Kysely database. */
export function createSessionStore(db: Kysely<Database>): SessionStore {
  const ownerName = async (userId: number) => {
    if (!Number.isInteger(userId) || userId < 1) return String(userId);
    const row = await db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
    return row?.username ?? String(userId);
  };

  async function start(
    userId: number,
    ttlMs: number,
    name: string | null,
    audit?: { actor: Actor; entry: AuditInput },
  ) {
    checkId('用户', userId);
    const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('用户', userId);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const at = now();
    const expiresAt = new Date(Date.now() + ttlMs).toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('expires_at', '<=', at).execute();
      if (name !== null) {
        const taken = await trx
          .selectFrom('sessions')
          .select('token_hash')
          .where('user_id', '=', userId)
          .where('name', '=', name)
          .executeTakeFirst();
        if (taken)
          throw new DomainError('conflict', `令牌名 ${name} 已存在 / a token named ${name} exists`, [
            { path: ['name'], message: 'name：令牌名已存在 / already taken' },
          ]);
      }
      await trx
        .insertInto('sessions')
        .values({
          token_hash: sha256(token),
          user_id: userId,
          csrf_token: csrfToken,
          expires_at: expiresAt,
          created_at: at,
          name,
        })
        .execute();
      if (audit) await writeAudit(trx, audit.actor, audit.entry);
    });
    return { token, csrfToken, expiresAt, createdAt: at };
  }

  return {
    async createSession(userId, ttlMs = DEFAULT_SESSION_MS, actor) {
      const audit =
        actor === undefined
          ? undefined
          : { actor, entry: { action: 'session.signin' as const, subject: actorName(actor) } };
      const { token, csrfToken, expiresAt } = await start(userId, ttlMs, null, audit);
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
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      if (!row) return null;
      const [user] = await withScopes(db, [row]);
      return { user: user!, csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },

    async deleteSession(token) {
      if (typeof token !== 'string' || token === '') return;
      await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
    },

    async createToken(userId, name, ttlMs = DEFAULT_TOKEN_MS, actor = 'cli') {
      const issues = nulIssues({ name });
      if (typeof name !== 'string' || name.trim() === '' || name.length > 64)
        issues.push({ path: ['name'], message: 'name：令牌名应为 1–64 个字符 / 1 to 64 characters' });
      if (issues.length > 0) throw new DomainError('validation_failed', undefined, issues);
      try {
        const owner = await ownerName(userId);
        const { token, createdAt, expiresAt } = await start(userId, ttlMs, name.trim(), {
          actor,
          entry: {
            action: 'token.create',
            subject: owner,
            after: { user: owner, name: name.trim(), expiresAt: new Date(Date.now() + ttlMs).toISOString() },
          },
        });
        return { token, name: name.trim(), createdAt, expiresAt };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        throw new DomainError('conflict', `令牌名 ${name} 已存在 / a token named ${name} exists`);
      }
    },

    async listTokens(userId) {
      const rows = await db
        .selectFrom('sessions')
        .select(['name', 'created_at', 'expires_at'])
        .where('user_id', '=', userId)
        .where('name', 'is not', null)
        .where('expires_at', '>', now())
        .orderBy('name')
        .execute();
      return rows.map((r) => ({ name: r.name!, createdAt: r.created_at, expiresAt: r.expires_at }));
    },

    async revokeToken(userId, name, actor = 'cli') {
      const owner = await ownerName(userId);
      await db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('sessions')
          .where('user_id', '=', userId)
          .where('name', '=', name)
          .returning(['created_at', 'expires_at'])
          .executeTakeFirst();
        if (!gone)
          throw new DomainError('not_found', `找不到令牌 ${name} / no token named ${name}`, [
            { path: ['name'], message: `找不到令牌 ${name} / not found` },
          ]);
        await writeAudit(trx, actor, {
          action: 'token.revoke',
          subject: owner,
          before: { user: owner, name, createdAt: gone.created_at, expiresAt: gone.expires_at },
        });
      });
    },
  };
}
