/**
 * The web client in a real browser (Debian's chromium through playwright-core) against the
 * real server over a temporary SQLite file with the demo plans and figures: what a
 * statistician, an evaluator and a leader see and can do. Screenshots (`npm run screenshots`) go to .tmp/web/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { sharedChromium, screenshot } from './support/browser';
import { sharedRenderPool } from './support/render-pool';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { openStore } from '../src/db/open-store';
import type { Store } from '../src/db/store';
import { seedDemo } from '../src/demo/seed-demo';
import { startServer, type RunningServer } from '../src/http/start-server';
import { loadPlanProgress } from '../src/app/load-plan-progress';
import { STATUS_LABELS, type UserRole } from '../src/shared/index.js';
import { testConfig } from './support/test-config';

/** The page's global, for functions given to page.evaluate (the server's check has no DOM library). */
declare const window: { Chart?: { getChart(canvas: unknown): any } };

const PASSWORD = 'web-test-password';
const USERS: Record<string, { role: UserRole; name: string }> = {
  tongji: { role: 'statistician', name: '王丽' },
  pinggu: { role: 'evaluator', name: '李强' },
  lingdao: { role: 'leader', name: '张局长' },
};
const STATUS_WORDS = new Set(Object.values(STATUS_LABELS));

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let planId: number;
let problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dabiao-web-ui-'));
  const config = testConfig({ database: path.join(dir, 'web.db'), port: 0, host: '127.0.0.1' });
  store = await openStore(config);
  const seeded = await seedDemo(store);
  planId = seeded[0]!.plan.id;
  for (const [username, { role, name }] of Object.entries(USERS)) {
    // The statistician reports for every unit: which unit may write what is tested in http-accounts.
    const units = role === 'statistician' ? (await store.listUnits()).map((u) => u.name) : [];
    await store.createUser({ username, displayName: name, role, password: PASSWORD, units });
  }
  server = await startServer(config, store, undefined, {
    renderPool: sharedRenderPool(config.renderThreads),
  });
  browser = await sharedChromium();
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser page signed in through the login form; script errors are collected. */
async function signIn(username: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  page.on('pageerror', (e) => problems.push(`${username}: ${e.message}`));
  await page.goto(server.url + '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.plan-list').waitFor();
  return page;
}

/** The value of the first dataset at one label of the page's first Chart.js chart, or null. */
function chartBar(page: Page, label: string): Promise<number | null> {
  return page
    .locator('.chart-card canvas')
    .first()
    .evaluate((canvas, at) => {
      const chart = window.Chart?.getChart(canvas);
      if (!chart) return null;
      const value = chart.data.datasets[0].data[chart.data.labels.indexOf(at)];
      return typeof value === 'number' ? value : null;
    }, label);
}

/** How many bars the page's first Chart.js chart draws (0 before it is drawn). */
function chartBarCount(page: Page): Promise<number> {
  return page
    .locator('.chart-card canvas')
    .first()
    .evaluate((canvas) => {
      const chart = window.Chart?.getChart(canvas);
      return chart ? chart.getDatasetMeta(0).data.length : 0;
    });
}

/** A target a statistician can enter plainly (no members, no base) that is not met yet. */
async function openTarget() {
  const view = await loadPlanProgress(store, planId, { asOfYear: 2025 });
  const row = view.targets.find(
    (t) =>
      t.each === null &&
      t.base === null &&
      ['gte', 'eq', 'approx'].includes(t.op) &&
      t.progress.status !== 'met' &&
      t.value > 0,
  );
  if (!row) throw new Error('demo plan has no open plain target');
  return row;
}

