/**
 * `dabiao seed-bench --plans N [--db PATH|postgres://…]`: fills a database with N varied plans,
 * ten years of figures, corrections and 核实 / 退回 states, through the product's own write
 * path (`src/demo/seed-bench.ts`), for `npm run bench scale` and for sizing a deployment.
 */
import { loadConfig } from '../../config';
import { openStore } from '../../db/open-store';
import { seedBench } from '../../demo/seed-bench';
import { seedDemo } from '../../demo/seed-demo';
import { processIo, type CliIo } from '../cli-io';
import { parseCommand } from '../parse-command';

const HELP = `用法 / usage: dabiao seed-bench --plans N [--db 数据库文件或 postgres://…]

在数据库中造规模测试数据：两份示例方案之外再导入 N 份由示例方案变化而来的方案（目标值各不相同、带辖区成员），
每个目标 10 年数据（按成员的目标逐个成员），约十分之一的数据有修改记录，较早年份的部分数据已核实或退回。
全部经产品自己的写入路径（导入、批量填报、核实），与真实数据一样建索引、留修订。

选项 / options:
  --plans   方案份数（必填，1 至 100000）
  --db      数据库（默认 data/dabiao.db，或环境变量 DATABASE_URL）
  -h, --help 显示本帮助 / show this help`;

export async function run(args: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseCommand(args, { plans: { type: 'string' }, db: { type: 'string' } }, HELP, io);
  if (typeof parsed === 'number') return parsed;
  const plans = Number(parsed.values.plans);
  if (!Number.isInteger(plans) || plans < 1 || plans > 100_000) {
    io.stderr.write(`--plans 应为 1 至 100000 的整数 / --plans must be an integer 1–100000\n\n${HELP}\n`);
    return 2;
  }
  const config = loadConfig(io.env, parsed.values.db === undefined ? {} : { database: parsed.values.db });
  const store = await openStore(config);
  try {
    await seedDemo(store);
    const t0 = performance.now();
    const result = await seedBench(store, plans, (done) => {
      if (done % 10 === 0 || done === plans) io.stderr.write(`\r${done}/${plans}`);
    });
    io.stderr.write('\n');
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    io.stdout.write(
      `已造 ${result.plans} 份方案、${result.figures} 条数据（修改 ${result.corrections} 条，核实 ${result.verified} 条，退回 ${result.returned} 条），用时 ${seconds} 秒\n` +
        `seeded ${result.plans} plans, ${result.figures} figures (${result.corrections} corrected, ${result.verified} verified, ${result.returned} returned) in ${seconds} s\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
