import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from 'canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/db';
import type { MeasurementRecord, Store } from '../src/db/store';
import { seedDemo } from '../src/demo/seed-demo';
import { loadPlanProgress } from '../src/app/load-plan-progress';
import { type PlanProgressView } from '../src/progress/types';
import { buildPlanReport } from '../src/reports/plan-report-pdf';
import { sipingView } from './fixtures/progress-views';
import { STATUS_LABELS } from '../src/shared/index.js';
import { testConfig } from './support/test-config';

const tmp = mkdtempSync(path.join(tmpdir(), 'dabiao-report-'));
const generatedAt = new Date('2026-11-23T10:00:00+08:00');
/** The headings as pdftotext reads them (spaces removed). */
const ANNEX_TABLE = '附件1任务进度明细';

interface Written {
  view: PlanProgressView;
  file: string;
  size: number;
  /** Text per page in reading order (cells kept whole), and as laid out (table rows kept on a line). */
  pages: string[];
  layout: string[];
}

async function write(name: string, view: PlanProgressView): Promise<Written> {
  const pdf = await buildPlanReport(view, { generatedAt });
  const file = path.join(tmp, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = (...args: string[]) =>
    execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, -1);
  return { view, file, size: pdf.length, pages: text(), layout: text('-layout') };
}

/** Share of non-white pixels of page `n` rendered at 50 dpi. */
async function inkOfPage(file: string, n: number): Promise<number> {
  const prefix = path.join(tmp, `${path.basename(file, '.pdf')}-p${n}`);
  execFileSync('pdftoppm', [
    '-r',
    '50',
    '-f',
    String(n),
    '-l',
    String(n),
    '-png',
    '-singlefile',
    file,
    prefix,
  ]);
  const image = await loadImage(readFileSync(`${prefix}.png`));
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4)
    if (data[i]! < 230 || data[i + 1]! < 230 || data[i + 2]! < 230) ink++;
  return ink / (image.width * image.height);
}

/** Both seed plans with the demo figures, in a real SQLite file, as of the end of 2025. */
const reports: Record<string, Written> = {};
let verified: MeasurementRecord;
let store: Store;
beforeAll(async () => {
  store = await openStore(testConfig({ database: path.join(tmp, 'demo.db') }));
  const [jilin, siping] = await seedDemo(store);
  // One figure verified by an evaluator, so the report has a 核实人 apart from the 填报人.
  // The latest year's figure of a whole-area target: the one its row in the report names.
  const current = (await store.listMeasurements({ planId: jilin!.plan.id })).filter((m) => m.member === null);
  const figure = current
    .filter((m) => m.targetId === current[0]!.targetId)
    .reduce((a, b) => (b.year > a.year ? b : a));
  verified = await store.setMeasurementState(
    figure.targetId,
    figure.year,
    null,
    'verified',
    figure.revision,
    '评估员王',
  );
  reports.jilin = await write('jilin', await loadPlanProgress(store, jilin!.plan.id, { asOfYear: 2025 }));
  reports.siping = await write('siping', await loadPlanProgress(store, siping!.plan.id, { asOfYear: 2025 }));
});
afterAll(() => store.close());

