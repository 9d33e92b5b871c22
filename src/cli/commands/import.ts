/**
 * `dabiao import FILE [--db PATH] [--title T] [--issuer I] [--year Y] [--jurisdiction 吉林市]`
 * stores a plan document in the database and prints its id with task and target counts.
 * The same file again is recognised by its content and not stored twice (exit 0).
 */
import { loadConfig } from '../../config';
import { importPlanFile } from '../../app/import-plan-file';
import { openStore } from '../../db/open-store';
import { JURISDICTIONS } from '../../demo/jurisdictions';
import { isDomainError } from '../../errors';
import { PLAN_STATE_LABELS, YEAR_BOUNDS, isPlanYear } from '../../shared/index.js';
import { findDivision } from '../../app/china-divisions';
import { processIo, readInputFile, type CliIo } from '../cli-io';
import { parseCommand } from '../parse-command';

const HELP = `用法 / usage: dabiao import 文件 [--db 数据库文件或 postgres://…] [--title 标题] [--issuer 发文机关] [--year 年份] [--jurisdiction 辖区]

把方案文件（.txt/.md、.docx、.xlsx、.csv）导入数据库，显示方案编号、任务数和量化目标数。
同一文件再次导入时只提示已存在，不会重复导入。

选项 / options:
  --db            数据库（默认 data/dabiao.db，或环境变量 DATABASE_URL）
  --title         方案标题（默认取文件中的标题或文件名）
  --issuer        发文机关，如 吉林市人民政府
  --year          发文年份，如 2023（规划期默认从此年开始）
  --jurisdiction  辖区，用于“每个县（市）”类目标：${Object.keys(JURISDICTIONS).join('、')}
  -h, --help      显示本帮助 / show this help`;

/** Runs `dabiao import`; exit 0 on success or an existing plan, 1 on a bad file, 2 on bad usage. */
export async function run(args: string[], io: CliIo = processIo()): Promise<number> {
  const out = (line: string) => io.stdout.write(line + '\n');
  const err = (line: string) => io.stderr.write(line + '\n');
  const parsed = parseCommand(
    args,
    {
      db: { type: 'string' },
      title: { type: 'string' },
      issuer: { type: 'string' },
      year: { type: 'string' },
      jurisdiction: { type: 'string' },
    },
    HELP,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    err(`请给出一个方案文件 / give exactly one plan file\n\n${HELP}`);
    return 2;
  }
  const year = values.year === undefined ? null : Number(values.year);
  if (year !== null && !isPlanYear(year)) {
    const { min, max } = YEAR_BOUNDS;
    err(`--year 应为 ${min} 至 ${max} 之间的年份 / --year must be a year between ${min} and ${max}`);
    return 2;
  }
  // Any prefecture- or county-level division by name (吉林市, 黄石市), its members from the built-in list.
  const jurisdiction =
    values.jurisdiction === undefined
      ? undefined
      : (JURISDICTIONS[values.jurisdiction] ?? findDivision(values.jurisdiction) ?? undefined);
  if (values.jurisdiction !== undefined && !jurisdiction) {
    err(
      `未知辖区“${values.jurisdiction}”，请写地级或县级行政区划全称，如 ${Object.keys(JURISDICTIONS).join('、')} / unknown jurisdiction`,
    );
    return 2;
  }

  const file = positionals[0]!;
  const data = await readInputFile(file, io);
  if (!data) return 1;
  const config = loadConfig(io.env, values.db === undefined ? {} : { database: values.db });
  const store = await openStore(config);
  try {
    const result = await importPlanFile(
      store,
      file,
      data,
      { title: values.title, issuer: values.issuer, year, jurisdiction },
      'cli',
    );
    const { plan } = result;
    out(
      result.created
        ? `已导入方案 #${plan.id}《${plan.title}》 / imported plan ${plan.id}`
        : `方案已存在，未重复导入：#${plan.id}《${plan.title}》 / plan already exists, not imported again`,
    );
    out(
      `  任务 ${result.tasks} 项，量化目标 ${result.targets} 个 / ${result.tasks} tasks, ${result.targets} targets`,
    );
    out(
      `  规划期 ${plan.startYear}–${plan.horizonYear} 年${plan.jurisdiction ? `，辖区 ${plan.jurisdiction}` : ''}`,
    );
    out(
      plan.state === 'draft'
        ? `  状态：${PLAN_STATE_LABELS.draft}（评估员核对后在网页上发布，发布前填报员和领导看不到） / state: draft until an evaluator publishes it`
        : `  状态：${PLAN_STATE_LABELS[plan.state]} / state: ${plan.state}`,
    );
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
