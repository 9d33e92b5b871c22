/**
 * `dabiao extract FILE [--json]` reads a plan (text, .docx, .xlsx, .csv) and shows its
 * tasks, lead units and quantified targets; `--jsonl FILE` runs the target extractor over
 * JSON Lines task texts. Errors go to stderr in Chinese and English with exit code 1,
 * usage errors with 2.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { extractTargets } from '../../../extractors/targets/extract-targets';
import type { ExtractedPlan, Target } from '../../../extractors/types';
import { readPlan } from '../../documents';
import { isDomainError } from '../../errors';
import { processIo, type CliIo } from '../cli-io';

const HELP = `用法 / usage:
  dabiao extract 文件              以表格显示方案的任务、牵头单位和量化目标
  dabiao extract 文件 --json       以 JSON 输出 { plan, tasks: [{ seq, text, units, targets }] }
  dabiao extract --jsonl 文件      逐行读取 JSON Lines {"id","text"}，逐行输出 {"id","targets"}（文件可为 - 表示标准输入）

支持的文件：纯文本 .txt/.md（UTF-8、UTF-16、GB18030）、Word .docx、Excel .xlsx、CSV。
表格按表头识别列：序号；工作任务/任务/重点任务；责任单位/牵头单位；配合单位；完成时限。
正文中含量化目标的句子也作为任务（序号为空）。

选项 / options:
  --json     输出 JSON / print JSON
  --jsonl    输入为 JSON Lines，逐行抽取目标 / read JSON Lines task texts
  -h, --help 显示本帮助 / show this help`;

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Terminal columns a string takes: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Pads or shortens (with …) to `width` columns, keeping at least one space after. */
function fit(s: string, width: number): string {
  let out = s;
  if (displayWidth(s) > width - 1) {
    out = '';
    for (const ch of s) {
      if (displayWidth(out + ch) > width - 2) break;
      out += ch;
    }
    out += '…';
  }
  return out + ' '.repeat(Math.max(1, width - displayWidth(out)));
}

const OP_SIGN: Record<Target['op'], string> = {
  eq: '=',
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  approx: '≈',
  range: '',
};

/** `≥ 3 家 行业协会 (2025)`, `2–3 个 高水平实习实训基地`, `每年 > 2000 人次 乡村人才`. */
export function formatTarget(t: Target): string {
  const amount = t.op === 'range' ? `${t.value}–${t.max}` : `${OP_SIGN[t.op]} ${t.value}`;
  const scope = [t.each ? `${t.each} ` : '', t.per === 'year' ? '每年 ' : ''].join('');
  const base = t.base ? `（占${t.base}）` : '';
  const deadline = t.deadline ? ` (${t.deadline})` : '';
  return `${scope}${amount} ${t.unit} ${t.subject}${base}${deadline}`.replace(/\s+/g, ' ').trim();
}

function printTable(plan: ExtractedPlan, io: CliIo): void {
  const targets = plan.tasks.reduce((n, t) => n + t.targets.length, 0);
  const qualitative = plan.tasks.filter((t) => t.qualitative).length;
  const lines = [
    `${plan.title ?? plan.plan}（${plan.plan}）`,
    `任务 ${plan.tasks.length} 项，量化目标 ${targets} 个，定性任务 ${qualitative} 项`,
    '',
    `${fit('序号', 6)}${fit('工作任务', 42)}${fit('牵头单位', 20)}量化目标`,
  ];
  for (const task of plan.tasks) {
    const goals = task.targets.length > 0 ? task.targets.map(formatTarget) : ['—（定性）'];
    const head = `${fit(task.seq === null ? '正文' : String(task.seq), 6)}${fit(task.text, 42)}${fit(task.units[0] ?? '—', 20)}`;
    lines.push(head + goals[0]);
    for (const goal of goals.slice(1)) lines.push(' '.repeat(68) + goal);
  }
  io.stdout.write(lines.join('\n') + '\n');
}

function planJson(plan: ExtractedPlan): string {
  const tasks = plan.tasks.map(({ seq, text, units, targets, unitRoles, timeLimit, qualitative }) => ({
    seq,
    text,
    units,
    targets,
    unitRoles,
    timeLimit,
    qualitative,
  }));
  return JSON.stringify({ plan: plan.plan, title: plan.title, tasks }, null, 2);
}

class LineError extends Error {}

/** One `{"id","targets"}` line per input line, in order; a bad line stops with its number. */
async function runJsonLines(file: string, io: CliIo): Promise<void> {
  const input = file === '-' ? io.stdin : createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  // A reader that stops early (`| head`) closes the pipe: that ends the run, it is no error.
  let readerGone = false;
  io.stdout.once?.('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    readerGone = true;
  });
  let n = 0;
  for await (const raw of lines) {
    if (readerGone) break;
    n++;
    const line = (n === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (!line) continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      throw new LineError(`第 ${n} 行不是有效的 JSON / line ${n} is not valid JSON`);
    }
    const text = (item as { text?: unknown } | null)?.text;
    if (typeof item !== 'object' || item === null || Array.isArray(item) || typeof text !== 'string') {
      throw new LineError(`第 ${n} 行缺少字符串字段 text / line ${n} has no string field "text"`);
    }
    const id = (item as { id?: unknown }).id ?? null;
    io.stdout.write(JSON.stringify({ id, targets: extractTargets(text) }) + '\n');
  }
}

export async function run(args: string[], io: CliIo = processIo()): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(HELP + '\n');
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith('-') && a !== '-' && a !== '--json' && a !== '--jsonl');
  const files = args.filter((a) => !a.startsWith('-') || a === '-');
  if (unknown.length > 0 || files.length !== 1 || (args.includes('--json') && args.includes('--jsonl'))) {
    const why =
      unknown.length > 0
        ? `未知选项 / unknown option: ${unknown.join(' ')}`
        : '需要且只需要一个文件 / exactly one FILE is needed';
    io.stderr.write(`dabiao extract: ${why}\n\n${HELP}\n`);
    return 2;
  }
  const file = files[0]!;
  try {
    if (args.includes('--jsonl')) {
      await runJsonLines(file, io);
      return 0;
    }
    const plan = await readPlan(file, await readFile(file));
    if (args.includes('--json')) io.stdout.write(planJson(plan) + '\n');
    else printTable(plan, io);
    return 0;
  } catch (e) {
    io.stderr.write(`dabiao extract: ${describe(e, file)}\n`);
    return 1;
  }
}

function describe(e: unknown, file: string): string {
  if (isDomainError(e) || e instanceof LineError) return e.message;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `找不到文件“${file}” / file not found: ${file}`;
  if (code === 'EISDIR') return `“${file}”是目录，不是文件 / “${file}” is a directory`;
  if (code === 'EACCES') return `没有权限读取“${file}” / permission denied: ${file}`;
  return `读取失败 / failed: ${(e as Error).message}`;
}
