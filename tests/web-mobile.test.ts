/**
 * Every screen at a phone's size (390×844) and a laptop's (1366×768), in Debian's chromium
 * against the real server over a temporary SQLite file with the demo plans: nothing scrolls
 * sideways (the page, nor a box inside it), tables become cards below 768 px with every
 * button on screen and working (核实 on a figure, the entry form's 保存数据), charts are
 * Chart.js canvases drawn from the server's configurations with a tooltip and a PNG download,
 * and the plan page's 达标率 is met / due for a plan whose figures this test sets.
 * Screenshots (`npm run screenshots`) go to .tmp/web/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { openStore } from '../src/db/open-store';
import type { PlanRecord, Store, TargetRecord } from '../src/db/store';
import { seedDemo } from '../src/demo/seed-demo';
import { importPlanFile } from '../src/app/import-plan-file';
import { JILIN } from '../src/demo/jurisdictions';
import { startServer, type RunningServer } from '../src/http/start-server';
import { STATUS_LABELS, formatAmount, formatPercent, type UserRole } from '../src/shared/index.js';
import { sharedChromium, screenshot, shotPath } from './support/browser';
import { sharedRenderPool } from './support/render-pool';
import { decodePng } from './support/decode-png';
import { hashOf, seedPlanImport } from './support/gold-plans';
import { testConfig } from './support/test-config';

/*
 * The functions given to page.evaluate run in the page; the server's type check has no DOM
 * library, so the page's globals are declared here, for this file only.
 */
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;

const PASSWORD = 'web-mobile-password';
const REPORT_PAIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'report-pairs', 'childcare-elderly');
const USERS: Record<string, UserRole> = {
  guanli: 'admin',
  tongji: 'statistician',
  pinggu: 'evaluator',
};
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const SIZES = [
  ['phone', PHONE],
  ['laptop', LAPTOP],
] as const;

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let demoPlanId: number;
/** A plan with a completion report to read figures from (tests/fixtures/report-pairs). */
let reportPlanId: number;
/** The plan whose figures this test sets, and the as-of year by which all its targets are due. */
let own: {
  plan: PlanRecord;
  targets: TargetRecord[];
  met: TargetRecord[];
  half: TargetRecord[];
  asOf: number;
};
const problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dabiao-web-mobile-'));
  const config = testConfig({ database: path.join(dir, 'web.db'), port: 0, host: '127.0.0.1' });
  store = await openStore(config);
  const seeded = await seedDemo(store);
  demoPlanId = seeded[0]!.plan.id;
  const planFile = path.join(REPORT_PAIR, 'plan.txt');
  const imported = await importPlanFile(
    store,
    planFile,
    readFileSync(planFile),
    { jurisdiction: JILIN, state: 'published' },
    'test',
  );
  reportPlanId = imported.plan.id;
  const units = (await store.listUnits()).map((u) => u.name);
  for (const [username, role] of Object.entries(USERS)) {
    await store.createUser({
      username,
      displayName: username,
      role,
      password: PASSWORD,
      units: role === 'statistician' ? units : [],
    });
  }
  own = await planWithOwnFigures(store);
  server = await startServer(config, store, undefined, {
    renderPool: sharedRenderPool(config.renderThreads),
  });
  browser = await sharedChromium();
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A third plan (the 四平 seed under another file hash) with figures only from here: three
 * plain targets reach their target, two reach half of it, the rest have none. Read as of a
 * year past every deadline, all its targets are due, so 达标率 = 3 / all.
 */
async function planWithOwnFigures(s: Store) {
  const { plan } = await s.importPlan(seedPlanImport('siping', hashOf('web-mobile-own')), 'test');
  expect(plan.state).toBe('published');
  const targets = await s.listTargets(plan.id);
  const plain = targets.filter(
    (t) =>
      t.each === null &&
      t.base === null &&
      t.change === null &&
      t.per === null &&
      ['gte', 'eq', 'approx'].includes(t.op) &&
      t.value > 1,
  );
  expect(plain.length).toBeGreaterThanOrEqual(5);
  const asOf = Math.max(plan.horizonYear, ...targets.map((t) => t.deadline ?? 0)) + 1;
  const met = plain.slice(0, 3);
  for (const t of met) await s.recordMeasurement(t.id, { year: asOf - 1, value: t.value }, 'test');
  const half = plain.slice(3, 5);
  for (const t of half)
    await s.recordMeasurement(t.id, { year: asOf - 1, value: Math.floor(t.value / 2) }, 'test');
  return { plan, targets, met, half, asOf };
}

