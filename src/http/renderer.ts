/**
 * How the server draws charts, reports and sheets: on worker threads (`createRenderPool`),
 * at most one job per thread at a time with a short queue behind them (`createRenderGate`);
 * past the queue a request is told 503 with Retry-After instead of waiting behind the others.
 * Requests for the same content (the same key: an ETag over what is drawn) arriving while it
 * is being drawn wait for that one drawing.
 */
import type { Response } from 'express';
import type { Config } from '../config';
import type { RenderJob } from '../reports/render-job';
import { createRenderPool, type RenderPool } from '../reports/render-pool';
import { createRenderGate, RenderBusy } from './render-gate';

/** Where a finished drawing is kept across requests and instances (the report cache). */
export interface DrawnCache {
  get(): Promise<Buffer | null>;
  put(body: Buffer): Promise<void>;
}

export interface Renderer {
  /** The bytes for `key`: the cache's, a drawing under way, or a new one on a worker. */
  draw(key: string, job: RenderJob, cache?: DrawnCache): Promise<Buffer>;
  /** Jobs drawn on a worker since start (not counting cache hits and joined requests). */
  drawn(): number;
  /** Drawings on the workers now, and drawings waiting for one. */
  load(): { running: number; waiting: number };
  /** Finishes the drawings under way and stops the threads. */
  close(): Promise<void>;
}

/**
 * `pool`: threads of the caller's, left running on close (a process hosting several servers,
 * as the test suite does, keeps its threads warm instead of loading Chart.js, canvas and the
 * fonts again for each); by default the renderer starts threads of its own and stops them.
 */
export function createRenderer(
  { renderThreads, renderQueue }: Pick<Config, 'renderThreads' | 'renderQueue'>,
  pool?: RenderPool,
): Renderer {
  const threads = pool ?? createRenderPool({ threads: renderThreads });
  const gate = createRenderGate({ concurrency: renderThreads, queue: renderQueue });
  let drawn = 0;
  return {
    draw(key, job, cache) {
      return gate.draw(key, async () => {
        const kept = await cache?.get();
        if (kept) return kept;
        const body = await threads.run(job);
        drawn++;
        await cache?.put(body);
        return body;
      });
    },
    drawn: () => drawn,
    load: () => gate.load(),
    // Stopping a thread mid-drawing (or mid-start, loading canvas) can take the process down.
    close: async () => {
      await gate.idle();
      if (!pool) await threads.close();
    },
  };
}

/** Awaits a drawing, adding Retry-After to the answer when the renderer is too busy (503). */
export async function drawnOrBusy(res: Response, drawing: Promise<Buffer>): Promise<Buffer> {
  try {
    return await drawing;
  } catch (e) {
    if (e instanceof RenderBusy) res.setHeader('Retry-After', String(e.retryAfterSeconds));
    throw e;
  }
}
