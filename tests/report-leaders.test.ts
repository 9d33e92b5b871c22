/**
 * The report as a leader opens it, in both formats, for a plan whose figures this test sets
 * (one target missed, one lagging, one met, one on track, one not reported): the cover names
 * the plan, its issuer, its 文号 and the day on Beijing's clock; page 2 is 需要关注 with the
 * lagging and missed targets. The Word file is opened by LibreOffice, as an office without
 * Word would, and its pages are rendered and read back. Pages are kept under .tmp/report/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanProgress } from '../src/app/load-plan-progress';
import { openStore } from '../src/db';
import type { Store } from '../src/db/store';
import type { PlanProgressView } from '../src/progress/types';
import { buildPlanReportDocx } from '../src/reports/plan-report-docx';
import { buildPlanReport } from '../src/reports/plan-report-pdf';
import { MEASURES, STATUS_LABELS, formatAttainment } from '../src/shared/index.js';
import { decodePng } from './support/decode-png';
import { convertWithLibreOffice } from './support/libreoffice';
import { LEADER_PLAN, LEADER_TARGETS, importLeaderPlan } from './support/leader-plan';
import { testConfig } from './support/test-config';

const tmp = mkdtempSync(path.join(tmpdir(), 'dabiao-leaders-'));
const PAGES_DIR = path.resolve(__dirname, '..', '.tmp', 'report');
/** 16:05 UTC on 23 November is 00:05 on 24 November in Beijing. */
const generatedAt = new Date('2026-11-23T16:05:00Z');

let store: Store;
let view: PlanProgressView;
const files: Record<'pdf' | 'docx' | 'docxPdf', string> = { pdf: '', docx: '', docxPdf: '' };

beforeAll(async () => {
  store = await openStore(testConfig({ database: path.join(tmp, 'leaders.db') }));
  const plan = await importLeaderPlan(store);
  view = await loadPlanProgress(store, plan.id, { asOfYear: LEADER_PLAN.asOfYear });
  files.pdf = path.join(tmp, 'leaders.pdf');
  writeFileSync(files.pdf, await buildPlanReport(view, { generatedAt }));
  files.docx = path.join(tmp, 'leaders.docx');
  writeFileSync(files.docx, await buildPlanReportDocx(view, { generatedAt }));
  files.docxPdf = convertWithLibreOffice(files.docx);
}, 240_000);
afterAll(() => store?.close());

/** Text of page `n` (1-based), spaces and line breaks removed. */
function pageText(pdf: string, n: number): string {
  return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, '');
}

function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** Renders page `n` at 60 dpi under .tmp/report/ (to be looked at) and measures its ink. */
async function renderPage(pdf: string, n: number, name: string): Promise<number> {
  mkdirSync(PAGES_DIR, { recursive: true });
  const prefix = path.join(PAGES_DIR, name);
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-f',
    String(n),
    '-l',
    String(n),
    '-png',
    '-singlefile',
    pdf,
    prefix,
  ]);
  return (await decodePng(readFileSync(`${prefix}.png`))).ink;
}

it('sets figures that make one target missed and one lagging', () => {
  const status = (subject: string) => view.targets.find((t) => t.subject === subject)!.progress.status;
  expect(status(LEADER_TARGETS.missed)).toBe('missed');
  expect(status(LEADER_TARGETS.behind)).toBe('behind');
  expect(status(LEADER_TARGETS.met)).toBe('met');
  expect(status(LEADER_TARGETS.onTrack)).toBe('on_track');
  expect(status(LEADER_TARGETS.unreported)).toBe('unreported');
});