describe.each(['jilin', 'siping'])('full report of the %s seed plan with the demo figures', (name) => {
  const r = () => reports[name]!;
  const all = () => r().pages.join('\n');
  const compact = () => all().replace(/\s+/g, '');

  it('is an A4 PDF of a few hundred KB', () => {
    const info = execFileSync('pdfinfo', [r().file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(r().size).toBeGreaterThan(50_000);
    expect(r().size).toBeLessThan(2_000_000);
  });

  it('has a cover with title, issuer, as-of date and data state, and not the hashed file name', () => {
    const cover = r().pages[0]!.replace(/\s+/g, '');
    const { plan } = r().view;
    expect(cover).toContain(plan.title);
    expect(cover).toContain(`印发单位：${plan.issuer}`);
    expect(cover).toContain('统计截至：2025年12月31日');
    expect(cover).toContain('数据口径：全部填报数据');
    expect(cover).toContain('报告日期：2026年11月23日');
    expect(cover).not.toContain(plan.sourceName);
  });

  it('opens with 需要关注 on page 2, before the summary and the task table', () => {
    const page2 = r().pages[1]!.replace(/\s+/g, '');
    expect(page2.startsWith('一、需要关注')).toBe(true);
    const compactPages = r().pages.map((p) => p.replace(/\s+/g, ''));
    const at = (heading: string) => compactPages.findIndex((p) => p.includes(heading));
    expect(at('二、总体情况')).toBeGreaterThan(1);
    expect(at('三、各责任单位完成情况')).toBeGreaterThan(at('二、总体情况'));
    expect(at(ANNEX_TABLE)).toBeGreaterThan(at('三、各责任单位完成情况'));
  });

  it('gives back every subject, status and unit as text', () => {
    for (const t of r().view.targets) expect(compact()).toContain(t.subject.replace(/\s+/g, ''));
    for (const status of ['已达标', '进度正常', '进度滞后', '未达标', '未填报'])
      expect(all()).toContain(status);
    for (const u of r().view.units) expect(compact()).toContain(u.unit.replace(/\s+/g, ''));
    expect(all()).toContain('达标率');
  });

  it('numbers every page 第 N 页 / 共 M 页', () => {
    const pages = r().pages;
    pages.forEach((text, i) => expect(text).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`));
  });

  it('repeats the task table header on every page the table runs over', () => {
    const pages = r().layout;
    const first = pages.findIndex((p) => p.replace(/\s+/g, '').includes(ANNEX_TABLE));
    const after = pages.findIndex((p) => p.replace(/\s+/g, '').includes('附件2各量化目标进度图'));
    expect(first).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(first);
    for (let i = first; i <= after; i++) {
      // The page the annex's charts start on holds the table's last rows, if any.
      const header = pages[i]!.indexOf('序号');
      if (i === after && (header < 0 || pages[i]!.indexOf('附件 2') < header)) continue;
      expect(pages[i]).toMatch(/序号\s+工作任务\s+量化目标\s+最新数据\s+完成率\s+状态\s+牵头单位/);
    }
    expect(after - first).toBeGreaterThanOrEqual(2);
  });

  it('lists the lagging and missed targets with their units on page 2 on, and the figures not reported', () => {
    const text = compact();
    const lagging = text.slice(text.indexOf('一、需要关注'), text.indexOf('二、总体情况'));
    for (const t of r().view.targets.filter(
      (x) => x.progress.status === 'behind' || x.progress.status === 'missed',
    )) {
      expect(lagging).toContain(t.subject.replace(/\s+/g, '').slice(0, 6));
      expect(lagging).toContain((t.leadUnit ?? t.units[0]!).replace(/\s+/g, ''));
    }
    const missing = text.slice(text.indexOf('附件3尚未填报的数据'));
    for (const t of r().view.targets.filter((x) => x.progress.status === 'unreported')) {
      expect(missing).toContain(t.subject.replace(/\s+/g, '').slice(0, 6));
    }
  });

  it('names who entered and who verified each figure apart, with their times', () => {
    const layout = r().layout.join('\n');
    const section = layout.slice(layout.indexOf('附件 4 数据填报与核实'));
    expect(section).toContain('填报人');
    expect(section).toContain('核实人');
    expect(section).toMatch(/demo\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    if (name === 'jilin') {
      const line = section.split('\n').find((l) => l.includes('评估员王'))!;
      expect(line).toMatch(/demo\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+评估员王\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(verified.enteredBy).toBe('demo');
    } else expect(section).not.toContain('评估员王');
  });

  it('draws the charts as vector PDF whose titles stay searchable', () => {
    const text = compact();
    expect(text).toContain('量化目标完成情况');
    expect(text).toContain('各责任单位目标完成情况');
    expect(text).toContain('量化目标状态分布');
    const t = r().view.targets[0]!;
    expect(text).toContain(`任务${t.seq}：`);
  });

  it('embeds the CJK font as a subset, and nothing unembedded', () => {
    const fonts = execFileSync('pdffonts', [r().file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.some((l) => /\+NotoSansSC-Regular\s/.test(l))).toBe(true);
    for (const line of fonts) expect(line).toMatch(/\syes\s+yes\s+yes\s/);
  });

  it('renders a cover and a chart page that are not blank', async () => {
    expect(await inkOfPage(r().file, 1)).toBeGreaterThan(0.02);
    const chartPage = r().pages.findIndex((p) => p.includes('二、总体情况')) + 1;
    expect(await inkOfPage(r().file, chartPage)).toBeGreaterThan(0.05);
  });
});

describe('the demo figures of both plans together', () => {
  it('show all five statuses, 已达标 to 未填报, in the reports', () => {
    const text = Object.values(reports)
      .map((r) => r.pages.slice(3).join(''))
      .join('');
    for (const label of Object.values(STATUS_LABELS)) expect(text).toContain(label);
    const counts = Object.values(reports).flatMap((r) => Object.entries(r.view.statusCounts));
    for (const status of Object.keys(STATUS_LABELS)) {
      expect(counts.filter(([s, n]) => s === status && n > 0).length).toBeGreaterThan(0);
    }
  });
});

describe('a report for one unit, verified figures only', () => {
  it('says so on its cover', async () => {
    const view = { ...sipingView(), unit: '市教育局', dataState: 'verified' as const };
    const r = await write('siping-unit', view);
    const cover = r.pages[0]!.replace(/\s+/g, '');
    expect(cover).toContain('目标任务进度报告（市教育局）');
    expect(cover).toContain('责任单位：市教育局');
    expect(cover).toContain('数据口径：仅已核实数据');
  });

  it('says so on page 2 when nothing needs attention', async () => {
    const siping = sipingView();
    const calm = {
      ...siping,
      targets: siping.targets.filter((t) => !['behind', 'missed'].includes(t.progress.status)),
    };
    const r = await write('siping-calm', calm);
    expect(r.pages[1]!.replace(/\s+/g, '')).toMatch(/^一、需要关注还没有进度滞后或未达标的目标。第2页/);
  });
});
