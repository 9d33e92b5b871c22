/**
 * `dabiao serve --workers N`: N server processes sharing one port (node:cluster), for a machine
 * with N cores. The primary process migrates the database once and creates the first
 * administrator, then forks the workers; each worker is an ordinary `dabiao serve` with its own
 * database connections and render threads. Everything the instances share (sessions, login
 * throttling, the report cache, revisions) is in the database, so any worker answers any
 * request. On SIGINT/SIGTERM the primary passes the signal on and waits: each worker stops
 * accepting, finishes its requests in flight, closes its render threads and database, exits.
 * A worker that dies is replaced, unless it died before ever listening (a bad port, say):
 * then all stop, as a single `dabiao serve` would.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config';
import { openStore } from '../db/open-store';
import type { Store } from '../db/store';
import type { CliIo } from './cli-io';

/** What a worker runs and what the primary does once: `serve` and `ensureAdmin` of the serve command. */
export interface WorkerRoles {
  serve(config: Config): Promise<number>;
  announce(store: Store): Promise<string[]>;
}

/** Runs in both the primary and the workers: the primary supervises, a worker serves. */
export async function serveWorkers(
  config: Config,
  workers: number,
  roles: WorkerRoles,
  io: CliIo,
): Promise<number> {
  const out = (line: string) => io.stdout.write(line + '\n');
  if (!cluster.isPrimary) {
    const code = await roles.serve(config);
    // The channel to the primary would keep the process alive after the server has closed.
    process.disconnect?.();
    return code;
  }
  // Migrations run here, once, before any worker opens the database.
  await (await openStore(config)).close();

  let stopping = false;
  const listening = new Set<Worker>();
  let failed = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', () => listening.add(worker));
    worker.once('exit', (code) => {
      const served = listening.delete(worker);
      if (stopping) return;
      if (!served) {
        failed = true;
        stop();
      } else if (code !== 0) {
        io.stderr.write(`工作进程 ${worker.process.pid} 退出（${code}），已重启 / worker died, restarted\n`);
        fork();
      }
    });
    return worker;
  };
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  // Resolves once every forked worker has exited (replacements included).
  const allExited = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (Object.keys(cluster.workers ?? {}).length > 0) return;
        cluster.off('exit', onExit);
        resolve();
      };
      const onExit = () => setImmediate(check);
      cluster.on('exit', onExit);
    });
  for (let i = 0; i < workers; i++) fork();
  const first = new Promise<{ port: number } | null>((resolve) => {
    cluster.once('listening', (_w, address) => resolve(address));
    void allExited().then(() => resolve(null));
  });
  const address = await first;
  if (!address || failed) {
    await allExited();
    io.stderr.write('无法启动服务 / cannot start: 工作进程未能监听端口 / no worker could listen\n');
    return 1;
  }
  const store = await openStore(config);
  const lines = await roles.announce(store).finally(() => store.close());
  lines.forEach(out);
  const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
  const url = `http://${host}:${address.port}`;
  out(`已启动 ${workers} 个工作进程 / ${workers} worker processes`);
  out(`达标已启动：${url}`);
  out(`接口文档 / API: ${url}/api/openapi.json   按 Ctrl+C 停止 / Ctrl+C to stop`);

  const signalled = new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // Ignore repeats while the workers drain; each worker bounds its own drain.
      process.on('SIGINT', () => undefined);
      process.on('SIGTERM', () => undefined);
      stop();
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await Promise.race([signalled, allExited()]);
  await allExited();
  out('达标已停止 / stopped');
  return failed ? 1 : 0;
}
