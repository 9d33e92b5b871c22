import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { goldPlan, seedXlsx } from './fixtures/documents/seed-documents';
import { runCli, type CliRun } from './support/run-cli';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/dabiao.js');
const jilin = path.join(root, 'data/plans/000_3cb08648fdcd494e.txt');
let dir = '';

function dabiao(...args: string[]): Promise<CliRun> {
  return runCli(['extract', ...args], { cwd: root });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dabiao-extract-'));
});

describe('dabiao extract FILE', () => {
  test('prints a table: sequence, shortened task, lead unit and targets such as ≥ 3 家 行业协会 (2025)', async () => {
    const { status, stdout } = await dabiao(jilin);
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toContain('工作任务清单');
    expect(stdout).toMatch(/任务 53 项，量化目标 \d+ 个，定性任务 \d+ 项/);
    expect(lines.some((l) => /^序号\s+工作任务\s+牵头单位\s+量化目标/.test(l))).toBe(true);
    const row20 = lines.find((l) => l.startsWith('20 '));
    expect(row20).toMatch(/支持职业院校依托骨干专业联合企业.*…\s+市教育局\s+≥ 3 家 行业协会 \(2025\)/);
    const row1 = lines.find((l) => l.startsWith('1 '));
    expect(row1).toContain('（定性）');
  });

  test('--json prints the plan in the gold-file shape', async () => {
    const { status, stdout } = await dabiao(jilin, '--json');
    expect(status).toBe(0);
    const doc = JSON.parse(stdout) as { plan: string; tasks: Array<Record<string, unknown>> };
    expect(doc.plan).toBe('000_3cb08648fdcd494e.txt');
    const gold = goldPlan('000_3cb08648fdcd494e');
    expect(doc.tasks.map(({ seq, text, units }) => ({ seq, text, units }))).toEqual(
      gold.tasks.map(({ seq, text, units }) => ({ seq, text, units })),
    );
    const task20 = doc.tasks.find((t) => t.seq === 20) as { targets: Array<Record<string, unknown>> };
    expect(task20.targets[0]).toMatchObject({ value: 3, unit: '家', op: 'gte', deadline: 2025 });
  });

  test('--json on an Excel file keeps the separate unit columns and the time limit', async () => {
    const file = path.join(dir, 'siping.xlsx');
    writeFileSync(file, await seedXlsx(goldPlan('002_36169d261e098f31'), '重点工作任务分工'));
    const doc = JSON.parse((await dabiao(file, '--json')).stdout) as {
      tasks: Array<{ seq: number; unitRoles: unknown[]; timeLimit: string | null }>;
    };
    expect(doc.tasks).toHaveLength(40);
    expect(doc.tasks[2]).toMatchObject({ seq: 3, timeLimit: '2024年底前' });
    expect(doc.tasks[2]!.unitRoles[0]).toEqual({ name: '市教育局', role: 'lead' });
  });
});

describe('dabiao extract --jsonl FILE', () => {
  test('prints one {"id","targets"} line per input line, in order', async () => {
    const file = path.join(dir, 'tasks.jsonl');
    const items = [
      { id: 'a', text: '到2025年，新建5G基站1200个' },
      { id: 7, text: '加强组织领导，压实工作责任' },
      { id: 'c', text: '每年培训各类乡村人才超过 2000 人次' },
    ];
    writeFileSync(file, items.map((i) => JSON.stringify(i)).join('\n') + '\n\n');
    const { status, stdout } = await dabiao('--jsonl', file);
    expect(status).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: unknown; targets: Array<{ value: number }> });
    expect(out.map((o) => o.id)).toEqual(['a', 7, 'c']);
    expect(out[0]!.targets.map((t) => t.value)).toEqual([1200]);
    expect(out[1]!.targets).toEqual([]);
    expect(out[2]!.targets[0]).toMatchObject({ value: 2000, unit: '人次', op: 'gt', per: 'year' });
  });

  test('a reader that stops early (| head) ends the run quietly', async () => {
    const file = path.join(dir, 'many.jsonl');
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ id: i, text: `改造老旧小区${i + 1}个` }),
    );
    writeFileSync(file, lines.join('\n'));
    const child = spawn(process.execPath, [bin, 'extract', '--jsonl', file], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  test.each([
    ['a line that is not JSON', '{"id":1,"text":"建成5个"}\n{"id":2,"text":\n', '第 2 行'],
    ['a line without text', '{"id":1}\n', '第 1 行'],
  ])('%s stops with the line number and exit 1', async (_what, content, words) => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, content);
    const { status, stderr } = await dabiao('--jsonl', file);
    expect(status).toBe(1);
    expect(stderr).toContain(words);
  });
});

describe('dabiao extract: help and errors', () => {
  test('--help explains the command in Chinese', async () => {
    const { status, stdout } = await dabiao('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('用法');
    expect(stdout).toContain('--jsonl');
  });

  test.each([[[]], [['a.txt', 'b.txt']], [['--csv', 'a.txt']]])('usage error %j exits 2', async (args) => {
    const { status, stderr } = await dabiao(...args);
    expect(status).toBe(2);
    expect(stderr).toContain('用法');
  });

  test.each([
    ['a missing file', () => path.join(dir, 'missing.txt'), '找不到文件'],
    [
      'an empty file',
      () => (writeFileSync(path.join(dir, 'empty.txt'), ''), path.join(dir, 'empty.txt')),
      '为空',
    ],
    [
      'an old .doc',
      () => (
        writeFileSync(path.join(dir, 'old.doc'), Buffer.from('d0cf11e0a1b11ae1', 'hex')),
        path.join(dir, 'old.doc')
      ),
      '.docx',
    ],
  ])('%s: a Chinese / English message on stderr, exit 1', async (_what, file, words) => {
    const { status, stderr, stdout } = await dabiao(file());
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(words);
    expect(stderr).toContain(' / ');
  });
});
