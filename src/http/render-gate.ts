/**
 * Drawing a report takes seconds of CPU, so the server draws only a few at once and keeps a
 * short queue: a request past it is told 503 with Retry-After instead of piling up behind the
 * others (and stalling every other request). Identical requests arriving while a drawing runs
 * wait for that one drawing instead of drawing their own.
 */
import { DomainError } from '../errors';

export class RenderBusy extends DomainError {
  readonly retryAfterSeconds = 5;
  constructor() {
    super('unavailable', '报告生成繁忙，请稍后再试 / too many reports being drawn, retry shortly');
  }
}

export function createRenderGate({ concurrency = 2, queue = 8 } = {}) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const inflight = new Map<string, Promise<Buffer>>();

  const acquire = async () => {
    if (running < concurrency) {
      running++;
      return;
    }
    if (waiting.length >= queue) throw new RenderBusy();
    await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  let idle: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
    if (running === 0 && waiting.length === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };

  return {
    /** Resolves once no drawing is under way or waiting. */
    idle: () =>
      running === 0 && waiting.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idle.push(resolve)),
    /** Drawings under way and drawings waiting for a slot. */
    load: () => ({ running, waiting: waiting.length }),
    /** The drawing for `key`: joins one under way, else waits for a slot (503 past the queue). */
    draw(key: string, work: () => Promise<Buffer>): Promise<Buffer> {
      const joined = inflight.get(key);
      if (joined) return joined;
      const drawing = (async () => {
        await acquire();
        try {
          return await work();
        } finally {
          release();
        }
      })();
      inflight.set(key, drawing);
      void drawing.finally(() => inflight.delete(key)).catch(() => undefined);
      return drawing;
    },
  };
}

export type RenderGate = ReturnType<typeof createRenderGate>;
