/**
 * Reads a plan document of any supported kind into tasks: plain text (.txt/.md, UTF-8,
 * UTF-16 or GB18030), Word .docx, Excel .xlsx (first sheet with a task column) and CSV.
 * Every way a file can fail to be a plan ends in a `DomainError` naming the problem, never
 * in a crash or an empty plan.
 */
import path from 'node:path';
import { extractPlan, findColumns, textBlocks, type DocBlock, type PlanOptions } from '../../extractors/plan';
import { extractTargets } from '../../extractors/targets/extract-targets';
import type { ExtractedPlan } from '../../extractors/types';
import { DomainError } from '../errors';
import { decodeText } from './decode-text';
import { parseCsv } from './parse-csv';
import { readOfficeFile } from './read-office-file';
import { sniffFormat } from './sniff-format';

const fileIssue = (message: string) => [{ path: ['file'], message }];

function emptyDocument(fileName: string): DomainError {
  return new DomainError(
    'empty_document',
    `文件“${fileName}”没有可读取的内容 / “${fileName}” has no readable content`,
    fileIssue('empty_document'),
  );
}

function noTaskColumn(fileName: string, header: readonly string[] | undefined): DomainError {
  const seen = (header ?? []).map((c) => c.trim()).filter(Boolean);
  const shown = seen.length > 0 ? `（表头：${seen.join('、')}）` : '';
  return new DomainError(
    'no_task_column',
    `“${fileName}”的表格中找不到“工作任务”列${shown} / no task column (工作任务/任务/重点任务…) in the table of “${fileName}”`,
    [{ path: ['columns'], message: 'no_task_column' }],
  );
}

const hasText = (blocks: readonly DocBlock[]): boolean =>
  blocks.some((b) => (b.kind === 'prose' ? b.lines.length > 0 : b.rows.some((r) => r.some((c) => c.trim()))));

/** The document's blocks in reading order, by format. */
async function blocksOf(fileName: string, data: Buffer): Promise<DocBlock[]> {
  const format = sniffFormat(fileName, data);
  if (format === 'docx') return readOfficeFile('docx', fileName, data);
  if (format === 'xlsx') {
    const sheets = (await readOfficeFile('xlsx', fileName, data)).filter((s) => s.rows.length > 0);
    if (sheets.length === 0) throw emptyDocument(fileName);
    const taskSheet = sheets.find((s) => s.rows.some((row) => findColumns(row) !== null));
    if (!taskSheet) throw noTaskColumn(fileName, sheets[0]!.rows[0]);
    return [{ kind: 'table', rows: taskSheet.rows }];
  }
  const { text } = decodeText(data, fileName);
  if (text.trim() === '') throw emptyDocument(fileName);
  if (format === 'csv') {
    const rows = parseCsv(text);
    if (!rows.some((row) => findColumns(row) !== null)) throw noTaskColumn(fileName, rows[0]);
    return [{ kind: 'table', rows }];
  }
  return textBlocks(text);
}

/**
 * Reads a plan file's bytes; the plan is named after the file.
 * @example await readPlan('000_3cb08648fdcd494e.txt', bytes) // { plan, title, tasks: [53 tasks] }
 */
export async function readPlan(
  fileName: string,
  data: Buffer,
  options: PlanOptions = { extractTargets },
): Promise<ExtractedPlan> {
  const name = path.basename(fileName);
  const blocks = await blocksOf(name, data);
  if (!hasText(blocks)) throw emptyDocument(name);
  const reading = extractPlan(name, blocks, options);
  if (reading.plan.tasks.length > 0) return reading.plan;
  if (reading.tables > 0 && reading.tablesWithoutTaskColumn === reading.tables) {
    const firstTable = blocks.find((b) => b.kind === 'table');
    throw noTaskColumn(name, firstTable?.kind === 'table' ? firstTable.rows[0] : undefined);
  }
  throw new DomainError(
    'no_tasks_found',
    `“${name}”中没有找到任务表（序号/工作任务/责任单位）或含量化目标的句子 / no task table and no sentence with a quantified target in “${name}”`,
    fileIssue('no_tasks_found'),
  );
}
