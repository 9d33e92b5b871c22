import { readFile } from 'node:fs/promises';
/**
 * The streams a command reads and writes. `bin/dabiao.js` passes the process's own; tests
 * pass their own and call `main(argv, io)` in process instead of spawning a CLI per case.
 */
export interface OutStream {
  write(chunk: string): unknown;
  /** A terminal: draw progress in place; else one plain line per step. */
  isTTY?: boolean;
  columns?: number;
  once?(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream;
  /** Read for configuration (`DATABASE_URL`, `DABIAO_REPORTS_DIR`, …). */
  env: NodeJS.ProcessEnv;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** The bytes of the file a command was given, or null after saying on stderr that it cannot be read. */
export async function readInputFile(file: string, io: CliIo): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    io.stderr.write(`无法读取文件 ${file} / cannot read file ${file}\n`);
    return null;
  }
}
