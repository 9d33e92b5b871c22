/**
 * Runs `dabiao …` in this process through `main(argv, io)`, with its own streams: what a
 * terminal would show, without starting Node and tsx for every case.
 */
import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io';
import { main } from '../../src/cli/main';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([options.stdin ?? '']),
    env: options.env ?? process.env,
  };
  const before = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const status = await main(argv, io);
    return { status, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}
