/**
 * `dabiao token 用户名 [--name 令牌名] [--db …]`: a named API token for scripts, printed once
 * (send it as `Authorization: Bearer …`). Listed and revoked in the web UI or over the API.
 */
import { loadConfig } from '../../config';
import { openStore } from '../../db/open-store';
import { isDomainError } from '../../errors';
import { processIo, type CliIo } from '../cli-io';
import { parseCommand } from '../parse-command';

const HELP = `用法 / usage: dabiao token 用户名 [--name 令牌名] [--db 数据库文件或 postgres://…]

为用户新建一个 API 令牌并显示（只显示这一次），脚本以 Authorization: Bearer 令牌 调用接口。
令牌名默认为 cli-日期时间；令牌在“用户管理”页面或 DELETE /api/session/tokens/{name} 吊销。`;

export async function run(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommand(args, { db: { type: 'string' }, name: { type: 'string' } }, HELP, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr.write(`请给出一个用户名 / give one username\n\n${HELP}\n`);
    return 2;
  }
  const store = await openStore(loadConfig(io.env, values.db === undefined ? {} : { database: values.db }));
  try {
    const user = await store.findUser(positionals[0]!);
    if (!user || user.disabled) {
      io.stderr.write(`找不到可用的用户 ${positionals[0]} / no such enabled user\n`);
      return 1;
    }
    const name = values.name ?? `cli-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}`;
    const token = await store.createToken(user.id, name);
    io.stdout.write(`${token.token}\n`);
    io.stderr.write(
      `令牌“${token.name}”（${user.username}，有效期至 ${token.expiresAt.slice(0, 10)}）只显示这一次 / shown once\n`,
    );
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    io.stderr.write(e.message + '\n');
    return 1;
  } finally {
    await store.close();
  }
}
