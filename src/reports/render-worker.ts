/**
 * The worker side of the render pool: draws one job per call on its own thread, so a report
 * that takes seconds of CPU never holds up the server's event loop. A domain error (a chart
 * too large) comes back as plain data, since error classes do not survive the thread boundary.
 */
import { isDomainError } from '../errors';
import { drawRenderJob, type RenderJob } from './render-job';

export type RenderReply =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; code: string; message: string; issues: unknown[] };

export default async function renderInWorker(job: RenderJob): Promise<RenderReply> {
  try {
    return { ok: true, bytes: await drawRenderJob(job) };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, code: e.code, message: e.message, issues: e.issues };
    throw e;
  }
}
