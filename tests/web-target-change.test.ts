/**
 * The evaluator's target form for a target against a base year, in a real browser (Debian's
 * chromium through playwright-core): the target page names the direction and base year, the
 * form edits the base year, and the page then says what the store holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { sharedChromium, screenshot } from './support/browser';
import { sharedRenderPool } from './support/render-pool';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractTargets } from '../extractors/targets/extract-targets';
import { openStore } from '../src/db/open-store';
import type { Store } from '../src/db/store';
import { startServer, type RunningServer } from '../src/http/start-server';
import { hashOf } from './support/gold-plans';
import { testConfig } from './support/test-config';

const PASSWORD = 'web-test-password';
const TEXT = '到2025年，单位GDP能耗比2020年下降13.5%';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let targetId: number;
let planId: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dabiao-web-change-'));
  const config = testConfig({ database: path.join(dir, 'web.db'), port: 0, host: '127.0.0.1' });
  store = await openStore(config);
  const { plan } = await store.importPlan(
    {
      extracted: {
        plan: 'energy.txt',
        title: '节能指标',
        tasks: [
          {
            seq: 1,
            text: TEXT,
            units: ['市发展改革委'],
            unitRoles: [{ name: '市发展改革委', role: 'lead' }],
            timeLimit: null,
            targets: extractTargets(TEXT),
            qualitative: false,
          },
        ],
      },
      title: '节能指标',
      year: 2021,
      sourceName: 'energy.txt',
      sourceHash: hashOf('web-change'),
    },
    'importer',
  );
  planId = plan.id;
  targetId = (await store.listTargets(plan.id))[0]!.id;
  await store.createUser({
    username: 'pinggu',
    displayName: '评估员',
    role: 'evaluator',
    password: PASSWORD,
  });
  server = await startServer(config, store, undefined, {
    renderPool: sharedRenderPool(config.renderThreads),
  });
  browser = await sharedChromium();
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the target form for a change against a base year', () => {
  test('shows the direction and base year and edits the base year', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url + '/');
    await page.getByLabel('用户名').fill('pinggu');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('.plan-list').waitFor();
    await page.goto(`${server.url}/#/targets/${targetId}`);
    const fields = page.locator('#target-fields');
    await expect.poll(() => fields.textContent()).toContain('比2020年下降');

    await page.getByRole('button', { name: '修改', exact: true }).first().click();
    expect(await page.getByLabel(/比基期变化/).inputValue()).toBe('fall');
    await page.getByLabel(/基期年份/).fill('2019');
    await screenshot(page, 'target-change-form.png', { fullPage: true });
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => fields.textContent()).toContain('比2019年下降');
    expect(await store.getTarget(targetId)).toMatchObject({
      change: 'fall',
      baseYear: 2019,
      origin: 'edited',
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the plan page shows the change made since the base year, not the level entered', async () => {
    await store.recordMeasurement(targetId, { year: 2019, value: 1 }, 'tongji');
    await store.recordMeasurement(targetId, { year: 2024, value: 0.9 }, 'tongji');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.goto(server.url + '/');
    await page.getByLabel('用户名').fill('pinggu');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('.plan-list').waitFor();
    await page.goto(`${server.url}/#/plans/${planId}?year=2024`);
    const row = page.locator('tr.status-row').first();
    await expect.poll(() => row.textContent()).toContain('2024 年比2019年下降 10%（目标 13.5%）');
    expect(await row.textContent()).not.toContain('0.9');
    await page.close();
  });
});