async function signIn(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'zh-CN', acceptDownloads: true });
  page.on('pageerror', (e) => problems.push(`${username}@${viewport.width}: ${e.message}`));
  await page.goto(server.url + '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.plan-list').waitFor();
  return page;
}

/**
 * What would make a user scroll sideways: the page wider than the window, a box that scrolls
 * sideways inside it, or a visible button or link reaching past the window's edges.
 */
function sidewaysProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = window.innerWidth;
    const name = (e: any) =>
      `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} “${(e.textContent ?? '').trim().slice(0, 20)}”`;
    if (document.documentElement.scrollWidth > width)
      out.push(`page ${document.documentElement.scrollWidth} px wide in ${width}`);
    for (const e of document.querySelectorAll('main *')) {
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(e);
      if (/(auto|scroll)/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1)
        out.push(`${name(e)} scrolls sideways (${e.scrollWidth} in ${e.clientWidth})`);
      if (e.matches('button, a.btn, input, select, textarea') && (box.left < -1 || box.right > width + 1))
        out.push(`${name(e)} at ${Math.round(box.left)}–${Math.round(box.right)} px`);
    }
    return out;
  });
}

/**
 * Buttons a finger cannot reach: scrolled to, the point at a button's centre is not the
 * button (something covers it, or it is outside the window).
 */
function unreachableButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const e of document.querySelectorAll('main button, main a.btn')) {
      // Not shown (a closed 方案信息, a hidden step): not an action on screen.
      if (!e.checkVisibility()) continue;
      e.scrollIntoView({ block: 'center', inline: 'center' });
      const box = e.getBoundingClientRect();
      if (box.width === 0) continue;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !e.contains(hit))
        out.push(`“${(e.textContent ?? '').trim().slice(0, 20)}” under ${hit?.tagName}`);
    }
    window.scrollTo(0, 0);
    return out;
  });
}

/** The chart on a canvas as the page's Chart.js holds it. */
function chartState(page: Page) {
  return page
    .locator('.chart-card canvas')
    .first()
    .evaluate((canvas) => {
      const chart = window.Chart?.getChart(canvas);
      if (!chart) return null;
      const y = chart.scales.y;
      const ticks = chart.options.scales?.y?.ticks?.font?.size ?? chart.options.font.size;
      // Widest axis label as drawn, against the room the axis has: a wider one is cut off.
      const ctx = canvas.getContext('2d');
      ctx.font = `${ticks}px ${chart.options.font.family}`;
      const widest = Math.max(0, ...chart.data.labels.map((l: string) => ctx.measureText(l).width));
      return {
        type: chart.config.type as string,
        bars: chart.getDatasetMeta(0).data.length as number,
        labels: chart.data.labels as string[],
        tickSize: ticks as number,
        widestLabel: widest,
        axisRoom: y.right as number,
        canvasWidth: chart.width as number,
      };
    });
}

async function download(page: Page, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.chart-card .chart-download').first().click(),
  ]);
  const saved = shotPath(`mobile-download-${name}.png`);
  await file.saveAs(saved);
  return { fileName: file.suggestedFilename(), png: await decodePng(readFileSync(saved)) };
}

