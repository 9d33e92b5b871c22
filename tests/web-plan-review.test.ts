/**
 * Bringing one's own plan, in a real browser (Debian's chromium through playwright-core)
 * against the real server on a temporary SQLite file: a prose plan that is no seed (numbered
 * items with 牵头单位 / 配合单位 lines, inside its 印发 notice) is imported as a draft, seen by
 * the evaluator and not by the statistician, corrected, reviewed target by target by
 * keyboard (a target added by selecting its words, one deleted and undone), published,
 * withdrawn and restored by the admin with its figures. Screenshots go to .tmp/web/review-*.
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
import type { MeasurementRecord, Store } from '../src/db/store';
import { startServer, type RunningServer } from '../src/http/start-server';
import type { UserRole } from '../src/shared/index.js';
import { testConfig } from './support/test-config';

const PLAN_FILE = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'documents', 'huangshi-digital-plan.txt');
const PASSWORD = 'review-test-password';
const USERS: Record<string, UserRole> = {
  guanli: 'admin',
  pinggu: 'evaluator',
  tongji: 'statistician',
  lingdao: 'leader',
};
const PROPOSED_TITLE = '黄石市数字经济发展三年行动计划（2024—2026年）';
const CORRECTED_TITLE = '黄石市数字经济发展三年行动计划';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let planId = 0;
let figuresBefore: MeasurementRecord[] = [];
const problems: string[] = [];
const pages: Record<string, Page> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dabiao-web-review-'));
  const config = testConfig({ database: path.join(dir, 'review.db'), port: 0, host: '127.0.0.1' });
  store = await openStore(config);
  for (const [username, role] of Object.entries(USERS)) {
    const units = role === 'statistician' ? ['市经信局', '市发改委', '市人社局'] : [];
    await store.createUser({ username, displayName: username, role, password: PASSWORD, units });
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

/** The user's page, signed in once through the login form; script errors are collected. */
async function as(username: string): Promise<Page> {
  const open = pages[username];
  if (open) return open;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => problems.push(`${username}: ${e.message}`));
  await page.goto(server.url + '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.plan-list, .empty').first().waitFor();
  pages[username] = page;
  return page;
}

async function shot(page: Page, name: string) {
  await screenshot(page, `review-${name}.png`, { fullPage: true });
}

/** The plan list's titles as the user sees them (after reloading the list). */
async function listedTitles(page: Page): Promise<string> {
  await page.goto(`${server.url}/#/plans`);
  await page.reload();
  await page.locator('.plan-list, .empty').first().waitFor();
  return (await page.locator('main').textContent()) ?? '';
}

/** Opens the plan page and waits for its header. */
async function openPlan(page: Page) {
  await page.goto(`${server.url}/#/plans/${planId}`);
  await page.reload();
  await page.locator('.plan-head h1, .notice-error').first().waitFor();
}

const counter = (page: Page) => page.locator('.review-counter').textContent();

/** As a mouse drag would: a selection over the words inside the task text, then the mouseup. */
async function selectWords(page: Page, words: string) {
  await page.evaluate(`(() => {
    const w = ${JSON.stringify(words)};
    const el = document.getElementById('review-text');
    const node = [...el.childNodes].find((n) => n.textContent.includes(w));
    const at = node.textContent.indexOf(w);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + w.length);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  })()`);
}

