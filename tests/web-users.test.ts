/**
 * The user admin page and 我的账户 in a real browser (Debian's chromium through playwright-core)
 * against the real server: an admin creates a statistician bound to a unit, edits it, resets
 * its password; the statistician is sent to change it before anything else; then disabled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { sharedChromium, screenshot } from './support/browser';
import { sharedRenderPool } from './support/render-pool';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../src/db/open-store';
import type { Store } from '../src/db/store';
import { startServer, type RunningServer } from '../src/http/start-server';
import { testConfig } from './support/test-config';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dabiao-web-users-'));
  const config = testConfig({ database: path.join(dir, 'web.db'), port: 0, host: '127.0.0.1' });
  store = await openStore(config);
  await store.createUser({
    username: 'guanli',
    displayName: '管理员甲',
    role: 'admin',
    password: 'admin-password',
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

async function signIn(username: string, password: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => problems.push(`${username}: ${e.message}`));
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.url + '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

describe('user admin page', () => {
  test('an admin creates, edits, resets and disables a statistician; a reset sends it to change its password first', async () => {
    const admin = await signIn('guanli', 'admin-password');
    await admin.getByRole('link', { name: '用户管理' }).click();
    const form = admin.getByRole('form', { name: '新建用户' });
    await form.getByLabel('用户名').fill('jiaoyu');
    await form.getByLabel('姓名').fill('教育局填报员');
    await form.getByLabel('角色').selectOption('statistician');
    await form.getByLabel(/责任单位/).fill('市教育局、市财政局');
    await form.getByLabel(/初始密码/).fill('first-password');
    await form.getByRole('button', { name: '创建' }).click();
    const row = admin.locator('tr[data-username="jiaoyu"]');
    await expect.poll(() => row.textContent()).toContain('市教育局、市财政局');
    expect((await store.findUser('jiaoyu'))!.units.sort()).toEqual(['市教育局', '市财政局'].sort());

    await row.getByRole('button', { name: '编辑' }).click();
    await row.locator('input[name="members"]').fill('磐石市');
    await row.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await store.findUser('jiaoyu'))!.members).toEqual(['磐石市']);
    await screenshot(admin, 'users.png', { fullPage: true });

    let shown = '';
    admin.removeAllListeners('dialog');
    admin.on('dialog', (d) => {
      shown = d.message();
      void d.accept();
    });
    await admin.locator('tr[data-username="jiaoyu"]').getByRole('button', { name: '重置密码' }).click();
    await expect.poll(() => shown, { timeout: 15_000 }).toMatch(/新密码：\S+/);
    const password = /新密码：(\S+)/.exec(shown)![1]!;

    const stat = await signIn('jiaoyu', password);
    await stat.getByRole('form', { name: '修改密码' }).waitFor();
    expect(stat.url()).toContain('#/account');
    await stat.getByLabel('当前密码').fill(password);
    await stat.getByLabel(/新密码/).fill('my-own-password');
    await stat.getByRole('button', { name: '保存新密码' }).click();
    await stat.locator('.plan-list, .empty').first().waitFor();
    expect(await store.verifyPassword('jiaoyu', 'my-own-password')).not.toBeNull();

    await admin.locator('tr[data-username="jiaoyu"]').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => admin.locator('tr[data-username="jiaoyu"]').textContent()).toContain('已停用');
    await stat.reload();
    await stat.getByRole('button', { name: '登录' }).waitFor();
    expect(problems).toEqual([]);
  });
});