describe.each([
  ['PDF', 'pdf'],
  ['Word, opened in LibreOffice', 'docxPdf'],
] as const)('the report as %s', (_name, file) => {
  const pdf = () => files[file];

  it('has a cover with the title, issuer, 文号, the day in Beijing and the data state — not the file name', () => {
    const cover = pageText(pdf(), 1);
    expect(cover).toContain(LEADER_PLAN.title);
    expect(cover).toContain(`印发单位：${LEADER_PLAN.issuer}`);
    expect(cover).toContain(`文号：${LEADER_PLAN.documentNumber}`);
    expect(cover).toContain('报告日期：2026年11月24日');
    expect(cover).toContain('统计截至：2025年12月31日');
    expect(cover).toContain('数据口径：全部填报数据');
    expect(cover).not.toContain('a1b2c3d4e5f60718');
  });

  it('opens with 需要关注 on page 2: the missed and the lagging target, with their lead units and gaps', () => {
    const page2 = pageText(pdf(), 2);
    expect(page2.startsWith('一、需要关注')).toBe(true);
    expect(page2).toContain(`${STATUS_LABELS.missed}1项、${STATUS_LABELS.behind}1项`);
    expect(page2).toContain(LEADER_TARGETS.missed);
    expect(page2).toContain(LEADER_TARGETS.behind);
    expect(page2).toContain('市人社局');
    expect(page2).toContain('还差2000人次');
    expect(page2).toContain('还差8个');
    // Only what needs attention: the met and on-track targets come later.
    expect(page2).not.toContain(LEADER_TARGETS.met);
    expect(page2).not.toContain(LEADER_TARGETS.onTrack);
  });

  it('follows with the summary led by 达标率, the units with theirs, then the annex', () => {
    const pages = Array.from({ length: pageCount(pdf()) }, (_, i) => pageText(pdf(), i + 1));
    const first = (text: string) => pages.findIndex((p) => p.includes(text));
    const summary = first('二、总体情况');
    expect(summary).toBeGreaterThan(1);
    expect(pages[summary]).toContain(
      `${MEASURES.attainment.label}${formatAttainment(view.attainment)}`.replace(/\s+/g, ''),
    );
    expect(pages[summary]).toContain(MEASURES.completion.label);
    expect(first('三、各责任单位完成情况')).toBeGreaterThan(summary);
    expect(first('附件1任务进度明细')).toBeGreaterThan(first('三、各责任单位完成情况'));
    expect(first('附件3尚未填报的数据')).toBeGreaterThan(first('附件1任务进度明细'));
    const annex = pages.slice(first('附件3尚未填报的数据')).join('');
    expect(annex).toContain(LEADER_TARGETS.unreported);
    expect(annex).toContain('统计员李');
  });

  it('renders cover and page 2 with ink, and page 2 carries a chart', async () => {
    const name = file === 'pdf' ? 'leaders-pdf' : 'leaders-docx';
    expect(await renderPage(pdf(), 1, `${name}-p1`)).toBeGreaterThan(0.01);
    // Table and chart of 需要关注: far more ink than a page of text lines.
    expect(await renderPage(pdf(), 2, `${name}-p2`)).toBeGreaterThan(0.04);
  });

  it('numbers its pages', () => {
    const n = pageCount(pdf());
    expect(pageText(pdf(), 2)).toContain(`第2页/共${n}页`);
  });
});

describe('the Word file itself', () => {
  const part = (name: string) => execFileSync('unzip', ['-p', files.docx, name], { encoding: 'utf8' });

  it('uses Word heading styles, real tables and a Chinese East Asian font', () => {
    const document = part('word/document.xml');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect((document.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(document).toContain('<w:tblHeader/>');
    expect(part('word/styles.xml')).toMatch(/w:eastAsia="微软雅黑"/);
  });

  it('embeds the charts as PNG pictures', () => {
    const media = execFileSync('unzip', ['-l', files.docx], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => /word\/media\/.+\.png$/.test(l));
    // The overview, the units chart, the status chart and one per target (the two of 需要关注
    // are the same pictures as theirs in the annex, stored once).
    expect(media.length).toBe(3 + view.targets.length);
  });
});
