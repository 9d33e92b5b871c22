/**
 * 待办 and 操作日志 in a real browser (Debian's chromium through playwright-core) against the
 * real server: a statistician bound to 市教育局 sees the count in the header, the figure
 * returned to it with the reason and what is due; the evaluator finds the return in the
 * audit log by its filter and brings a deleted target back with 恢复. Screenshots go to
 * .tmp/web/ (todo.png, audit.png).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { sharedChromium, screenshot } from './support/browser';
import { sharedRenderPool } from './support/render-pool';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../src/db/open-store';
import type { Store, TargetRecord } from '../src/db/store';
import { startServer, type RunningServer } from '../src/http/start-server';
import { seedGoldPlans, type SeededPlans } from './support/http-seed';
import { testConfig } from './support/test-config';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let seeded: SeededPlans;
let returned: TargetRecord;
const problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dabiao-web-todo-'));
  const config = testConfig({ database: path.join(dir, 'web.db'), port: 0, host: '127.0.0.1' });
  store = await openStore(config);
  seeded = await seedGoldPlans(store);
  await store.createUser({
    username: 'jiaoyu',
    displayName: '教育局填报员',
    role: 'statistician',
    password: 'jiaoyu-password',
    units: ['市教育局'],
  });
  await store.createUser({
    username: 'pinggu',
    displayName: '评估员甲',
    role: 'evaluator',
    password: 'pinggu-password',
  });
  const tasks = await store.listTasks(seeded.jilin.id);
  const education = new Set(tasks.filter((t) => t.units.some((u) => u.name === '市教育局')).map((t) => t.id));
  returned = seeded.jilinTargets.find((t) => t.each === null && t.base === null && education.has(t.taskId))!;
  const year = Math.min(
    new Date().getFullYear(),
    seeded.jilin.horizonYear,
    returned.deadline ?? seeded.jilin.horizonYear,
  );
  const sent = await store.recordMeasurement(returned.id, { year, value: 12 }, 'jiaoyu');
  await store.setMeasurementState(
    returned.id,
    year,
    null,
    'returned',
    sent.revision,
    'pinggu',
    '与统计年鉴数字不一致，请核对',
  );
  server = await startServer(config, store, undefined, {
    renderPool: sharedRenderPool(config.renderThreads),
  });
  browser = await sharedChromium();
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(username: string, password: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => problems.push(`${username}: ${e.message}`));
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.url + '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.plan-list, .empty').first().waitFor();
  return page;
}

describe('待办 page', () => {
  test('a statistician sees the count in the header, the returned figure with its reason, and what is due', async () => {
    const page = await signIn('jiaoyu', 'jiaoyu-password');
    const count = page.locator('.todo-count');
    await expect.poll(() => count.textContent()).toMatch(/^\d+$/);
    const shownCount = Number(await page.locator('.todo-count').textContent());
    await page.locator('a.todo-link').click();
    const returnedList = page.getByRole('region', { name: '被退回的数据' });
    await returnedList.getByRole('row').nth(1).waitFor();
    const row = returnedList.getByRole('row').filter({ hasText: returned.subject });
    await expect.poll(() => row.textContent()).toContain('与统计年鉴数字不一致，请核对');
    expect(await row.textContent()).toContain('pinggu');
    const due = page.getByRole('region', { name: '应报未报（催报）' });
    const dueRows = (await due.getByRole('row').count()) - 1;
    expect(dueRows).toBeGreaterThan(0);
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    expect(heading).toBe('待办');
    expect(await page.locator('.page-head .muted').textContent()).toContain(`共 ${shownCount} 项`);
    await screenshot(page, 'todo.png', { fullPage: true });
    // The row leads to the target, where the figure is corrected and sent again.
    await row.getByRole('link', { name: returned.subject }).click();
    await page.waitForURL(new RegExp(`#/targets/${returned.id}`));
    expect(problems).toEqual([]);
  });
});

describe('操作日志 page', () => {
  test('an evaluator filters the log by action and restores a deleted target with 恢复', async () => {
    const victim = seeded.sipingTargets[0]!;
    await store.deleteTarget(victim.id, victim.revision, 'pinggu');
    const page = await signIn('pinggu', 'pinggu-password');
    await page.getByRole('link', { name: '操作日志' }).click();
    const form = page.getByRole('form', { name: '筛选' });
    await form.getByLabel('操作', { exact: true }).selectOption('figure.return');
    await form.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/action=figure\.return/);
    const rows = page.locator('.audit-table tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('退回数据');
    expect(await rows.first().textContent()).toContain('与统计年鉴数字不一致，请核对');

    await form.getByLabel('操作', { exact: true }).selectOption('');
    await form.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL((u) => !u.hash.includes('action='));
    const deletion = page.locator('tr[data-action="target.delete"]');
    await deletion.waitFor();
    await screenshot(page, 'audit.png', { fullPage: true });
    await deletion.getByRole('button', { name: '恢复' }).click();
    await expect.poll(async () => (await store.getTarget(victim.id)).deleted).toBe(false);
    await page.locator('tr[data-action="target.restore"]').waitFor();
    const exportLink = page.getByRole('link', { name: /导出 Excel/ });
    expect(await exportLink.getAttribute('href')).toBe('/api/audit.xlsx');
    expect(problems).toEqual([]);
  });
});
