import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/db/open-store';
import { JILIN } from '../src/demo/jurisdictions';
import { runCli } from './support/run-cli';
import { testConfig } from './support/test-config';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-import-'));
const dbFile = path.join(dir, 'dabiao.db');
const jilinFile = path.join(root, 'data/plans/000_3cb08648fdcd494e.txt');

async function dabiao(...args: string[]) {
  const r = await runCli(['import', ...args], { cwd: dir });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('dabiao import', () => {
  it('stores a plan and prints its id with task and target counts; the same file again is not copied', async () => {
    const first = await dabiao(
      jilinFile,
      '--db',
      dbFile,
      '--issuer',
      '吉林市人民政府',
      '--year',
      '2023',
      '--jurisdiction',
      '吉林市',
    );
    expect(first.status).toBe(0);
    expect(first.out).toContain('已导入方案 #1');
    expect(first.out).toMatch(/任务 53 项，量化目标 \d+ 个/);
    expect(first.out).toContain('规划期 2023–2025 年，辖区 吉林市');
    expect(first.out).toContain('状态：草稿');

    const copy = path.join(dir, '吉林方案副本.txt');
    fs.copyFileSync(jilinFile, copy);
    const again = await dabiao(copy, '--db', dbFile);
    expect(again.status).toBe(0);
    expect(again.out).toContain('方案已存在，未重复导入：#1');

    const store = await openStore(testConfig({ database: dbFile }));
    const plans = await store.listPlans();
    expect(plans.map((p) => [p.sourceName, p.issuer, p.year, p.state])).toEqual([
      ['000_3cb08648fdcd494e.txt', '吉林市人民政府', 2023, 'draft'],
    ]);
    expect(await store.listMembers(plans[0]!.id)).toEqual(JILIN.members);
    await store.close();
  });

  it.each([
    ['a missing file', ['no-such-file.txt', '--db', dbFile], 1, '无法读取文件'],
    ['no file', [], 2, '请给出一个方案文件'],
    ['a year out of range', [jilinFile, '--year', '1066', '--db', dbFile], 2, '--year'],
    [
      'an unknown jurisdiction',
      [jilinFile, '--jurisdiction', '长春省城', '--db', dbFile],
      2,
      '未知辖区“长春省城”',
    ],
    ['an unknown option', [jilinFile, '--colour', 'red'], 2, '参数错误'],
  ])('%s: exit %i, saying %s', async (_case, args, status, message) => {
    const r = await dabiao(...args);
    expect(r.status).toBe(status);
    expect(r.err).toContain(message);
  });

  it('reports an unreadable document in Chinese and English and stores nothing', async () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '   \n');
    const r = await dabiao(empty, '--db', dbFile);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/没有可读取的内容 \/ /);
    const store = await openStore(testConfig({ database: dbFile }));
    expect(await store.listPlans()).toHaveLength(1);
    await store.close();
  });
});
