/**
 * `dabiao serve` (or `dabiao demo`) as a real child process: started on a free port (`--port 0`), its printed
 * address and first-start admin password read from stdout, stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/dabiao.js', import.meta.url));

/** Children still running, killed when this process exits however it exits (a failed test or bench). */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

export interface ChildServer {
  url: string;
  /** Printed once, on the first start over an empty database. */
  adminPassword: string | null;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export async function startChildServer(
  database: string,
  env: Record<string, string> = {},
  command: 'serve' | 'demo' = 'serve',
  extraArgs: string[] = [],
  /** How long to wait for the address line (several processes start slower on a busy machine). */
  startMs = 45_000,
): Promise<ChildServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, command, '--port', '0', '--db', database, ...extraArgs],
    {
      cwd: path.dirname(path.dirname(BIN)),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${out}`));
    }, startMs);
    const check = () => {
      // The address line and the one after it come last: everything else is printed by then.
      const m = /达标已启动：(http:\/\/\S+)\n.*Ctrl\+C/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => reject(new Error(`server exited:\n${out}`)));
  });
  return {
    url,
    adminPassword: /初始密码：(\S+?)（/.exec(out)?.[1] ?? null,
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