describe('web client', () => {
  test('a wrong password shows the API message in Chinese', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(server.url + '/');
    await page.getByLabel('用户名').fill('tongji');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('用户名或密码错误');
    await screenshot(page, 'login-error.png');
    await page.close();
  });

  test('a link to a plan opened without a session asks to sign in, then shows that plan', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${server.url}/#/plans/${planId}`);
    await page.getByLabel('用户名').fill('lingdao');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('.progress-table tbody tr').first().waitFor();
    expect(page.url()).toMatch(new RegExp(`#/plans/${planId}$`));
    expect(await page.locator('.account .role').textContent()).toBe('领导');
    await page.close();
  });

  test('keyboard only: sign in with Tab and Enter, then Tab to a plan with a visible focus ring', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(server.url + '/');
    await page.locator('#login-username:focus').waitFor();
    await page.keyboard.type('tongji');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('.plan-list').waitFor();
    let focused = '';
    for (let i = 0; i < 12 && !focused.startsWith('#/plans/'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>("document.activeElement?.getAttribute('href') ?? ''");
    }
    expect(focused).toMatch(/^#\/plans\/\d+$/);
    const ring = await page.evaluate<string>(
      'getComputedStyle(document.activeElement).outlineStyle + " " + getComputedStyle(document.activeElement).outlineWidth',
    );
    expect(ring).toBe('solid 3px');
    await page.keyboard.press('Enter');
    await page.locator('.progress-table tbody tr').first().waitFor();
    await page.close();
  });

  test('a statistician reads the progress table, enters a figure and sees status and history change', async () => {
    const page = await signIn('tongji');
    expect(await page.locator('.plan-card h2').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('吉林市')]),
    );

    await page.locator('.plan-card h2 a').first().click();
    const rows = page.locator('.progress-table tbody tr');
    await rows.first().waitFor();
    const statuses = await page.locator('.progress-table tbody td .chip').allTextContents();
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => !STATUS_WORDS.has(s))).toEqual([]);
    // The table shows as many of each status as the progress rules count for the year shown.
    const asOf = Number(await page.locator('#as-of-year').inputValue());
    const view = await loadPlanProgress(store, planId, { asOfYear: asOf });
    const shown = Object.fromEntries(
      Object.entries(STATUS_LABELS).map(([status, label]) => [
        status,
        statuses.filter((s) => s === label).length,
      ]),
    );
    expect(shown).toEqual(view.statusCounts);
    expect(new Set(statuses).size).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'plan-statistician.png');

    // Filtering by status leaves only that status.
    const pick = Object.entries(STATUS_LABELS).find(([, label]) => label === statuses.at(-1))!;
    await page.locator('#filter-status').selectOption(pick[0]);
    const filtered = await page.locator('.progress-table tbody td .chip').allTextContents();
    expect(filtered).toEqual(statuses.filter((s) => s === pick[1]));
    await page.locator('#filter-status').selectOption('');

    const row = await openTarget();
    await page.locator(`.progress-table a[href="#/targets/${row.targetId}"]`).click();
    await page.locator('#figure-value').waitFor();
    const before = await page.locator('.target-kpis').textContent();
    expect(before).toContain(STATUS_LABELS[row.progress.status]);

    await page.locator('#figure-year').selectOption('2025');
    await page.locator('#figure-value').fill(String(row.value));
    await page.locator('#figure-note').fill('网页录入测试');
    await page.getByRole('button', { name: '保存数据' }).click();

    await expect.poll(() => page.locator('.target-kpis .chip').textContent()).toBe('已达标');
    expect(await page.locator('.target-kpis .completion-value').textContent()).toMatch(/^1\d\d(\.\d)?%$/);
    const history = page.locator('#history .history-table tbody tr').first();
    expect(await history.textContent()).toContain('网页录入测试');
    expect(await history.textContent()).toContain('2025 年');
    // The chart (Chart.js in the page) is drawn again with the new figure as its 2025 bar.
    await expect.poll(() => chartBar(page, '2025年')).toBe(row.value);
    await screenshot(page, 'target-statistician.png', { fullPage: true });

    // Back on the plan, the row shows the new status.
    await page.goBack();
    const link = page.locator(`.progress-table a[href="#/targets/${row.targetId}"]`);
    await link.waitFor();
    const tr = page.locator('.progress-table tbody tr', {
      has: page.locator(`a[href="#/targets/${row.targetId}"]`),
    });
    expect(await tr.locator('.chip').textContent()).toBe('已达标');
    await page.close();
  });

  test.each([
    ['-5', '数值应为非负数'],
    ['十二', '请输入数字'],
    ['', '请填写数值'],
  ])('an invalid figure %j shows the error beside the value field', async (typed, message) => {
    const row = await openTarget();
    const page = await signIn('tongji');
    await page.goto(`${server.url}/#/targets/${row.targetId}`);
    await page.locator('#figure-value').fill(typed);
    const countBefore = (await store.listMeasurements({ targetId: row.targetId })).length;
    await page.getByRole('button', { name: '保存数据' }).click();
    const error = page.locator('#figure-value-error');
    await expect.poll(() => error.textContent()).toContain(message);
    expect(await error.isVisible()).toBe(true);
    expect(await page.locator('#figure-value').getAttribute('aria-invalid')).toBe('true');
    // Focus goes to the field at fault, so a keyboard user can type the fix at once.
    expect(await page.evaluate('document.activeElement?.id')).toBe('figure-value');
    expect((await store.listMeasurements({ targetId: row.targetId })).length).toBe(countBefore);
    if (typed === '-5') await screenshot(page, 'figure-error.png');
    await page.close();
  });

  test('a statistician fills in one county of a per-county target from the member grid', async () => {
    const view = await loadPlanProgress(store, planId, { asOfYear: 2025 });
    const row = view.targets.find((t) => t.each !== null && t.progress.members?.length);
    if (!row) throw new Error('demo plan has no per-member target');
    const member = row.progress.members![0]!.member;
    const page = await signIn('tongji');
    await page.goto(`${server.url}/#/targets/${row.targetId}`);
    const grid = page.locator('.member-grid');
    await grid.waitFor();
    // One grid row per member the rules judge, in the order they list them.
    expect(await grid.locator('tbody th').allTextContents()).toEqual(
      row.progress.members!.map((m) => m.member),
    );

    const cell = grid
      .locator('tbody tr', { has: page.getByRole('rowheader', { name: member }) })
      .locator('td')
      .last();
    await cell.getByRole('button').click();
    expect(await page.locator('#figure-member').inputValue()).toBe(member);
    await page.locator('#figure-value').fill('7');
    await page.getByRole('button', { name: '保存数据' }).click();
    const updated = page
      .locator('.member-grid tbody tr', { has: page.getByRole('rowheader', { name: member }) })
      .locator('td')
      .last();
    await expect.poll(() => updated.textContent()).toBe(`7 ${row.unit}`);
    const stored = await store.listMeasurements({ targetId: row.targetId });
    expect(stored.find((m) => m.member === member && m.year === 2025)?.value).toBe(7);
    await screenshot(page, 'target-members.png', { fullPage: true });
    await page.close();
  });

  test('a bad bulk upload shows the row-by-row report and records nothing', async () => {
    const page = await signIn('tongji');
    await page.goto(`${server.url}/#/plans/${planId}`);
    const template = await page.request.get(`${server.url}/api/plans/${planId}/measurements/template.csv`);
    const lines = (await template.text()).split('\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const valueColumn = header.indexOf('数值');
    // Row 2 gets a word where a number belongs, row 3 an unknown target id.
    const cells = (line: string) => line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    const second = cells(lines[1]!);
    second[valueColumn] = '约十二';
    const third = cells(lines[2]!);
    third[0] = '99999';
    const csv = [lines[0], second.join(','), third.join(',')].join('\n');
    const before = (await store.listMeasurements({ planId })).length;

    await page.setInputFiles('#bulk-file', {
      name: '填报.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    expect(await page.locator('.file-name').textContent()).toBe('填报.csv');
    await page.getByRole('button', { name: '上传' }).click();
    const report = page.locator('.error-table tbody tr');
    await report.first().waitFor();
    const rows = await report.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent)),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        ['2', '数值', expect.stringMatching(/[\u4e00-\u9fff]/)],
        ['3', '目标编号', expect.stringContaining('99999')],
      ]),
    );
    expect((await store.listMeasurements({ planId })).length).toBe(before);
    await screenshot(page, 'upload-error.png');
    await page.close();
  });

  test('an evaluator imports a plan file; the same file again opens the plan already stored', async () => {
    const statistician = await signIn('tongji');
    expect(await statistician.getByText('导入方案').count()).toBe(0);
    await statistician.close();

    const page = await signIn('pinggu');
    await page.setInputFiles(
      '#plan-file',
      path.join(PROJECT_ROOT, 'data', 'plans', '000_3cb08648fdcd494e.txt'),
    );
    await page.waitForURL(new RegExp(`#/plans/${planId}$`));
    await expect.poll(() => page.locator('#toast').textContent()).toContain('此前已导入');
    expect((await store.listPlans()).length).toBe(2);
    await page.close();
  });

  test('a leader reads charts and tables but gets no entry form or upload', async () => {
    const view = await loadPlanProgress(store, planId, { asOfYear: new Date().getFullYear() });
    const page = await signIn('lingdao');
    await page.goto(`${server.url}/#/plans/${planId}`);
    await page.locator('.progress-table tbody tr').first().waitFor();
    expect(await page.locator('#bulk-file').count()).toBe(0);
    // The overview is drawn in the page: one bar per target.
    await expect.poll(() => chartBarCount(page)).toBe(view.targets.length);
    await screenshot(page, 'plan-leader.png');

    // Word beside PDF, and both follow the table's unit filter: the report is the unit's.
    const unit = (await page.locator('#filter-unit option').nth(1).getAttribute('value'))!;
    await page.locator('#filter-unit').selectOption(unit);
    for (const [name, ext] of [
      ['Word 报告', 'docx'],
      ['PDF 报告', 'pdf'],
    ]) {
      const link = page.getByRole('link', { name });
      await link.hover();
      const href = new URL((await link.getAttribute('href'))!, server.url);
      expect(href.pathname).toBe(`/api/plans/${planId}/report.${ext}`);
      expect(href.searchParams.get('unit')).toBe(unit);
    }
    const word = new URL(
      (await page.getByRole('link', { name: 'Word 报告' }).getAttribute('href'))!,
      server.url,
    );
    const answer = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        name: r.headers.get('content-disposition'),
      };
    }, word.href);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('wordprocessingml');
    expect(decodeURIComponent(answer.name!)).toContain(`-${unit}-进度报告-`);

    const row = await openTarget();
    await page.goto(`${server.url}/#/targets/${row.targetId}`);
    await page.locator('#figures').waitFor();
    expect(await page.locator('#figure-value').count()).toBe(0);
    expect(await page.getByRole('button', { name: '核实' }).count()).toBe(0);
    expect(await page.locator('#figures').textContent()).toContain('当前角色只能查看数据');
    await page.close();
  });

  test('an evaluator verifies a figure and sets a qualitative task', async () => {
    const row = await openTarget();
    const page = await signIn('pinggu');
    await page.goto(`${server.url}/#/targets/${row.targetId}`);
    const verify = page.locator('.figures-table tbody tr').first().getByRole('button', { name: '核实' });
    await verify.click();
    await expect
      .poll(() => page.locator('.figures-table tbody tr .chip').first().textContent())
      .toBe('已核实');

    // Confirming the extracted target marks it 已确认 and keeps the origin 抽取.
    const badges = page.locator('#target-fields .badges');
    expect(await badges.textContent()).toContain('待确认');
    await page.getByRole('button', { name: '确认无误' }).click();
    await expect.poll(() => badges.textContent()).toContain('已确认');
    expect(await badges.textContent()).toContain('抽取');
    expect((await store.getTarget(row.targetId)).confirmedBy).toBe('pinggu');

    // A per-member target with several figures still 已填报: 全部核实 verifies them all.
    const members = (await loadPlanProgress(store, planId, { asOfYear: 2025 })).targets.find(
      (t) => t.each !== null,
    )!;
    const pending = async () =>
      (await store.listMeasurements({ targetId: members.targetId })).filter((m) => m.state === 'reported')
        .length;
    expect(await pending()).toBeGreaterThan(1);
    await page.goto(`${server.url}/#/targets/${members.targetId}`);
    await page.getByRole('button', { name: /^全部核实/ }).click();
    await expect.poll(pending).toBe(0);
    await page.locator('#toast', { hasText: '已核实' }).waitFor();

    await page.goto(`${server.url}/#/plans/${planId}`);
    const select = page.locator('#qualitative select').first();
    await select.selectOption('in_progress');
    await expect
      .poll(async () => (await store.listTasks(planId)).some((t) => t.qualitativeStatus === 'in_progress'))
      .toBe(true);
    await page.close();
  });

  test('an evaluator corrects a target: origin 人工修改, confirmation cleared, the change in the history', async () => {
    const view = await loadPlanProgress(store, planId, { asOfYear: 2025 });
    const row = view.targets.at(-1)!;
    const page = await signIn('pinggu');
    await page.goto(`${server.url}/#/targets/${row.targetId}`);
    await page.getByRole('button', { name: '修改', exact: true }).first().click();
    await page.getByLabel('目标值').fill(String(row.value + 1));
    await page.getByRole('button', { name: '保存修改' }).click();
    const badges = page.locator('#target-fields .badges');
    await expect.poll(() => badges.textContent()).toContain('人工修改');
    expect(await badges.textContent()).toContain('待确认');
    expect(await page.locator('#history').textContent()).toContain(`目标值：${row.value} → ${row.value + 1}`);
    expect((await store.getTarget(row.targetId)).origin).toBe('edited');
    await page.close();
  });

  test('an evaluator adds a target the extractor missed; a missing unit is named beside its field', async () => {
    const task = (await store.listTasks(planId)).find((t) => t.qualitative)!;
    const page = await signIn('pinggu');
    await page.goto(`${server.url}/#/plans/${planId}`);
    const row = page.locator('#qualitative tbody tr', { hasText: task.text.slice(0, 12) }).first();
    await row.getByRole('button', { name: '添加指标' }).click();
    const prefix = `#add-${task.id}`;
    await page.locator(`${prefix}-subject`).fill('示范基地');
    await page.locator(`${prefix}-value`).fill('3');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(() => page.locator(`${prefix}-unit-error`).textContent()).toBe('不能为空');
    expect((await store.listTargets(planId)).some((t) => t.taskId === task.id)).toBe(false);

    await page.locator(`${prefix}-unit`).fill('个');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.waitForURL(/#\/targets\/\d+$/);
    await expect.poll(() => page.locator('#target-fields .badges').textContent()).toContain('人工添加');
    const added = (await store.listTargets(planId)).find((t) => t.taskId === task.id)!;
    expect([added.subject, added.value, added.unit, added.origin]).toEqual(['示范基地', 3, '个', 'manual']);
    await page.close();
  });

  test('a narrow window keeps every screen usable', async () => {
    const page = await signIn('tongji', { width: 390, height: 800 });
    await page.goto(`${server.url}/#/plans/${planId}`);
    await page.locator('.progress-table tbody tr').first().waitFor();
    // The page never scrolls sideways: below 768 px the table's rows are cards (every screen
    // at both sizes: web-mobile.test.ts).
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'plan-narrow.png');
    await page.close();
  });

  test('no script error on any screen', () => {
    expect(problems).toEqual([]);
    problems = [];
  });
});
