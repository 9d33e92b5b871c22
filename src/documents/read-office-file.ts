/**
 * Opens a .docx or .xlsx with a budget: the archive's directory is checked first (no inflating),
 * then the reader (mammoth, exceljs) runs in a worker thread with a capped heap and a time limit,
 * so a file that still turns out heavy ends that worker — never the service, never the other
 * requests' memory.
 */
import { Worker } from 'node:worker_threads';
import type { DocBlock } from '../../extractors/plan';
import { DomainError, type ErrorCode, type ErrorIssue } from '../errors';
import { checkArchive } from './archive-guard';
import type { OfficeJob, OfficeKind } from './office-worker';
import type { SheetTable } from './xlsx-tables';

/** What one office file may cost while it is read. */
export const OFFICE_BUDGET = { heapMb: 512, seconds: 30 } as const;

const WORKER = new URL('./office-worker-entry.mjs', import.meta.url);

type Reply = { value: unknown } | { error: { code: ErrorCode; message: string; issues: ErrorIssue[] } };

function overBudget(fileName: string, why: string, whyEn: string): DomainError {
  return new DomainError('payload_too_large', `文件“${fileName}”${why} / “${fileName}”: ${whyEn}`, [
    { path: ['file'], message: `${why} / ${whyEn}` },
  ]);
}

export function readOfficeFile(kind: 'docx', fileName: string, data: Buffer): Promise<DocBlock[]>;
export function readOfficeFile(kind: 'xlsx', fileName: string, data: Buffer): Promise<SheetTable[]>;
export function readOfficeFile(kind: OfficeKind, fileName: string, data: Buffer): Promise<unknown> {
  checkArchive(kind === 'docx' ? 'Word' : 'Excel', fileName, data);
  const job: OfficeJob = { kind, fileName, data };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: OFFICE_BUDGET.heapMb },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            overBudget(
              fileName,
              `读取超过 ${OFFICE_BUDGET.seconds} 秒，已停止`,
              `reading took over ${OFFICE_BUDGET.seconds} s and was stopped`,
            ),
          ),
        ),
      OFFICE_BUDGET.seconds * 1000,
    );
    worker.once('message', (reply: Reply) =>
      settle(() =>
        'value' in reply
          ? resolve(reply.value)
          : reject(new DomainError(reply.error.code, reply.error.message, reply.error.issues)),
      ),
    );
    worker.once('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? overBudget(
                fileName,
                `读取所需内存超过 ${OFFICE_BUDGET.heapMb} MB，已停止`,
                `reading needed over ${OFFICE_BUDGET.heapMb} MB and was stopped`,
              )
            : new DomainError('unprocessable', `无法读取文件“${fileName}” / cannot read “${fileName}”`, [
                { path: ['file'], message: e.message },
              ]),
        ),
      ),
    );
    worker.once('exit', () =>
      settle(() =>
        reject(new DomainError('unprocessable', `无法读取文件“${fileName}” / cannot read “${fileName}”`)),
      ),
    );
  });
}
