/**
 * `dabiao figures-from-report REPORT --plan ID --year Y [--json] [--db …]` reads a completion
 * report for a stored plan and prints the figures it proposes per target — nothing is stored;
 * figures are accepted on the web page (方案 → 从完成情况报告填报) or through the API.
 */
import path from 'node:path';
import { loadConfig } from '../../config';
import { proposeFiguresFromReport, type FigureProposal } from '../../app/figures-from-report';
import { openStore } from '../../db/open-store';
import type { TargetRecord } from '../../db/store';
import { isDomainError } from '../../errors';
import { formatAmount, isPlanYear, YEAR_BOUNDS } from '../../shared/index.js';
import { processIo, readInputFile, type CliIo } from '../cli-io';
import { displayWidth } from '../display-width';
import { parseCommand } from '../parse-command';

const HELP = `用法 / usage: dabiao figures-from-report 报告文件 --plan 方案编号 --year 年度 [--json] [--db 数据库]

读取完成情况报告（.txt/.md、.docx、有文字层的 .pdf），列出报告中已完成的数据及其对应的目标（建议值，不写入数据库）。
确认后在网页“从完成情况报告填报”或接口 POST /api/plans/{id}/report-figures/accept 中记录。

选项 / options:
  --plan      方案编号（见 dabiao import 的输出）
  --year      报告所属年度，如 2025
  --json      以 JSON 输出全部建议、未匹配的数据和没有数据的目标
  --db        数据库（默认 data/dabiao.db，或环境变量 DATABASE_URL）
  -h, --help  显示本帮助 / show this help`;

/** Runs the command; exit 0 with proposals printed, 1 on a bad file or plan, 2 on bad usage. */
export async function run(args: string[], io: CliIo = processIo()): Promise<number> {
  const out = (line: string) => io.stdout.write(line + '\n');
  const err = (line: string) => io.stderr.write(line + '\n');
  const parsed = parseCommand(
    args,
    { plan: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } },
    HELP,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    err(`请给出一个报告文件 / give exactly one report file\n\n${HELP}`);
    return 2;
  }
  const planId = Number(values.plan);
  if (values.plan === undefined || !Number.isInteger(planId) || planId <= 0) {
    err(`--plan 应为方案编号（正整数） / --plan must be a plan id\n\n${HELP}`);
    return 2;
  }
  const year = Number(values.year);
  if (values.year === undefined || !isPlanYear(year)) {
    err(`--year 应为 ${YEAR_BOUNDS.min} 至 ${YEAR_BOUNDS.max} 之间的年份 / --year must be a year`);
    return 2;
  }
  const file = positionals[0]!;
  const data = await readInputFile(file, io);
  if (!data) return 1;
  const store = await openStore(loadConfig(io.env, values.db === undefined ? {} : { database: values.db }));
  try {
    const result = await proposeFiguresFromReport(
      store,
      planId,
      year,
      { name: path.basename(file), data },
      null,
    );
    if (values.json) {
      out(JSON.stringify(result, null, 2));
      return 0;
    }
    const [targetList, tasks] = await Promise.all([store.listTargets(planId), store.listTasks(planId)]);
    const targets = new Map(targetList.map((t) => [t.id, t]));
    const seq = new Map(tasks.map((t) => [t.id, t.seq]));
    out(
      `《${result.fileName}》 ${year} 年：建议 ${result.proposals.length} 项，未匹配 ${result.unmatched.length} 项，无数据的目标 ${result.withoutFigure.length} 个`,
    );
    out(
      `${result.proposals.length} proposed, ${result.unmatched.length} unmatched, ${result.withoutFigure.length} targets without a figure (nothing stored)`,
    );
    const rows = [
      ['目标', '成员', '建议值', '现有数据', '得分', '报告原文'],
      ...result.proposals.map((p) => row(p, targets.get(p.targetId!)!, seq)),
    ];
    printTable(rows, out);
    if (result.unmatched.length) {
      out('');
      out('未匹配 / unmatched:');
      for (const u of result.unmatched) out(`  ${formatAmount(u.value, u.unit)}  ${quote(u)}`);
    }
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    err(e.message);
    for (const issue of e.issues) err(`  ${issue.path.join('.')}: ${issue.message}`);
    return 1;
  } finally {
    await store.close();
  }
}

const quote = (p: FigureProposal) => {
  const from = Math.max(0, p.figureStart - 16);
  return `${from > 0 ? '…' : ''}${p.sentence.slice(from, p.figureStart)}【${p.sentence.slice(p.figureStart, p.figureEnd)}】`;
};

function row(p: FigureProposal, t: TargetRecord, seq: Map<number, number | null>): string[] {
  return [
    `${seq.get(t.taskId) ?? '—'}. ${t.subject || t.quote}（${t.quote}）`,
    p.member ?? '—',
    formatAmount(p.value, p.unit),
    p.current ? formatAmount(p.current.value, p.unit) : '—',
    (p.score ?? 0).toFixed(2),
    quote(p) + (p.note ? ` ${p.note}` : ''),
  ];
}

function printTable(rows: string[][], out: (line: string) => void): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
  for (const r of rows)
    out(
      r
        .map((cell, c) => cell + ' '.repeat(c === r.length - 1 ? 0 : widths[c]! - displayWidth(cell)))
        .join('  '),
    );
}
