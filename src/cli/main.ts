/**
 * The `dabiao` command line: a thin dispatcher. Each command lives in `commands/<name>.ts`
 * and exports `run(args, io)` returning an exit code; it is loaded only when asked for, so
 * `dabiao extract` never pays for the database or the chart renderer.
 */
import { processIo, type CliIo } from './cli-io';

export interface CommandModule {
  run(args: string[], io: CliIo): Promise<number>;
}

interface CommandEntry {
  summary: string;
  load: () => Promise<CommandModule>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  extract: {
    summary: '从方案文件中抽取任务、责任单位和量化目标 / extract tasks and targets from a plan',
    load: () => import('./commands/extract'),
  },
  import: {
    summary: '把方案导入数据库 / import a plan into the database',
    load: () => import('./commands/import'),
  },
  serve: {
    summary: '启动 HTTP 服务 / start the HTTP service',
    load: () => import('./commands/serve'),
  },
  demo: {
    summary: '建库、导入两份示例方案和示例数据并启动服务 / set up demo data and serve',
    load: () => import('./commands/demo'),
  },
  user: {
    summary: '账号管理：新建、列表、重置密码、停用 / add, list, reset or disable accounts',
    load: () => import('./commands/user'),
  },
  token: {
    summary: '为用户新建 API 令牌 / create a named API token for a user',
    load: () => import('./commands/token'),
  },
  'figures-from-report': {
    summary: '读取完成情况报告，列出建议填报的数据 / propose figures read from a completion report',
    load: () => import('./commands/figures-from-report'),
  },
  report: {
    summary: '生成方案进度 PDF 报告 / write a plan progress report as PDF',
    load: () => import('./commands/report'),
  },
  'seed-bench': {
    summary: '造规模测试数据（N 份方案、10 年数据、修改与核实） / seed N plans of benchmark data',
    load: () => import('./commands/seed-bench'),
  },
  backup: {
    summary: '在服务运行时生成一致的数据库备份 / write a consistent backup while serving',
    load: async () => ({ run: (await import('./commands/backup')).runBackup }),
  },
  restore: {
    summary: '用备份恢复数据库 / restore the database from a backup',
    load: async () => ({ run: (await import('./commands/backup')).runRestore }),
  },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  dabiao ${name.padEnd(8)} ${c.summary}`);
  return ['用法 / usage: dabiao <命令> [选项]', '', ...lines, '', '每个命令都支持 --help。'].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage() + '\n');
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`未知命令 / unknown command: ${name}\n\n${usage()}\n`);
    return 2;
  }
  const command = await entry.load();
  return command.run(rest, io);
}