describe('bring your own plan', () => {
  test('an imported file is a draft: the evaluator sees it with its proposed metadata, the statistician does not', async () => {
    const page = await as('pinggu');
    await page.locator('#plan-file').setInputFiles(PLAN_FILE);
    await page.locator('.lifecycle .plan-state-draft').waitFor();
    planId = Number(/#\/plans\/(\d+)/.exec(page.url())![1]);
    expect(await page.locator('.plan-head h1').textContent()).toBe(PROPOSED_TITLE);
    // Each proposed field shows the line it came from.
    const sources = await page.locator('.plan-meta .meta-source').allTextContents();
    expect(sources.join('\n')).toContain('黄石政办发〔2024〕8号');
    expect(sources.join('\n')).toContain('关于印发《黄石市数字经济发展三年行动计划');
    expect(await page.locator('#plan-jurisdiction').inputValue()).toBe('黄石市');
    const names = page.locator('.plan-meta .member-name');
    const members = [];
    for (let i = 0; i < (await names.count()); i++) members.push(await names.nth(i).inputValue());
    expect(members).toEqual(['黄石港区', '西塞山区', '下陆区', '铁山区', '阳新县', '大冶市']);
    await shot(page, '01-draft-evaluator');

    const statistician = await as('tongji');
    expect(await listedTitles(statistician)).not.toContain('黄石');
    await openPlan(statistician);
    expect(await statistician.locator('.notice-error').textContent()).toContain('找不到方案');
    await shot(statistician, '02-draft-hidden-from-statistician');
  });

  test('the evaluator corrects the title and the period', async () => {
    const page = await as('pinggu');
    await page.locator('#plan-title').fill(CORRECTED_TITLE);
    await page.locator('#plan-horizonYear').fill('2027');
    await page.getByRole('button', { name: '保存方案信息' }).click();
    await page.locator('.plan-head h1', { hasText: new RegExp(`^${CORRECTED_TITLE}$`) }).waitFor();
    expect(await page.locator('.plan-head .meta').textContent()).toContain('规划期：2024—2027 年');
    const plan = await store.getPlan(planId);
    expect([plan.title, plan.startYear, plan.horizonYear, plan.documentNumber]).toEqual([
      CORRECTED_TITLE,
      2024,
      2027,
      '黄石政办发〔2024〕8号',
    ]);
    await shot(page, '03-title-and-period-corrected');
  });

  test('review mode walks every target by keyboard: delete and undo, edit in place, add by selecting words', async () => {
    const page = await as('pinggu');
    await page.getByRole('link', { name: '进入审核模式' }).click();
    await page.locator('.review-counter').waitFor();
    const total = Number(/\/ (\d+) 项/.exec((await counter(page)) ?? '')![1]);
    const targetsBefore = (await store.listTargets(planId)).length;
    expect(total).toBeGreaterThanOrEqual(targetsBefore);
    expect(await page.locator('.review-text mark.current').textContent()).toBe('6000个');
    await shot(page, '04-review-mode');

    // Delete the first target, see the undo bar, undo with Z.
    await page.keyboard.press('Delete');
    await page.locator('#review-undo').waitFor();
    expect((await store.listTargets(planId)).length).toBe(targetsBefore - 1);
    await shot(page, '05-deleted-with-undo');
    await page.keyboard.press('z');
    await page.locator('.undo-bar:empty').waitFor({ state: 'attached' });
    await expect.poll(async () => (await store.listTargets(planId)).length).toBe(targetsBefore);

    // Every entry by keyboard: Enter confirms and goes on; the second target is edited in place
    // first; the last target is left 待确认 so that publishing has to ask.
    for (let i = 1; i <= total; i++) {
      await page.locator('.review-counter', { hasText: `第 ${i} / ${total} 项` }).waitFor();
      if (i === 2) {
        await page.keyboard.press('e');
        const subject = page.locator('[id^="edit-"][id$="-subject"]');
        await subject.fill('规模以上电子信息企业');
        await page.getByRole('button', { name: '保存修改' }).click();
        await page.locator('.review-panel .review-edited').waitFor();
      }
      const isLast = i === total;
      const hasTarget = (await page.locator('#review-confirm').count()) > 0;
      if (isLast && hasTarget) break;
      await page.keyboard.press(isLast ? 'ArrowRight' : 'Enter');
    }
    const reviewed = await store.listTargets(planId);
    expect(reviewed.filter((t) => !t.confirmed)).toHaveLength(1);
    expect(reviewed.find((t) => t.subject === '规模以上电子信息企业')).toMatchObject({
      origin: 'edited',
      confirmed: true,
    });

    // Back to the task that states a missed figure, select its words, correct the proposal.
    for (
      let i = 0;
      i < total && !((await page.locator('#review-text').textContent()) ?? '').includes('调度会议');
      i++
    )
      await page.keyboard.press('ArrowLeft');
    const words = '每季度召开一次调度会议';
    await selectWords(page, words);
    await page.locator('#add-from-selection').click();
    const quote = page.locator('#add-selected-quote');
    await quote.waitFor();
    expect(await quote.inputValue()).toBe(words);
    expect(await page.locator('#add-selected-value').inputValue()).toBe('1');
    expect(await page.locator('#add-selected-unit').inputValue()).toBe('次');
    await page.locator('#add-selected-subject').fill('调度会议');
    await page.locator('#add-selected-per').selectOption('');
    await shot(page, '06-add-by-selection');
    await page.getByRole('button', { name: '添加目标' }).click();
    await page.locator('.review-panel .review-manual').waitFor();
    const added = (await store.listTargets(planId)).find((t) => t.subject === '调度会议')!;
    const task = (await store.listTasks(planId)).find((t) => t.id === added.taskId)!;
    expect(added).toMatchObject({ origin: 'manual', quote: words, value: 1, unit: '次' });
    expect(task.text.slice(added.start!, added.end!)).toBe(words);
    await shot(page, '07-added-target');

    // Split it in two: one form holds both parts; words selected in the text fill the second.
    await page.locator('#review-split').click();
    expect(await page.locator(`#split-${added.id}-a-subject`).inputValue()).toBe('调度会议');
    await selectWords(page, '成立市数字经济发展工作专班');
    await page.locator('#fill-second-part').click();
    const second = page.locator(`#split-${added.id}-b-quote`);
    await expect.poll(() => second.inputValue()).toBe('成立市数字经济发展工作专班');
    await page.locator(`#split-${added.id}-b-subject`).fill('数字经济发展工作专班');
    await page.locator(`#split-${added.id}-b-value`).fill('1');
    await page.locator(`#split-${added.id}-b-unit`).fill('个');
    await page.locator(`#split-${added.id}-b-per`).selectOption('');
    await shot(page, '07a-split-form');
    await page.getByRole('button', { name: '保存拆分' }).click();
    await page.locator('#review-merge').waitFor();
    const parts = (await store.listTargets(planId)).filter((t) => t.taskId === added.taskId);
    expect(parts.map((t) => [t.subject, t.quote, task.text.slice(t.start!, t.end!)]).sort()).toEqual([
      ['数字经济发展工作专班', '成立市数字经济发展工作专班', '成立市数字经济发展工作专班'],
      ['调度会议', words, words],
    ]);

    // Merge them back: the other target of the task is offered, the words span both quotes.
    await page.locator('#review-merge').click();
    const mergedQuote = page.locator(`#merge-${added.id}-quote`);
    await mergedQuote.waitFor();
    expect(await mergedQuote.inputValue()).toBe('成立市数字经济发展工作专班，每季度召开一次调度会议');
    await shot(page, '07b-merge-form');
    await page.getByRole('button', { name: '保存合并' }).click();
    await page.locator('#review-merge').waitFor({ state: 'detached' });
    // The form goes as the request leaves; on a busy machine the answer comes a moment later.
    const targetsOfTask = async () =>
      (await store.listTargets(planId)).filter((t) => t.taskId === added.taskId);
    await expect.poll(async () => (await targetsOfTask()).length).toBe(1);
    const after = await targetsOfTask();
    expect(after[0]).toMatchObject({
      id: added.id,
      subject: '调度会议',
      quote: '成立市数字经济发展工作专班，每季度召开一次调度会议',
    });
  });

  test('publishing asks how many are 待确认; then the statistician sees the plan', async () => {
    const page = await as('pinggu');
    await openPlan(page);
    // A qualitative task's status is set inline and the summary above follows without a reload.
    const summary = page.locator('#qualitative-summary');
    expect(await summary.textContent()).toContain('已完成 0');
    await page.locator('#qualitative select').first().selectOption('done');
    await page.locator('#qualitative-summary', { hasText: '已完成 1' }).waitFor();
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.locator('.lifecycle .plan-state-published').waitFor();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('还有 1 个目标待确认');
    await shot(page, '08-published');

    const statistician = await as('tongji');
    expect(await listedTitles(statistician)).toContain(CORRECTED_TITLE);
    await openPlan(statistician);
    expect(await statistician.locator('.plan-head h1').textContent()).toBe(CORRECTED_TITLE);
    await shot(statistician, '09-statistician-sees-published');
    // The statistician reports figures on the published plan.
    const target = (await store.listTargets(planId)).find((t) => t.unit === '个' && t.value === 6000)!;
    await store.recordMeasurement(target.id, { year: 2024, value: 2500 }, 'tongji');
    await store.recordMeasurement(target.id, { year: 2025, value: 4100 }, 'tongji');
    figuresBefore = await store.listMeasurements({ planId });
    expect(figuresBefore).toHaveLength(2);
  });

  test('withdrawn: gone for the statistician, restored by the admin with every figure intact', async () => {
    const page = await as('pinggu');
    await openPlan(page);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '撤回', exact: true }).click();
    await page.locator('.plan-list, .empty').first().waitFor();
    expect(await listedTitles(page)).not.toContain(CORRECTED_TITLE);

    const statistician = await as('tongji');
    expect(await listedTitles(statistician)).not.toContain(CORRECTED_TITLE);
    await openPlan(statistician);
    expect(await statistician.locator('.notice-error').textContent()).toContain('找不到方案');
    await shot(statistician, '10-withdrawn-hidden');

    const admin = await as('guanli');
    const list = await listedTitles(admin);
    expect(list).toContain(CORRECTED_TITLE);
    await shot(admin, '11-admin-sees-withdrawn');
    await openPlan(admin);
    await admin.locator('.lifecycle .plan-state-withdrawn').waitFor();
    await admin.getByRole('button', { name: '恢复', exact: true }).click();
    await admin.locator('.lifecycle .plan-state-published').waitFor();
    await shot(admin, '12-restored');
    expect(await store.listMeasurements({ planId })).toEqual(figuresBefore);

    expect(await listedTitles(statistician)).toContain(CORRECTED_TITLE);
    expect(problems).toEqual([]);
  });
});
