/**
 * Users for the HTTP layer's sign-in and the admin's user list. Passwords are scrypt hashes
 * (password-hash.ts); a bcrypt hash from before is replaced the first time its
 * password is given. A wrong name costs one hash check like a wrong password does.
 */
import type { Kysely } from 'kysely';
import { checkPassword, hashPassword, needsRehash } from './password-hash';
import { DomainError, type ErrorIssue } from '../errors';
import { checkId, isUniqueViolation, notFound, now } from './rows';
import type { Database } from './schema';
import type { Actor, NewUser, Store, UserPatch, UserRecord } from './store';
import { writeAudit } from './audit-store';
import { sha256 } from './sha256';
import { withScopes, writeScopes } from './user-scopes';
import { nulIssues } from './validate-plan';
import { ROLES } from '../shared/index.js';

type UserStore = Pick<
  Store,
  'createUser' | 'findUser' | 'listUsers' | 'updateUser' | 'setPassword' | 'verifyPassword'
>;

function passwordIssues(password: unknown): ErrorIssue[] {
  return typeof password === 'string' && password.length >= 8 && password.length <= 256
    ? []
    : [{ path: ['password'], message: 'password：密码应为 8–256 位 / 8 to 256 characters' }];
}

function patchIssues(patch: UserPatch): ErrorIssue[] {
  const issues = nulIssues({ displayName: patch.displayName });
  if (patch.role !== undefined && !ROLES.includes(patch.role))
    issues.push({ path: ['role'], message: `role：角色应为 ${ROLES.join('、')} 之一 / unknown role` });
  for (const key of ['units', 'members'] as const)
    (patch[key] ?? []).forEach((v, i) => issues.push(...nulIssues({ [i]: v }, [key])));
  (patch.plans ?? []).forEach((id, i) => {
    if (!Number.isInteger(id) || id < 1)
      issues.push({ path: ['plans', i], message: 'plans：方案编号应为正整数 / a plan id' });
  });
  return issues;
}

/** A user as the audit log keeps it: never the password hash. */
export function userView({ passwordHash: _hash, ...user }: UserRecord) {
  return user;
}

/** The audit action of a user edit: disabling and enabling are named apart from other edits. */
function editAction(before: UserRecord, patch: UserPatch) {
  if (patch.disabled === true && !before.disabled) return 'user.disable' as const;
  if (patch.disabled === false && before.disabled) return 'user.enable' as const;
  return 'user.edit' as const;
}

/** The user part of the Store over a Kysely database; new hashes cost N = 2^passwordCost. */
export function createUserStore(db: Kysely<Database>, passwordCost: number): UserStore {
  // Compared against when the username is unknown, so both answers take as long.
  let dummyHash: Promise<string> | undefined;
  const byId = async (id: number) => {
    checkId('用户', id);
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('用户', id);
    return (await withScopes(db, [row]))[0]!;
  };
  const findUser = async (username: string) => {
    const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? (await withScopes(db, [row]))[0]! : null;
  };

  return {
    async createUser(input: NewUser, actor: Actor = 'cli') {
      const { username, displayName, role, password } = input;
      const issues: ErrorIssue[] = [];
      if (typeof username !== 'string' || !/^[\w.-]{2,64}$/.test(username)) {
        issues.push({
          path: ['username'],
          message: 'username：用户名应为 2–64 位字母、数字、点、横线或下划线 / 2–64 letters, digits, . - _',
        });
      }
      if (!ROLES.includes(role))
        issues.push({ path: ['role'], message: `role：角色应为 ${ROLES.join('、')} 之一 / unknown role` });
      issues.push(...patchIssues({ ...input, role: undefined }), ...passwordIssues(password));
      if (issues.length > 0) throw new DomainError('validation_failed', undefined, issues);
      const password_hash = await hashPassword(password, passwordCost);
      try {
        const id = await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('users')
            .values({
              username,
              display_name: displayName || username,
              role,
              password_hash,
              created_at: now(),
              must_change_password: input.mustChangePassword ? 1 : 0,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await writeScopes(trx, row.id, { units: input.units, members: input.members, plans: input.plans });
          const [created] = await withScopes(trx, [
            await trx.selectFrom('users').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow(),
          ]);
          await writeAudit(trx, actor, {
            action: 'user.create',
            subject: username,
            after: userView(created!),
          });
          return row.id;
        });
        return byId(id);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        throw new DomainError('conflict', `用户名 ${username} 已存在 / username ${username} already exists`, [
          { path: ['username'], message: 'username：用户名已存在 / already taken' },
        ]);
      }
    },

    findUser,

    async listUsers() {
      return withScopes(db, await db.selectFrom('users').selectAll().orderBy('username').execute());
    },

    async updateUser(id, patch, actor = 'cli') {
      const before = await byId(id);
      const issues = patchIssues(patch);
      if (issues.length > 0) throw new DomainError('validation_failed', undefined, issues);
      await db.transaction().execute(async (trx) => {
        const set = {
          ...(patch.role !== undefined && { role: patch.role }),
          ...(patch.displayName !== undefined && { display_name: patch.displayName }),
          ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
        };
        if (Object.keys(set).length > 0)
          await trx.updateTable('users').set(set).where('id', '=', id).execute();
        await writeScopes(trx, id, patch);
        // A disabled account's sessions and tokens end now, not when they expire.
        if (patch.disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        const [after] = await withScopes(trx, [
          await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
        ]);
        await writeAudit(trx, actor, {
          action: editAction(before, patch),
          subject: before.username,
          before: userView(before),
          after: userView(after!),
        });
      });
      return byId(id);
    },

    async setPassword(id, password, options = {}) {
      const user = await byId(id);
      const issues = passwordIssues(password);
      if (issues.length > 0) throw new DomainError('validation_failed', undefined, issues);
      const password_hash = await hashPassword(password, passwordCost);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash, must_change_password: options.mustChange ? 1 : 0 })
          .where('id', '=', id)
          .execute();
        let ending = trx.deleteFrom('sessions').where('user_id', '=', id);
        if (options.keepToken) ending = ending.where('token_hash', '<>', sha256(options.keepToken));
        await ending.execute();
        await writeAudit(trx, options.actor ?? 'cli', {
          action: options.mustChange ? 'user.password_reset' : 'user.password_change',
          subject: user.username,
          after: { mustChangePassword: Boolean(options.mustChange) },
        });
      });
      return byId(id);
    },

    async verifyPassword(username, password) {
      const user = await findUser(username);
      const ok = await checkPassword(
        password,
        user?.passwordHash ?? (await (dummyHash ??= hashPassword('dabiao-no-such-user', passwordCost))),
      );
      if (!ok || !user || user.disabled) return null;
      if (needsRehash(user.passwordHash, passwordCost)) {
        const password_hash = await hashPassword(password, passwordCost);
        await db.updateTable('users').set({ password_hash }).where('id', '=', user.id).execute();
        return { ...user, passwordHash: password_hash };
      }
      return user;
    },
  };
}
