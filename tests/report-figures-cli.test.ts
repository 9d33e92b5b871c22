/**
 * `dabiao figures-from-report REPORT --plan ID --year Y [--json] [--db …]`, run in process
 * through main(argv, io) against a real SQLite file: the proposals printed, nothing stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { openStore } from '../src/db/open-store';
import { runCli } from './support/run-cli';
import { testConfig } from './support/test-config';

const PAIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'report-pairs', 'rural-roads');
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dabiao-report-cli-'));
  db = path.join(dir, 'cli.db');
  const imported = await runCli(['import', path.join(PAIR, 'plan.txt'), '--db', db]);
  expect(imported.status, imported.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dabiao figures-from-report', () => {
  test('prints each proposal with the target, the value in its unit and the marked figure', async () => {
    const r = await runCli([
      'figures-from-report',
      path.join(PAIR, 'report-2025.txt'),
      '--plan',
      '1',
      '--year',
      '2025',
      '--db',
      db,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('建议 10 项');
    expect(r.stdout).toMatch(/农村公路（500公里）.*532\.6 公里.*【532\.6千米】/);
    expect(r.stdout).toMatch(/交通固定资产投资.*13\.65 亿元.*【136500万元】/);
    expect(r.stdout).toContain('未匹配 / unmatched:');
    const store = await openStore(testConfig({ database: db }));
    try {
      expect(await store.listMeasurements({ planId: 1 })).toEqual([]);
    } finally {
      await store.close();
    }
  });

  test('--json gives the proposals, the unmatched figures and the targets without one', async () => {
    const r = await runCli([
      'figures-from-report',
      path.join(PAIR, 'report-2025.txt'),
      '--plan',
      '1',
      '--year',
      '2025',
      '--json',
      '--db',
      db,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.proposals).toHaveLength(10);
    expect(out.unmatched.map((u: { reportValue: number }) => u.reportValue)).toEqual([4.6, 2.1, 12, 3120]);
    const store = await openStore(testConfig({ database: db }));
    try {
      const shelters = (await store.listTargets(1)).find((t) => t.quote === '150个')!;
      expect(out.withoutFigure).toContain(shelters.id);
    } finally {
      await store.close();
    }
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    [['figures-from-report', '--plan', '1', '--year', '2025'], 2, '请给出一个报告文件'],
    [['figures-from-report', 'x.txt', '--year', '2025'], 2, '--plan'],
    [['figures-from-report', 'x.txt', '--plan', '1'], 2, '--year'],
    [['figures-from-report', 'missing.txt', '--plan', '1', '--year', '2025'], 1, '无法读取文件'],
  ])('%j exits %d naming the problem', async (argv, status, words) => {
    const r = await runCli([...argv, '--db', db]);
    expect(r.status).toBe(status);
    expect(r.stderr).toContain(words);
  });

  test('an unknown plan exits 1 with the API message', async () => {
    const r = await runCli([
      'figures-from-report',
      path.join(PAIR, 'report-2025.txt'),
      '--plan',
      '99',
      '--year',
      '2025',
      '--db',
      db,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/方案.*99/);
  });
});
