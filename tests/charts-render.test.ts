import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { crossPlanChart } from '../src/charts/cross-plan-chart';
import { planOverviewChart, planOverviewHeight } from '../src/charts/plan-overview-chart';
import { chartCacheSize, renderChart } from '../src/reports/render-chart';
import { statusDistributionChart } from '../src/charts/status-distribution-chart';
import { targetTrendChart } from '../src/charts/target-trend-chart';
import { unitStatusChart } from '../src/charts/unit-status-chart';
import { jilinView, sipingView } from './fixtures/progress-views';
import { decodePng as decode } from './support/decode-png';

const jilin = jilinView();
const siping = sipingView();
const tmp = mkdtempSync(path.join(tmpdir(), 'dabiao-charts-'));
const byId = (pick: (t: (typeof jilin.targets)[number]) => boolean) => jilin.targets.find(pick)!.targetId;

const kinds: [string, ChartConfiguration, number, number, number][] = [
  ['plan overview', planOverviewChart(jilin), 800, planOverviewHeight(jilin), 1],
  [
    'target trend (cumulative, 2025 deadline)',
    targetTrendChart(
      jilin,
      byId((t) => t.subject === '行业协会'),
    ),
    700,
    380,
    2,
  ],
  [
    'target trend (range band)',
    targetTrendChart(
      jilin,
      byId((t) => t.op === 'range'),
    ),
    640,
    360,
    1.5,
  ],
  [
    'target trend (per member)',
    targetTrendChart(
      jilin,
      byId((t) => t.each !== null),
    ),
    720,
    400,
    1,
  ],
  ['completion by unit', unitStatusChart(siping), 800, 420, 2],
  ['status distribution', statusDistributionChart(siping), 600, 320, 3],
  [
    'across plans',
    crossPlanChart([
      { planTitle: '吉林市', row: jilin.targets.find((t) => t.subject.includes('思政示范'))! },
      { planTitle: '四平市', row: siping.targets.find((t) => t.subject.includes('思政示范'))! },
    ]),
    600,
    340,
    2,
  ],
];

describe('every chart kind renders as PNG at the asked size and pixel ratio', () => {
  it.each(kinds)('%s', async (_name, config, width, height, ratio) => {
    const png = await renderChart(config, { width, height, devicePixelRatio: ratio });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const image = await decode(png);
    expect(image.width).toBe(Math.floor(width * ratio));
    expect(image.height).toBe(Math.floor(height * ratio));
    // Bars, lines and labels cover a real share of the picture; a blank chart covers ~0.
    expect(image.ink).toBeGreaterThan(0.03);
  });
});

describe('content cache', () => {
  it('does not draw an unchanged chart twice and never mutates the configuration', async () => {
    const config = statusDistributionChart(jilin);
    const copy = structuredClone(config);
    const first = await renderChart(config, { width: 500, height: 300 });
    const cached = chartCacheSize();
    const again = await renderChart(statusDistributionChart(jilin), { width: 500, height: 300 });
    expect(again).toBe(first);
    expect(chartCacheSize()).toBe(cached);
    expect(config).toEqual(copy);
    const bigger = await renderChart(config, { width: 500, height: 300, devicePixelRatio: 2 });
    expect(bigger).not.toBe(first);
    expect(chartCacheSize()).toBe(cached + 1);
  });
});

describe('size limits', () => {
  it.each([
    [4000, 4000, 4, 'ratio', '图表过大'],
    [6000, 5000, 1, 'width', '图表过大'],
    [0, 300, 1, 'width', '必须大于 0'],
  ])(
    'refuses %i × %i at ratio %i with a Chinese message naming %s',
    async (width, height, ratio, field, words) => {
      await expect(
        renderChart(statusDistributionChart(jilin), { width, height, devicePixelRatio: ratio }),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        issues: [{ path: [field], message: expect.stringContaining(words) }],
      });
    },
  );
});

describe('vector PDF chart', () => {
  it('keeps its Chinese text searchable (glyphs, not outlines) with the font embedded', async () => {
    const pdf = await renderChart(planOverviewChart(siping), { width: 800, height: 500, format: 'pdf' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(tmp, 'overview.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('量化目标完成情况');
    expect(text).toContain('思政示范课');
    expect(text).toContain('完成率');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansSC-Regular\s.*\byes\s+yes\b/);
    // No raster image inside: the chart stays vector (a background colour would rasterise it).
    expect(
      execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').length,
    ).toBeLessThanOrEqual(3);
    expect(pdf.length).toBeLessThan(200_000);
  });
});
