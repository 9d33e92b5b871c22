/**
 * `dabiao demo [--port N] [--db PATH] [--fresh]`: the product on first start. Creates the
 * database (default data/dabiao.db), imports both seed plans with their jurisdictions and
 * example figures (示例数据), creates one demo user per role, and serves on port 3000. A
 * second start finds the data and adds nothing; `--fresh` starts again from an empty file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isPostgres } from '../../config';
import type { Store } from '../../db/store';
import { serve, serveConfigFromArgs } from './serve';
import { ROLE_LABELS, type UserRole } from '../../shared/index.js';
import { processIo, type CliIo } from '../cli-io';

const HELP = `用法 / usage: dabiao demo [--port 端口] [--db 数据库文件] [--fresh]

建库、导入两份示例方案（吉林市、四平市）及其县（市）区和示例数据，创建演示账号，
并在 http://localhost:3000 启动服务。再次运行时沿用已有数据，不会重复导入。
  --fresh   删除已有的演示数据库文件，从头开始
`;

/** Fixed, printed passwords: this is a demo on the local machine, never a production setup. */
/** The demo statistician reports for 市教育局, a responsible unit in both seed plans' tasks. */
export const DEMO_STATISTICIAN_UNITS = ['市教育局'];

export const DEMO_USERS: {
  username: string;
  role: UserRole;
  displayName: string;
  password: string;
  units?: string[];
}[] = [
  { username: 'admin', role: 'admin', displayName: '演示管理员', password: 'demo-admin' },
  {
    username: 'statistician',
    role: 'statistician',
    displayName: '演示填报员（市教育局）',
    password: 'demo-statistician',
    units: DEMO_STATISTICIAN_UNITS,
  },
  { username: 'evaluator', role: 'evaluator', displayName: '演示评估员', password: 'demo-evaluator' },
  { username: 'leader', role: 'leader', displayName: '演示领导', password: 'demo-leader' },
];

async function ensureDemoUsers(store: Store): Promise<string[]> {
  const lines = ['', '演示账号（仅供演示，请勿用于正式环境） / demo logins (demo only):'];
  for (const u of DEMO_USERS) {
    const existing = await store.findUser(u.username);
    if (!existing) await store.createUser(u);
    // A demo database from before accounts had units: bind its statistician now.
    else if (u.units && existing.units.length === 0) await store.updateUser(existing.id, { units: u.units });
    const password =
      !existing || (await store.verifyPassword(u.username, u.password)) ? u.password : '（已修改 / changed）';
    lines.push(
      `  ${ROLE_LABELS[u.role].padEnd(4, '　')} ${u.username.padEnd(13)} 密码 / password: ${password}`,
    );
  }
  return lines;
}

function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

async function seed(store: Store): Promise<void> {
  const { seedDemo } = await import('../../demo/seed-demo');
  await seedDemo(store);
}

async function announce(store: Store): Promise<string[]> {
  const plans = await store.listPlans();
  const lines = ['示例方案 / demo plans（含示例数据 2023–2025）:'];
  for (const plan of plans) lines.push(`  [${plan.id}] ${plan.title}`);
  return [...lines, ...(await ensureDemoUsers(store)), ''];
}

export async function run(args: string[], io: CliIo = processIo()): Promise<number> {
  const setup = serveConfigFromArgs(args, HELP, io, { fresh: { type: 'boolean' } });
  if (typeof setup === 'number') return setup;
  const { config } = setup;
  if (setup.values.fresh) {
    if (isPostgres(config)) {
      io.stderr.write('--fresh 只适用于数据库文件 / --fresh works on a database file only\n');
      return 2;
    }
    removeDatabaseFile(config.database);
  }
  if (!isPostgres(config)) fs.mkdirSync(path.dirname(path.resolve(config.database)), { recursive: true });
  return serve(config, { prepare: seed, announce }, { io });
}
