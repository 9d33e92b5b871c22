/**
 * `dabiao report`: writes a plan's progress report as PDF or, for `--out 文件.docx`, as Word
 * (optionally the table as xlsx and
 * the charts as PNG), for one plan or one responsible unit; with `--all`, for every plan (and
 * with `--per-unit` every unit of every plan), showing progress on stderr.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { openStore } from '../../db';
import type { PlanRecord, Store } from '../../db/store';
import { DomainError, isDomainError } from '../../errors';
import { loadPlanProgress } from '../../app/load-plan-progress';
import { exportCrossPlanPngs } from '../../reports/chart-png-export';
import { reportFileName, writeReportFiles } from '../../reports/report-files';
import { YEAR_BOUNDS, isPlanYear } from '../../shared/index.js';
import { processIo, type CliIo, type OutStream } from '../cli-io';

const HELP = `用法 / usage:
  dabiao report 方案 [--out 文件.pdf|文件.docx] [--db 路径] [--unit 市教育局] [--year 2025] [--verified]
                [--xlsx 文件.xlsx [--unit-sheets]] [--png-dir 目录]
  dabiao report --all [--per-unit] [--out-dir 目录] [--db 路径] [--year 2025] [--verified]

  方案          方案编号或源文件名（如 000_3cb08648fdcd494e.txt）
  --out         报告输出路径：.pdf 写 PDF，.docx 写 Word（默认 PDF，写到项目的 reports/ 目录）
  --unit        只统计该责任单位负责的任务
  --year        统计截至该年底（默认：有填报数据的最近一年）
  --verified    只计已核实的数据（默认计全部填报数据）
  --xlsx        同时导出进度表（Excel）
  --unit-sheets 与 --xlsx 合用：进度表里每个责任单位另有一页
  --png-dir     同时把图表导出为 PNG（便于粘贴到 Word）
  --all         为每个方案各写一份 PDF 报告和 Excel 进度表
  --per-unit    与 --all 合用：再为每个责任单位各写一份
  --out-dir     --all 的输出目录（默认 reports/）
`;

const OPTIONS = {
  out: { type: 'string' },
  db: { type: 'string' },
  unit: { type: 'string' },
  year: { type: 'string' },
  verified: { type: 'boolean', default: false },
  xlsx: { type: 'string' },
  'unit-sheets': { type: 'boolean', default: false },
  'png-dir': { type: 'string' },
  all: { type: 'boolean', default: false },
  'per-unit': { type: 'boolean', default: false },
  'out-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function run(args: string[], io: CliIo = processIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    io.stderr.write(`参数有误 / bad arguments: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && !isPlanYear(year)) {
    const { min, max } = YEAR_BOUNDS;
    io.stderr.write(`--year 应为 ${min} 至 ${max} 之间的年份 / --year must be a year: ${o.year}\n`);
    return 2;
  }
  if (o.all ? positionals.length > 0 : positionals.length !== 1) {
    io.stderr.write(`请指定一个方案，或使用 --all / name one plan, or use --all\n\n${HELP}`);
    return 2;
  }

  const config = loadConfig(io.env, o.db ? { database: o.db } : {});
  const store = await openStore(config);
  try {
    const dataState = o.verified ? 'verified' : 'all';
    const load = async (plan: PlanRecord, unit?: string) =>
      loadPlanProgress(store, plan, {
        asOfYear: year,
        dataState,
        unit,
      });

    if (!o.all) {
      const view = await load(await findPlan(store, positionals[0]!), o.unit);
      const report = path.resolve(o.out ?? path.join(config.reportsDir, reportFileName(view, 'pdf')));
      const files = { report, xlsx: o.xlsx, pngDir: o['png-dir'], unitSheets: o['unit-sheets'] };
      for (const file of await writeReportFiles(view, files, { timeZone: config.timeZone })) {
        io.stdout.write(`已写入 / written: ${file}\n`);
      }
      return 0;
    }

    const outDir = path.resolve(o['out-dir'] ?? config.reportsDir);
    const items: { plan: PlanRecord; unit?: string }[] = [];
    const plans = await store.listPlans();
    for (const plan of plans) {
      items.push({ plan });
      if (o['per-unit']) {
        const units = (await load(plan)).units.filter((u) => u.total > 0).map((u) => u.unit);
        items.push(...units.map((unit) => ({ plan, unit })));
      }
    }
    if (items.length === 0)
      throw new DomainError('not_found', '数据库中还没有方案 / no plans in the database');
    const bar = progressBar(items.length, io.stderr);
    for (const item of items) {
      bar.start(item.unit ? `${item.unit}（${item.plan.title}）` : item.plan.title);
      const view = await load(item.plan, item.unit);
      const pdf = path.join(outDir, reportFileName(view, 'pdf'));
      const files = { report: pdf, xlsx: path.join(outDir, reportFileName(view, 'xlsx')) };
      await writeReportFiles(view, files, { timeZone: config.timeZone });
      bar.finish(path.basename(pdf));
    }
    const compared = (await exportCrossPlanPngs(await Promise.all(plans.map((plan) => load(plan))), outDir))
      .length;
    io.stdout.write(`共生成 ${items.length} 份报告 / ${items.length} reports written to ${outDir}\n`);
    if (compared > 0) io.stdout.write(`另有 ${compared} 张跨方案对比图 / cross-plan charts: 对比-*.png\n`);
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

async function findPlan(store: Store, idOrName: string): Promise<PlanRecord> {
  const plan = await store.findPlan(/^\d+$/.test(idOrName) ? Number(idOrName) : idOrName);
  if (plan) return plan;
  throw new DomainError(
    'not_found',
    `找不到方案“${idOrName}”（请给出方案编号或源文件名） / plan not found: ${idOrName}`,
    [{ path: ['plan'], message: '没有这个编号或源文件名的方案 / no plan with this id or file name' }],
  );
}

/** The latest year with any figure, else the current year within the plan period. */
/**
 * A hand-drawn bar on stderr (`[██████░░░░] 3/5 正在生成 吉林市….pdf`), redrawn in place on a
 * terminal; elsewhere (a log, a pipe) one plain line per finished item.
 */
function progressBar(total: number, stream: OutStream) {
  const width = 24;
  let done = 0;
  const draw = (label: string) => {
    const filled = Math.round((done / total) * width);
    const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${label}`;
    stream.write(`\r\x1b[2K${fitColumns(line, (stream.columns ?? 80) - 1)}`);
  };
  return {
    /** Shows what is being written now (terminal only). */
    start(label: string) {
      if (stream.isTTY) draw(`正在生成 ${label}`);
    },
    finish(label: string) {
      done += 1;
      if (!stream.isTTY) stream.write(`[${done}/${total}] ${label}\n`);
      else if (done === total) draw('完成 / done\n');
    },
  };
}

/** Cuts a line to a terminal width, counting CJK characters as two columns. */
function fitColumns(line: string, columns: number): string {
  let used = 0;
  let out = '';
  for (const ch of line) {
    const w = /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
    if (used + w > columns) return out + '…';
    used += w;
    out += ch;
  }
  return out;
}
