/**
 * `dabiao serve [--port N] [--db PATH|postgres://…] [--host H]`: opens the database (running
 * migrations), makes sure an administrator exists, serves the API until Ctrl+C.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig, type Config, type ConfigOverrides } from '../../config';
import { openStore } from '../../db/open-store';
import type { Store } from '../../db/store';
import { closeOnSignal, startServer } from '../../http/start-server';

const HELP = `用法 / usage: dabiao serve [--port 端口] [--db 数据库文件或 postgres://…] [--host 地址]

启动达标 HTTP 服务（/api，接口文档见 /api/openapi.json）。首次启动时创建管理员 admin，
并只显示一次其初始密码。按 Ctrl+C 停止。
`;

export interface ServeOptions {
  overrides: ConfigOverrides;
}

/** Parses `--port/--db/--host`; null after printing help, throws on a bad option. */
export function parseServeArgs(args: string[], extra: Record<string, { type: 'boolean' }> = {}) {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', short: 'p' },
      db: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...extra,
    },
    strict: true,
    allowPositionals: false,
  });
  const overrides: ConfigOverrides = {};
  if (values.port !== undefined) overrides.port = values.port as string;
  if (values.db !== undefined) overrides.database = values.db as string;
  if (values.host !== undefined) overrides.host = values.host as string;
  return { values: values as Record<string, string | boolean | undefined>, overrides };
}

/** Creates `admin` with a random password on a database without one, printing it once. */
export async function ensureAdmin(store: Store, out: (line: string) => void): Promise<void> {
  if (await store.findUser('admin')) return;
  const password = randomBytes(9).toString('base64url');
  await store.createUser({ username: 'admin', displayName: '管理员', role: 'admin', password });
  out(`已创建管理员 admin，初始密码：${password}（只显示这一次，请妥善保存）`);
  out(`created administrator "admin" with password ${password} (shown only once)`);
}

/**
 * Opens the store, runs `prepare` (default: make sure an admin exists), serves until a
 * signal. Lines `prepare` returns are printed after the address.
 */
export async function serve(config: Config, prepare?: (store: Store) => Promise<string[]>): Promise<number> {
  const out = (line: string) => process.stdout.write(line + '\n');
  const store = await openStore(config);
  let after: string[] = [];
  try {
    after = prepare ? await prepare(store) : (await ensureAdmin(store, out), []);
  } catch (e) {
    await store.close();
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`准备数据失败 / setup failed: ${message}\n`);
    return 1;
  }
  let running;
  try {
    running = await startServer(config, store, (err) =>
      process.stderr.write(`服务器内部错误 / internal error: ${String((err as Error)?.stack ?? err)}\n`),
    );
  } catch (e) {
    await store.close();
    const code = (e as { code?: string }).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `端口 ${config.port} 已被占用，请用 --port 换一个端口 / port ${config.port} is in use\n`
        : `无法启动服务 / cannot start: ${(e as Error).message}\n`,
    );
    return 1;
  }
  out(`达标已启动：${running.url}`);
  out(`接口文档 / API: ${running.url}/api/openapi.json   按 Ctrl+C 停止 / Ctrl+C to stop`);
  after.forEach(out);
  await closeOnSignal(running);
  out('达标已停止 / stopped');
  return 0;
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseServeArgs(args);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig(process.env, parsed.overrides);
  } catch (e) {
    process.stderr.write(`配置有误 / invalid configuration: ${(e as Error).message}\n`);
    return 2;
  }
  return serve(config);
}
