/**
 * The worker side of `readOfficeFile`: opens one .docx or .xlsx in its own thread, whose heap is
 * capped, and posts back the blocks or tables — or the domain error, as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isDomainError } from '../errors';
import { docxBlocks } from './docx-blocks';
import { xlsxTables } from './xlsx-tables';

export type OfficeKind = 'docx' | 'xlsx';

export interface OfficeJob {
  kind: OfficeKind;
  fileName: string;
  data: Uint8Array;
}

const job = workerData as OfficeJob;
const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
try {
  const value =
    job.kind === 'docx' ? await docxBlocks(job.fileName, data) : await xlsxTables(job.fileName, data);
  parentPort!.postMessage({ value });
} catch (e) {
  parentPort!.postMessage({
    error: isDomainError(e)
      ? { code: e.code, message: e.message, issues: e.issues }
      : { code: 'unprocessable', message: String((e as Error)?.message ?? e), issues: [] },
  });
}
