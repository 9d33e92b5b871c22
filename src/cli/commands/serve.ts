/**
 * `dabiao serve [--port N] [--db PATH|postgres://…] [--host H]`: opens the database (running
 * migrations), makes sure an administrator exists, serves the API until Ctrl+C.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig, type Config, type ConfigOverrides } from '../../config';
import { openStore } from '../../db/open-store';
import type { Store } from '../../db/store';
import { serviceLogger } from '../../http/request-log';
import { closeOnSignal, startServer } from '../../http/start-server';
import { translateZodIssues } from '../../http/validate';
import { ZodError } from 'zod';
import { isDomainError } from '../../errors';
import { processIo, type CliIo } from '../cli-io';

const HELP = `用法 / usage: dabiao serve [--port 端口] [--db 数据库文件或 postgres://…] [--host 地址] [--workers N]

启动达标 HTTP 服务（/api，接口文档见 /api/openapi.json）。首次启动时创建管理员 admin，
并只显示一次其初始密码。按 Ctrl+C 停止：进行中的请求处理完后退出。

  --workers N   启动 N 个工作进程共用同一端口（N ≈ CPU 核数；默认 1）
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
      workers: { type: 'string' },
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

/** Creates `admin` with a random password on a database without one; the lines to print once. */
export async function ensureAdmin(store: Store): Promise<string[]> {
  if (await store.findUser('admin')) return [];
  const password = randomBytes(9).toString('base64url');
  try {
    await store.createUser({ username: 'admin', displayName: '管理员', role: 'admin', password });
  } catch (e) {
    // Another instance started on the same database at the same time made it first.
    if (isDomainError(e) && e.code === 'conflict') return [];
    throw e;
  }
  return [
    `已创建管理员 admin，初始密码：${password}（只显示这一次，请妥善保存）`,
    `created administrator "admin" with password ${password} (shown only once)`,
  ];
}

export interface ServeHooks {
  /** Before listening: data the server must have from its first request (the demo seed). */
  prepare?: (store: Store) => Promise<void>;
  /** Once listening: accounts and other lines to print after the address. */
  announce: (store: Store) => Promise<string[]>;
}

/** `配置有误 / invalid configuration` with one line per bad setting, in the user's words. */
export function configError(e: unknown): string {
  const issues =
    e instanceof ZodError ? translateZodIssues(e.issues) : [{ message: String((e as Error).message) }];
  return ['配置有误 / invalid configuration:', ...issues.map((i) => `  ${i.message}`)].join('\n') + '\n';
}

/**
 * Opens the store, prepares, serves until SIGINT/SIGTERM, then closes everything. `quiet`
 * (a worker of `--workers`) leaves the address and the stop line to the primary.
 */
export async function serve(
  config: Config,
  hooks: ServeHooks = { announce: ensureAdmin },
  { quiet = false, io = processIo() }: { quiet?: boolean; io?: CliIo } = {},
): Promise<number> {
  const out = (line: string) => (quiet ? undefined : io.stdout.write(line + '\n'));
  const store = await openStore(config);
  let running;
  try {
    await hooks.prepare?.(store);
    running = await startServer(config, store, serviceLogger(config.logLevel));
  } catch (e) {
    await store.close();
    const code = (e as { code?: string }).code;
    io.stderr.write(
      code === 'EADDRINUSE'
        ? `端口 ${config.port} 已被占用，请用 --port 换一个端口 / port ${config.port} is in use\n`
        : `无法启动服务 / cannot start: ${(e as Error).message}\n`,
    );
    return 1;
  }
  // Accounts are created only once the port is ours: a password printed by a start that
  // then failed would be lost, as the next start does not print it again.
  const lines = await hooks.announce(store);
  // The address comes last, where the eye lands.
  lines.forEach(out);
  out(`达标已启动：${running.url}`);
  out(`接口文档 / API: ${running.url}/api/openapi.json   按 Ctrl+C 停止 / Ctrl+C to stop`);
  await closeOnSignal(running);
  out('达标已停止 / stopped');
  return 0;
}

/**
 * Parses the serve options and builds the configuration, printing help or the problem; the
 * exit code when the command should stop here. Shared by `serve` and `demo`.
 */
export function serveConfigFromArgs(
  args: string[],
  help: string,
  io: CliIo,
  extra: Record<string, { type: 'boolean' }> = {},
): { config: Config; values: Record<string, string | boolean | undefined> } | number {
  let parsed;
  try {
    parsed = parseServeArgs(args, extra);
  } catch (e) {
    io.stderr.write(`选项有误 / bad option: ${(e as Error).message}\n\n${help}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(help);
    return 0;
  }
  try {
    return { config: loadConfig(io.env, parsed.overrides), values: parsed.values };
  } catch (e) {
    io.stderr.write(configError(e));
    return 2;
  }
}

export async function run(args: string[], io: CliIo = processIo()): Promise<number> {
  const setup = serveConfigFromArgs(args, HELP, io);
  if (typeof setup === 'number') return setup;
  const raw = setup.values.workers;
  const workers = raw === undefined ? 1 : Number(raw);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    io.stderr.write(
      `选项有误 / bad option: --workers 应为 1 至 256 的整数 / must be an integer 1–256\n\n${HELP}`,
    );
    return 2;
  }
  if (workers === 1) return serve(setup.config, undefined, { io });
  const { serveWorkers } = await import('../serve-workers');
  return serveWorkers(
    setup.config,
    workers,
    {
      serve: (config) => serve(config, { announce: async () => [] }, { quiet: true, io }),
      announce: ensureAdmin,
    },
    io,
  );
}
