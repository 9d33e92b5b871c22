/**
 * `dabiao backup OUT [--db …]` and `dabiao restore IN [--db …] [--replace]`: a consistent copy
 * of the database while the service keeps serving and writing (SQLite `VACUUM INTO`,
 * PostgreSQL `pg_dump`), and putting one back (`pg_restore --clean` on PostgreSQL).
 */
import { loadConfig } from '../../config';
import { backupDatabase, restoreDatabase } from '../../db/backup';
import { isDomainError } from '../../errors';
import { processIo, type CliIo } from '../cli-io';
import { parseCommand } from '../parse-command';

const BACKUP_HELP = `用法 / usage: dabiao backup 备份文件 [--db 数据库文件或 postgres://…]

在服务运行、数据持续写入时生成一致的数据库备份：SQLite 用 VACUUM INTO，PostgreSQL 用 pg_dump（自定义格式）。
已存在的备份文件不会被覆盖。

选项 / options:
  --db        数据库（默认 data/dabiao.db，或环境变量 DATABASE_URL）
  -h, --help  显示本帮助 / show this help`;

const RESTORE_HELP = `用法 / usage: dabiao restore 备份文件 [--db 数据库文件或 postgres://…] [--replace]

用备份恢复数据库。SQLite：先检查备份文件，再整体替换（已有数据库须加 --replace，请先停止服务）；
PostgreSQL：pg_restore --clean 恢复到 --db 指定的数据库。

选项 / options:
  --db        数据库（默认 data/dabiao.db，或环境变量 DATABASE_URL）
  --replace   替换已有的 SQLite 数据库文件
  -h, --help  显示本帮助 / show this help`;

async function command(
  args: string[],
  io: CliIo,
  help: string,
  act: (file: string, database: string, replace: boolean) => Promise<string>,
): Promise<number> {
  const out = (line: string) => io.stdout.write(line + '\n');
  const err = (line: string) => io.stderr.write(line + '\n');
  const parsed = parseCommand(args, { db: { type: 'string' }, replace: { type: 'boolean' } }, help, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    err(`请给出一个备份文件 / give exactly one backup file\n\n${help}`);
    return 2;
  }
  const { database } = loadConfig(io.env, values.db === undefined ? {} : { database: values.db });
  try {
    out(await act(positionals[0]!, database, values.replace ?? false));
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    err(e.message);
    return 1;
  }
}

/** Runs `dabiao backup`. */
export function runBackup(args: string[], io: CliIo = processIo()): Promise<number> {
  return command(args, io, BACKUP_HELP, async (file, database) => {
    await backupDatabase(database, file);
    return `已备份到 ${file} / backed up to ${file}`;
  });
}

/** Runs `dabiao restore`. */
export function runRestore(args: string[], io: CliIo = processIo()): Promise<number> {
  return command(args, io, RESTORE_HELP, async (file, database, replace) => {
    await restoreDatabase(file, database, replace);
    return `已从 ${file} 恢复 / restored from ${file}`;
  });
}
