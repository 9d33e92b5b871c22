import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/db';
import { seedDemo } from '../src/demo/seed-demo';
import { runCli, type CliRun } from './support/run-cli';
import { testConfig } from './support/test-config';

const tmp = mkdtempSync(path.join(tmpdir(), 'dabiao-report-cli-'));
const db = path.join(tmp, 'demo.db');

function dabiao(...args: string[]): Promise<CliRun> {
  return runCli(['report', '--db', db, ...args], { cwd: path.resolve(__dirname, '..') });
}

const pdfText = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

beforeAll(async () => {
  const store = await openStore(testConfig({ database: db }));
  await seedDemo(store);
  await store.close();
});

describe('dabiao report', () => {
  it('writes a plan report by id, with its xlsx table and its charts as PNG', async () => {
    const out = path.join(tmp, 'jilin.pdf');
    const xlsx = path.join(tmp, 'jilin.xlsx');
    const pngs = path.join(tmp, 'png');
    const r = await dabiao('1', '--out', out, '--year', '2025', '--xlsx', xlsx, '--png-dir', pngs);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`已写入 / written: ${out}`);
    expect(statSync(out).size).toBeGreaterThan(50_000);
    expect(pdfText(out)).toContain('吉林市推动现代职业教育高质量发展建设技能社会实施方案');
    expect(statSync(xlsx).size).toBeGreaterThan(5_000);
    const files = readdirSync(pngs);
    expect(files).toEqual(
      expect.arrayContaining(['总览.png', '状态分布.png', '责任单位.png', '目标-任务20-1.png']),
    );
    expect(files.filter((f) => f.startsWith('目标-')).length).toBe(23);
  });

  it('adds a sheet per responsible unit to the xlsx with --unit-sheets', async () => {
    const xlsx = path.join(tmp, 'jilin-units.xlsx');
    const r = await dabiao('1', '--out', path.join(tmp, 'jilin-units.pdf'), '--xlsx', xlsx, '--unit-sheets');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const names = book.worksheets.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['进度明细', '责任单位汇总']);
    expect(names).toContain('市教育局');
    expect(book.getWorksheet('市教育局')!.getRow(1).getCell(1).value).toContain('市教育局');
  });

  it('finds a plan by its file name and restricts it to one unit and verified figures', async () => {
    const out = path.join(tmp, 'siping-edu.pdf');
    const r = await dabiao(
      '002_36169d261e098f31.txt',
      '--unit',
      '市教育局',
      '--verified',
      '--year',
      '2025',
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    const text = pdfText(out);
    expect(text).toContain('目标任务进度报告（市教育局）');
    expect(text).toContain('数据口径：仅已核实数据');
    expect(text).toContain('市教育局负责的工作任务');
  });

  it('writes a Word report when --out ends in .docx, with 需要关注 first and the unit on the cover', async () => {
    const out = path.join(tmp, 'jilin-edu.docx');
    const r = await dabiao('1', '--unit', '市教育局', '--year', '2025', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`已写入 / written: ${out}`);
    const document = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
    const text = document.replace(/<[^>]+>/g, '');
    expect(text).toContain('目标任务进度报告（市教育局）');
    expect(text.indexOf('一、需要关注')).toBeGreaterThan(text.indexOf('责任单位：'));
    expect(text.indexOf('一、需要关注')).toBeLessThan(text.indexOf('二、总体情况'));
    expect(text.indexOf('二、总体情况')).toBeLessThan(text.indexOf('附件 1 任务进度明细'));
  });

  it('refuses a unit the plan does not name instead of writing an empty report', async () => {
    const out = path.join(tmp, 'nobody.pdf');
    const r = await dabiao('1', '--unit', '市不存在局', '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('本方案没有责任单位“市不存在局”');
    expect(existsSync(out)).toBe(false);
  });

  it('writes to the reports directory by default, named after plan and year', async () => {
    const r = await runCli(['report', '2', '--db', db, '--year', '2024'], {
      env: { ...process.env, DABIAO_REPORTS_DIR: path.join(tmp, 'default-reports') },
    });
    expect(r.status).toBe(0);
    expect(readdirSync(path.join(tmp, 'default-reports'))).toEqual([
      '四平市推动现代职业教育高质量发展重点工作任务分工-进度报告-2024.pdf',
    ]);
  });

  it('writes every plan and every unit with --all, one progress line per report when not on a terminal', async () => {
    const dir = path.join(tmp, 'all');
    const r = await dabiao('--all', '--per-unit', '--out-dir', dir, '--year', '2025');
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split('\n');
    const total = lines.length;
    expect(total).toBeGreaterThan(10);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^\\[${i + 1}/${total}\\] .+\\.pdf$`)));
    const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(total);
    expect(readdirSync(dir).filter((f) => f.endsWith('.xlsx'))).toHaveLength(total);
    expect(pdfs).toContain('吉林市推动现代职业教育高质量发展建设技能社会实施方案-市财政局-进度报告-2025.pdf');
    expect(r.stdout).toContain(`共生成 ${total} 份报告`);
    // The same kind of target across the two plans, side by side.
    expect(readdirSync(dir)).toContain('对比-思政示范课.png');
    expect(r.stdout).toMatch(/另有 \d+ 张跨方案对比图/);
  });

  it.each([
    [['999', '--out', path.join(tmp, 'x.pdf')], 1, '找不到方案“999”'],
    [['1', '--year', '二〇二五'], 2, '--year 应为 1990 至 2100 之间的年份'],
    [[], 2, '请指定一个方案，或使用 --all'],
    [['1', '--colour'], 2, '参数有误'],
  ])('rejects %j with exit code %i and a Chinese message', async (args, code, message) => {
    const r = await dabiao(...args);
    expect(r.status).toBe(code);
    expect(r.stderr).toContain(message);
    expect(existsSync(path.join(tmp, 'x.pdf'))).toBe(false);
  });
});