describe.each(SIZES)('at %s size', (_size, viewport) => {
  const narrow = viewport.width < 768;

  test('no page needs sideways scrolling; tables are cards on a phone', async () => {
    const page = await signIn('guanli', viewport);
    const targetId = own.met[0]!.id;
    const pages: [string, string, string][] = [
      ['plans', '#/plans', '.plan-list'],
      ['plan', `#/plans/${demoPlanId}`, '.progress-table tbody tr'],
      ['target', `#/targets/${targetId}`, '#figures tbody tr'],
      ['units', `#/plans/${demoPlanId}/units`, '.units-table tbody tr'],
      ['todo', '#/todo', 'main table.data tbody tr'],
      ['audit', '#/audit', '.audit-table tbody tr'],
      ['users', '#/users', '.users-table tbody tr'],
      ['account', '#/account', 'main h1'],
      ['report-figures', `#/plans/${demoPlanId}/report-figures`, 'main h1'],
      ['review', `#/plans/${demoPlanId}/review`, 'main h1'],
    ];
    for (const [name, hash, ready] of pages) {
      await page.goto(`${server.url}/${hash}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      if (['plan', 'target', 'units'].includes(name)) {
        // Charts are drawn in the page (Chart.js), no longer server pictures.
        await expect.poll(() => chartState(page).then((c) => c?.bars ?? 0)).toBeGreaterThan(0);
        expect((await chartState(page))!.canvasWidth, name).toBeLessThanOrEqual(viewport.width);
        expect(await page.locator('main img').count(), name).toBe(0);
      }
      expect(await sidewaysProblems(page), `${name} at ${viewport.width}`).toEqual([]);
      expect(await unreachableButtons(page), `${name} at ${viewport.width}`).toEqual([]);
      // On a phone a row is a card and each cell is captioned by its column; on a laptop a table.
      const tables = await page.evaluate(() =>
        [...document.querySelectorAll('main table.data')]
          .filter((t) => t.querySelector('thead th') && t.querySelector('tbody td'))
          .map((t) => ({
            display: getComputedStyle(t.querySelector('tbody tr')!).display,
            labelled: t.querySelectorAll('tbody td[data-label]').length,
          })),
      );
      for (const table of tables) {
        if (narrow) expect(['block', 'grid'], name).toContain(table.display);
        else expect(table.display, name).toBe('table-row');
        expect(table.labelled, name).toBeGreaterThan(0);
      }
      await screenshot(page, `mobile-${name}-${viewport.width}.png`, { fullPage: true });
    }
    // Review mode on a task that has a target: its 确认 / 修改 / 删除 within reach too.
    const confirm = page.getByRole('button', { name: /^确认/ });
    for (let i = 0; i < 10 && (await confirm.count()) === 0; i++)
      await page
        .getByRole('button', { name: /下一个/ })
        .first()
        .click();
    await confirm.first().waitFor();
    expect(await sidewaysProblems(page), 'review target').toEqual([]);
    expect(await unreachableButtons(page), 'review target').toEqual([]);
    await screenshot(page, `mobile-review-target-${viewport.width}.png`, { fullPage: true });
    await page.close();
  });

  test('the headline is met / due for a plan whose figures the test set; its chart is Chart.js', async () => {
    const page = await signIn('guanli', viewport);
    await page.goto(`${server.url}/#/plans/${own.plan.id}?year=${own.asOf}`);
    await page.locator('.progress-table tbody tr').first().waitFor();
    // Every target is due by then; only the three given their full figure are met.
    const due = own.targets.length;
    expect(await page.locator('[data-measure="attainment"]').textContent()).toBe(
      formatPercent(own.met.length / due),
    );
    expect(await page.locator('.kpi-headline .kpi-sub').textContent()).toBe(`${own.met.length}/${due} 项`);
    const met = page.locator('.progress-table tbody .chip', { hasText: STATUS_LABELS.met });
    expect(await met.count()).toBe(own.met.length);

    // The overview: a canvas (no server picture), one bar per target, labels that fit.
    expect(await page.locator('img.chart, img[src*="chart"]').count()).toBe(0);
    await expect.poll(() => chartState(page).then((c) => c?.bars ?? 0)).toBe(own.targets.length);
    const chart = (await chartState(page))!;
    expect(chart.type).toBe('bar');
    expect(chart.tickSize).toBeGreaterThanOrEqual(11);
    expect(chart.widestLabel).toBeLessThanOrEqual(chart.axisRoom);
    expect(chart.canvasWidth).toBeLessThanOrEqual(viewport.width);
    expect(await page.locator('.chart-card').getAttribute('data-chart')).toBe(narrow ? 'narrow' : 'wide');

    // Hovering a bar shows the whole subject of its target.
    const canvas = page.locator('.chart-card canvas');
    await canvas.scrollIntoViewIfNeeded();
    const bar = await canvas.evaluate((c) => {
      const ch = window.Chart.getChart(c);
      const { x, y, base } = ch.getDatasetMeta(0).data[0].getProps(['x', 'y', 'base'], true);
      return { x: (x + base) / 2, y };
    });
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + bar.x, box.y + bar.y);
    await expect
      .poll(() => canvas.evaluate((c) => window.Chart.getChart(c).tooltip?.title?.[0] ?? ''))
      .toMatch(/^任务.+：/);
    const tip = await canvas.evaluate((c) => window.Chart.getChart(c).tooltip.title[0]);
    expect(own.targets.some((t) => tip.endsWith(`：${t.subject}`))).toBe(true);
    await screenshot(page, `mobile-own-plan-${viewport.width}.png`, { fullPage: true });

    const { fileName, png } = await download(page, `overview-${viewport.width}`);
    expect(fileName).toBe(`${own.plan.title}完成情况总览.png`.replace(/\s+/g, ''));
    // Drawn again in the wide layout at twice the pixels, whatever the window.
    expect(png.width).toBe(1920);
    expect(png.ink).toBeGreaterThan(0.02);
    await page.close();
  });

  test('an evaluator verifies a figure from its card, and the trend chart downloads', async () => {
    // Each size verifies a figure of its own (the other size's is verified already).
    const target = narrow ? own.met[1]! : own.half[0]!;
    const page = await signIn('pinggu', viewport);
    await page.goto(`${server.url}/#/targets/${target.id}?year=${own.asOf}`);
    const row = page.locator('#figures tbody tr').first();
    await row.waitFor();
    const verify = row.getByRole('button', { name: '核实' });
    await verify.scrollIntoViewIfNeeded();
    expect(await sidewaysProblems(page)).toEqual([]);
    await verify.click();
    await expect.poll(() => row.textContent()).toContain('已核实');

    await expect.poll(() => chartState(page).then((c) => c?.bars ?? 0)).toBeGreaterThan(0);
    const chart = (await chartState(page))!;
    expect(chart.canvasWidth).toBeLessThanOrEqual(viewport.width);
    const { fileName, png } = await download(page, `trend-${viewport.width}`);
    expect(fileName).toBe(`${target.subject}.png`);
    expect(png.ink).toBeGreaterThan(0.02);
    await screenshot(page, `mobile-verified-${viewport.width}.png`, { fullPage: true });
    await page.close();
  });

  test('a statistician reads figures from a completion report and accepts one from its card', async () => {
    const page = await signIn('tongji', viewport);
    await page.goto(`${server.url}/#/plans/${reportPlanId}/report-figures`);
    await page.locator('#report-year').selectOption('2025');
    await page.locator('#report-file').setInputFiles(path.join(REPORT_PAIR, 'report-2025.txt'));
    await page.getByRole('button', { name: '读取报告' }).click();
    await page.locator('.report-proposals tbody tr').first().waitFor();
    expect(await sidewaysProblems(page)).toEqual([]);
    expect(await unreachableButtons(page)).toEqual([]);
    // Each size accepts a proposal of its own, by the figure its sentence marks.
    const figure = narrow ? '12家' : '926个';
    const row = page.locator('.report-proposals tbody tr', {
      has: page.locator('mark', { hasText: new RegExp(`^${figure}$`) }),
    });
    await row.getByRole('button', { name: '接受' }).click();
    await expect.poll(() => row.locator('.row-status').textContent()).toContain('已记录');
    await screenshot(page, `mobile-report-proposals-${viewport.width}.png`, { fullPage: true });
    await page.close();
  });

  test('a statistician enters a figure through the form on the target page', async () => {
    // A met target stays met with one more: the headline the other size checks holds.
    const target = narrow ? own.met[2]! : own.met[0]!;
    const page = await signIn('tongji', viewport);
    await page.goto(`${server.url}/#/targets/${target.id}?year=${own.asOf}`);
    await page.locator('#figure-value').waitFor();
    await page.locator('#figure-year').selectOption(String(own.asOf - 1));
    await page.locator('#figure-value').fill(String(target.value + 1));
    const save = page.getByRole('button', { name: '保存数据' });
    await save.scrollIntoViewIfNeeded();
    expect(await sidewaysProblems(page)).toEqual([]);
    await save.click();
    await expect
      .poll(() => page.locator('#figures tbody tr').first().textContent())
      .toContain(formatAmount(target.value + 1, target.unit));
    expect(await sidewaysProblems(page)).toEqual([]);
    await page.close();
  });
});

test('no script errors on any page', () => {
  expect(problems).toEqual([]);
});
