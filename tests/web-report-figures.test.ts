/**
 * 从完成情况报告填报 in a real browser (Debian's chromium through playwright-core) against the
 * real server over a temporary SQLite file: a statistician uploads a completion report,
 * accepts two proposals, edits one, rejects one, and finds the figures with their source in
 * the target's history. Screenshots (`npm run screenshots`) go to .tmp/web/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { sharedChromium, screenshot } from './support/browser';
import { sharedRenderPool } from './support/render-pool';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { openStore } from '../src/db/open-store';
import type { Store, TargetRecord } from '../src/db/store';
import { importPlanFile } from '../src/app/import-plan-file';
import { JILIN } from '../src/demo/jurisdictions';
import { startServer, type RunningServer } from '../src/http/start-server';
import { testConfig } from './support/test-config';

const PAIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'report-pairs', 'childcare-elderly');
const REPORT = path.join(PAIR, 'report-2025.txt');
const PASSWORD = 'report-figures-password';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let planId: number;
let targets: TargetRecord[];
const problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dabiao-report-figures-'));
  const config = testConfig({ database: path.join(dir, 'web.db'), port: 0, host: '127.0.0.1' });
  store = await openStore(config);
  const planFile = path.join(PAIR, 'plan.txt');
  const { plan } = await importPlanFile(
    store,
    planFile,
    readFileSync(planFile),
    // Published: the statistician sees it (a draft answers 404).
    { jurisdiction: JILIN, state: 'published' },
    'test',
  );
  planId = plan.id;
  targets = await store.listTargets(planId);
  await store.createUser({
    username: 'minzheng',
    displayName: '赵敏',
    role: 'statistician',
    password: PASSWORD,
    units: ['市卫健委', '市民政局', '市财政局'],
  });
  server = await startServer(config, store, undefined, {
    renderPool: sharedRenderPool(config.renderThreads),
  });
  browser = await sharedChromium();
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url + '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.plan-list').waitFor();
  return page;
}

const targetWith = (quote: string) => targets.find((t) => t.quote === quote)!;

describe('figures from a completion report, in the browser', () => {
  test('upload a report, accept two, edit one, reject one; the figures carry their source in history', async () => {
    const page = await signIn('minzheng');
    await page.goto(`${server.url}/#/plans/${planId}`);
    await page.getByRole('link', { name: '从完成情况报告填报' }).click();
    await page.locator('#report-year').selectOption('2025');
    await page.locator('#report-file').setInputFiles(REPORT);
    await page.getByRole('button', { name: '读取报告' }).click();
    const rows = page.locator('.report-proposals tbody tr');
    await rows.first().waitFor();
    // A proposal's row, by the figure its sentence marks (one sentence may hold several).
    const row = (figure: string) =>
      page.locator('.report-proposals tbody tr', {
        has: page.locator('mark', { hasText: new RegExp(`^${figure.replace('.', '\\.')}$`) }),
      });
    // The sentence is shown with the figure marked, and the value in the target's unit.
    expect(await row('0.26万人次').locator('mark').textContent()).toBe('0.26万人次');
    expect(await row('0.26万人次').locator('.value-input').inputValue()).toBe('2600');
    await screenshot(page, 'report-figures-proposals.png', { fullPage: true });
    // Reading stores nothing.
    expect(await store.listMeasurements({ planId })).toEqual([]);

    // Accept two as proposed.
    await row('12家').getByRole('button', { name: '接受' }).click();
    await expect.poll(() => row('12家').locator('.row-status').textContent()).toContain('已记录');
    await row('926个').getByRole('button', { name: '接受' }).click();
    await expect.poll(() => row('926个').locator('.row-status').textContent()).toContain('已记录');
    // Edit one: the reviewer corrects the value before accepting.
    const meals = row('46个');
    await meals.locator('.value-input').fill('45');
    await meals.getByRole('button', { name: '接受' }).click();
    await expect.poll(() => meals.locator('.row-status').textContent()).toContain('已记录');
    // Reject one.
    const places = row('4.1个');
    await places.getByRole('button', { name: '拒绝' }).click();
    expect(await places.locator('.row-status').textContent()).toBe('已拒绝，未记录');
    await screenshot(page, 'report-figures-reviewed.png', { fullPage: true });

    const recorded = await store.listMeasurements({ planId });
    const value = (quote: string) => recorded.find((m) => m.targetId === targetWith(quote).id);
    expect(value('10家以上')).toMatchObject({
      value: 12,
      year: 2025,
      state: 'reported',
      enteredBy: 'minzheng',
    });
    expect(value('800个以上')).toMatchObject({ value: 926, state: 'reported' });
    expect(value('40个')).toMatchObject({ value: 45, state: 'reported' });
    expect(value('4.5个')).toBeUndefined();
    expect(recorded).toHaveLength(3);

    // The edited figure's history names the report and the sentence, the figure marked.
    await page.goto(`${server.url}/#/targets/${targetWith('40个').id}`);
    const history = page.locator('#history .history-table tbody tr').first();
    await history.waitFor();
    expect(await history.textContent()).toContain('45');
    const source = history.locator('.figure-source');
    expect(await source.textContent()).toContain('来源：《report-2025.txt》');
    expect(await source.locator('mark').textContent()).toBe('46个');
    await screenshot(page.locator('#history'), 'report-figures-history.png');

    // Accepting the rest at or above a score records them together.
    await page.goto(`${server.url}/#/plans/${planId}/report-figures`);
    await page.locator('#report-year').selectOption('2025');
    await page.locator('#report-file').setInputFiles(REPORT);
    await page.getByRole('button', { name: '读取报告' }).click();
    await rows.first().waitFor();
    // What was recorded shows as the current figure.
    expect(await row('12家').locator('td').nth(4).textContent()).toContain('12 家');
    await page.locator('#score-threshold').fill('0.9');
    await page.getByRole('button', { name: '接受得分不低于此值的全部建议' }).click();
    await expect.poll(async () => (await store.listMeasurements({ planId })).length).toBeGreaterThan(3);
    expect(problems).toEqual([]);
    await page.close();
  });
});
