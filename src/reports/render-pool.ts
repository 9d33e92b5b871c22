/**
 * Worker threads that draw charts and reports (piscina): the server hands a job over as plain
 * data and gets the bytes back, so seconds of canvas and PDF work never stall its event loop.
 * Threads start on the first job and stay warm a while (loading Chart.js, canvas and the
 * fonts takes a second), then exit when idle. Queueing and refusing are the caller's
 * (`createRenderer` in src/http): the pool never holds more jobs than it has threads.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { DomainError, type ErrorCode, type ErrorIssue } from '../errors';
import type { RenderJob } from './render-job';
import type { RenderReply } from './render-worker';

const WORKER = fileURLToPath(new URL('./render-worker-entry.mjs', import.meta.url));
/** A warm thread is kept this long after its last job. */
const IDLE_MS = 5 * 60_000;

export interface RenderPool {
  /** The bytes of one drawn job; a domain error raised in the worker is raised again here. */
  run(job: RenderJob): Promise<Buffer>;
  /** Lets the jobs under way finish, then stops every thread. */
  close(): Promise<void>;
}

/**
 * canvas's native library, loaded in this thread too: when the last thread holding it exits,
 * the library is unloaded under the others and the process dies (SIGSEGV) as a worker stops.
 * Held here, it stays loaded for the life of the process.
 */
function holdCanvasLibrary(): void {
  createRequire(import.meta.url)('canvas');
}

export function createRenderPool({ threads }: { threads: number }): RenderPool {
  let pool: Piscina | null = null;
  const started = () => {
    if (!pool) holdCanvasLibrary();
    return (pool ??= new Piscina({ filename: WORKER, minThreads: 0, maxThreads: threads, idleTimeout: IDLE_MS }));
  };
  return {
    async run(job) {
      const reply = (await started().run(job)) as RenderReply;
      if (!reply.ok) throw new DomainError(reply.code as ErrorCode, reply.message, reply.issues as ErrorIssue[]);
      return Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength);
    },
    async close() {
      const running = pool;
      pool = null;
      await running?.close();
    },
  };
}
