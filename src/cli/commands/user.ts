/**
 * `dabiao user add|list|passwd|disable`: accounts from the terminal, so a deployment never
 * depends on a password printed once. Every subcommand takes `--db` like the other commands.
 */
import { generatePassword } from '../../db/password-hash';
import { loadConfig } from '../../config';
import { openStore } from '../../db/open-store';
import type { Store, UserRecord } from '../../db/store';
import { isDomainError } from '../../errors';
import { processIo, type CliIo } from '../cli-io';
import { parseCommand } from '../parse-command';
import { ROLES, ROLE_LABELS, type UserRole } from '../../shared/index.js';

const HELP = `用法 / usage:
  dabiao user add 用户名 --role ${ROLES.join('|')} [--unit 责任单位]... [--member 成员]... [--plan 方案编号]...
                  [--name 姓名] [--password 密码]
  dabiao user list
  dabiao user passwd 用户名 [--password 密码]
  dabiao user disable 用户名
  （都可加 --db 数据库文件或 postgres://…）

add     新建账号；不给 --password 时生成一个随机密码并显示，首次登录须修改。
        填报员用 --unit 指定责任单位（如 市教育局），用 --member 指定县（市）区（如 磐石市）。
passwd  重置密码；不给 --password 时生成并显示随机密码，下次登录须修改。
disable 停用账号，其会话和令牌立即失效。`;

type Out = (line: string) => void;

function describe(u: UserRecord): string {
  const scopes = [
    u.units.length > 0 ? `单位 ${u.units.join('、')}` : '',
    u.members.length > 0 ? `成员 ${u.members.join('、')}` : '',
    u.plans.length > 0 ? `方案 ${u.plans.join('、')}` : '',
  ].filter(Boolean);
  const state = u.disabled
    ? '（已停用 / disabled）'
    : u.mustChangePassword
      ? '（须改密码 / must change password）'
      : '';
  return `${u.username}\t${ROLE_LABELS[u.role]}\t${u.displayName}\t${scopes.join('；') || '—'}${state}`;
}

async function found(store: Store, name: string | undefined): Promise<UserRecord> {
  const user = name ? await store.findUser(name) : null;
  if (!user) throw Object.assign(new Error(`找不到用户 ${name ?? ''} / no such user`), { exitCode: 1 });
  return user;
}

type Values = Record<string, string | string[] | boolean | undefined>;

async function dispatch(
  store: Store,
  verb: string,
  name: string | undefined,
  v: Values,
  out: Out,
): Promise<number> {
  const list = (key: string) => (v[key] as string[] | undefined) ?? [];
  if (verb === 'list') {
    for (const u of await store.listUsers()) out(describe(u));
    return 0;
  }
  if (verb === 'add') {
    const generated = v.password === undefined;
    const password = (v.password as string | undefined) ?? generatePassword();
    const user = await store.createUser({
      username: name ?? '',
      displayName: (v.name as string | undefined) ?? name ?? '',
      role: v.role as UserRole,
      password,
      units: list('unit'),
      members: list('member'),
      plans: list('plan').map(Number),
      mustChangePassword: generated,
    });
    out(`已创建 / created: ${describe(user)}`);
    if (generated)
      out(`初始密码 / password: ${password}（首次登录须修改 / must be changed at first sign-in）`);
    return 0;
  }
  const user = await found(store, name);
  if (verb === 'passwd') {
    const generated = v.password === undefined;
    const password = (v.password as string | undefined) ?? generatePassword();
    await store.setPassword(user.id, password, { mustChange: generated });
    out(`已重置 ${user.username} 的密码，其会话和令牌已失效 / password reset, sessions ended`);
    if (generated) out(`新密码 / password: ${password}（下次登录须修改 / must be changed at next sign-in）`);
    return 0;
  }
  if (verb === 'disable') {
    await store.updateUser(user.id, { disabled: true });
    out(`已停用 ${user.username}，其会话和令牌已失效 / disabled, sessions and tokens ended`);
    return 0;
  }
  throw Object.assign(new Error(`未知子命令 / unknown subcommand: ${verb}\n\n${HELP}`), { exitCode: 2 });
}

export async function run(args: string[], io: CliIo = processIo()): Promise<number> {
  const out: Out = (line) => io.stdout.write(line + '\n');
  const err: Out = (line) => io.stderr.write(line + '\n');
  const parsed = parseCommand(
    args,
    {
      db: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string', multiple: true },
      member: { type: 'string', multiple: true },
      plan: { type: 'string', multiple: true },
      name: { type: 'string' },
      password: { type: 'string' },
    },
    HELP,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [verb, name] = positionals;
  if (!verb) {
    err(HELP);
    return 2;
  }
  const store = await openStore(loadConfig(io.env, values.db === undefined ? {} : { database: values.db }));
  try {
    return await dispatch(store, verb, name, values, out);
  } catch (e) {
    if (isDomainError(e)) {
      err(e.message);
      for (const issue of e.issues) err(`  ${issue.path.join('.')}: ${issue.message}`);
      return 1;
    }
    const code = (e as { exitCode?: number }).exitCode;
    if (code === undefined) throw e;
    err((e as Error).message);
    return code;
  } finally {
    await store.close();
  }
}
