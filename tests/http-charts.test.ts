import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartSizeIssue } from '../src/charts/chart-size';
import { ChartQuery, PdfChartQuery } from '../src/http/schemas';
import { decodePng } from './support/decode-png';
import { expectEnvelope, useSeededServer, type Client } from './support/http-harness';
import { plainTarget } from './support/http-seed';

const env = useSeededServer({
  async prepare({ users, seeded }) {
    const t = plainTarget(seeded.jilinTargets);
    await users.statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 2024,
      value: t.value,
    });
  },
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('charts', () => {
  it.each([
    [800, 400, 1, [800, 400]],
    [600, 300, 2, [1200, 600]],
    [1000, 700, 1.5, [1500, 1050]],
  ])('draws a target chart at %i×%i, pixel ratio %s', async (width, height, ratio, expected) => {
    const id = plainTarget(env.seeded.jilinTargets).id;
    const r = await env.users.leader.call(
      'GET',
      `/api/targets/${id}/chart.png?width=${width}&height=${height}&ratio=${ratio}&year=2024`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    expect(pngSize(r.body)).toEqual(expected);
  });

  it('sizes the overview to its targets unless a height is given', async () => {
    const r = await env.users.leader.call(
      'GET',
      `/api/plans/${env.seeded.jilin.id}/charts/overview.png?width=900&year=2024`,
    );
    const [w, h] = pngSize(r.body);
    expect(w).toBe(900);
    expect(h).toBeGreaterThan(env.seeded.jilinTargets.length * 10);
  });

  it('answers 304 to a client holding the same chart, and a new ETag after a figure changes', async () => {
    const path = `/api/plans/${env.seeded.siping.id}/charts/overview.png?year=2024`;
    const first = await env.users.leader.call('GET', path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await env.users.leader.raw(path, {
      headers: { authorization: `Bearer ${env.users.leader.token}`, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const t = plainTarget(env.seeded.sipingTargets);
    await env.users.statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 2024,
      value: t.value / 2,
    });
    const changed = await env.users.leader.raw(path, {
      headers: { authorization: `Bearer ${env.users.leader.token}`, 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('draws the overview as a vector PDF', async () => {
    const r = await env.users.leader.call(
      'GET',
      `/api/plans/${env.seeded.jilin.id}/charts/overview.pdf?year=2024`,
    );
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    ['width=100', 'width'],
    ['height=5000', 'height'],
    ['ratio=9', 'ratio'],
    ['year=1800', 'year'],
    ['width=wide', 'width'],
    ['width=4000&height=4000&ratio=4', 'ratio'],
  ])('refuses %s', async (query, field) => {
    const r = await env.users.leader.call(
      'GET',
      `/api/plans/${env.seeded.jilin.id}/charts/overview.png?${query}`,
    );
    expectEnvelope(r, 400, 'validation_failed');
    expect(r.body.error.issues[0].path).toEqual([field]);
  });

  it('answers 404 for the chart of an unknown target', async () => {
    expectEnvelope(await env.users.leader.call('GET', '/api/targets/424242/chart.png'), 404, 'not_found');
  });
});

/** Sends `If-None-Match` with the ETag of a first answer. */
async function revalidate(client: Client, path: string, etag: string) {
  return client.raw(path, { headers: { authorization: `Bearer ${client.token}`, 'if-none-match': etag } });
}

/** The text of a PDF, as pdftotext reads it. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
}

describe('plan charts by kind', () => {
  it.each([
    ['overview', '量化目标完成情况'],
    ['units', '各责任单位目标完成情况'],
    ['status', '量化目标状态分布'],
  ])(
    'draws the %s chart as a PNG at the asked size and ratio, and as a searchable PDF',
    async (kind, title) => {
      const base = `/api/plans/${env.seeded.jilin.id}/charts/${kind}`;
      const png = await env.users.leader.call('GET', `${base}.png?width=700&height=450&ratio=2&year=2024`);
      expect(png.headers.get('content-type')).toBe('image/png');
      const image = await decodePng(png.body);
      expect([image.width, image.height]).toEqual([1400, 900]);
      expect(image.ink).toBeGreaterThan(0.01);
      const pdf = await env.users.leader.call('GET', `${base}.pdf?year=2024`);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdfText(pdf.body)).toContain(title);
    },
  );

  it('sizes the units chart to its units unless a height is given', async () => {
    const r = await env.users.leader.call(
      'GET',
      `/api/plans/${env.seeded.jilin.id}/charts/units.png?year=2024`,
    );
    const units = (await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/units?year=2024`))
      .body.units;
    const image = await decodePng(r.body);
    expect(image.width).toBe(800);
    expect(image.height).toBeGreaterThan(units.filter((u: { total: number }) => u.total > 0).length * 20);
  });

  it('names each responsible unit once in the units chart (各县（市）政府 however the plan wrote it)', async () => {
    const r = await env.users.leader.call(
      'GET',
      `/api/plans/${env.seeded.jilin.id}/charts/units.pdf?year=2024`,
    );
    const text = pdfText(r.body);
    expect(text.match(/各县（市）政府/g)).toHaveLength(1);
    expect(text).not.toContain('各县(市)政府');
  });

  it.each(['units', 'status'])(
    'answers 304 for an unchanged %s chart and redraws after a figure changes',
    async (kind) => {
      const path = `/api/plans/${env.seeded.jilin.id}/charts/${kind}.png?year=2024`;
      const first = await env.users.leader.call('GET', path);
      const etag = first.headers.get('etag')!;
      expect((await revalidate(env.users.leader, path, etag)).status).toBe(304);
      const t = env.seeded.jilinTargets.filter((x) => x.each === null && x.base === null)[3]!;
      // The units chart sees the target fall behind, then the status chart sees it met.
      const value = kind === 'units' ? 0 : t.value;
      await env.users.statistician.call('POST', `/api/targets/${t.id}/measurements`, { year: 2024, value });
      const changed = await revalidate(env.users.leader, path, etag);
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
    },
  );
});

describe('the same kind of target across plans', () => {
  const compare = (query: string) => env.users.leader.call('GET', `/api/charts/compare.png?${query}`);
  const both = () => `plans=${env.seeded.jilin.id},${env.seeded.siping.id}`;

  it('draws the first kind the plans share, or the one named, with a 304 for an unchanged one', async () => {
    const first = await compare(`${both()}&year=2024`);
    expect(first.status).toBe(200);
    expect(await decodePng(first.body)).toMatchObject({ width: 800, height: 400 });
    const named = await compare(`${both()}&year=2024&subject=${encodeURIComponent('思政示范课')}&ratio=2`);
    expect(await decodePng(named.body)).toMatchObject({ width: 1600, height: 800 });
    const etag = named.headers.get('etag')!;
    expect(etag).not.toBe(first.headers.get('etag'));
    const path = `/api/charts/compare.png?${both()}&year=2024&subject=${encodeURIComponent('思政示范课')}&ratio=2`;
    expect((await revalidate(env.users.leader, path, etag)).status).toBe(304);
  });

  it.each([
    ['', 400, 'validation_failed', ['plans']],
    ['plans=1', 400, 'validation_failed', ['plans']],
    ['plans=1,1', 400, 'validation_failed', ['plans']],
    ['plans=吉林,四平', 400, 'validation_failed', ['plans']],
    ['plans=1,424242', 404, 'not_found', ['plans', 1]],
    ['plans=1,2&subject=' + encodeURIComponent('火星基地'), 404, 'not_found', ['subject']],
    ['plans=1,2&width=4000&height=4000&ratio=2', 400, 'validation_failed', ['ratio']],
  ])('refuses %s with %i %s naming the field', async (query, status, code, path) => {
    const r = await compare(
      query.replace('plans=1,2', both()).replace('plans=1,', `plans=${env.seeded.jilin.id},`),
    );
    expectEnvelope(r, status, code);
    expect(r.body.error.issues[0].path).toEqual(path);
  });
});

describe('chart size limits', () => {
  it.each([
    [{ width: '4000', height: '4000', ratio: '1.25' }, 'png'],
    [{ width: '4000', height: '4000', ratio: '1.26' }, 'png'],
    [{ width: '4000', height: '4000', ratio: '4' }, 'png'],
    [{ width: '4000', height: '4000', ratio: '4' }, 'pdf'],
    [{ width: '4000', ratio: '2.5' }, 'png'],
    [{ width: '4000', ratio: '2.6' }, 'png'],
    [{ width: '800', height: '400', ratio: '4' }, 'png'],
  ] as const)('the query %j for %s is refused exactly when the renderer would refuse it', (query, format) => {
    const parsed = (format === 'pdf' ? PdfChartQuery : ChartQuery).safeParse(query);
    const renderer = chartSizeIssue({
      width: Number(query.width),
      height: Number('height' in query ? query.height : 400),
      ratio: format === 'pdf' ? 1 : Number(query.ratio),
    });
    expect(parsed.success).toBe(renderer === null);
    if (!parsed.success)
      expect(parsed.error.issues.map((i) => [i.path, i.message])).toEqual([
        [renderer!.path, renderer!.message],
      ]);
  });

  it('refuses an oversized PNG with a Chinese and English message naming the pixel ratio', async () => {
    const r = await env.users.leader.call(
      'GET',
      `/api/plans/${env.seeded.jilin.id}/charts/status.png?width=4000&height=4000&ratio=1.3`,
    );
    expectEnvelope(r, 400, 'validation_failed');
    expect(r.body.error.issues[0].message).toMatch(/^像素比（ratio）：图表过大.* \/ ratio: chart too large/);
  });

  it('draws a tall overview asked for at a high ratio shorter, within 25 megapixels, instead of failing', async () => {
    const r = await env.users.leader.call(
      'GET',
      `/api/plans/${env.seeded.jilin.id}/charts/overview.png?width=4000&ratio=3.5&year=2024`,
    );
    expect(r.status).toBe(200);
    const [w, h] = pngSize(r.body);
    expect(w).toBe(14000);
    expect(w * h).toBeLessThanOrEqual(25_000_000);
    expect(h).toBeGreaterThan(400 * 3.5);
  });
});

describe('reports', () => {
  it('serves the plan report as a PDF, restricted to a unit on request, cached by content', async () => {
    const path = `/api/plans/${env.seeded.jilin.id}/report.pdf?year=2024&unit=${encodeURIComponent('市教育局')}`;
    const r = await env.users.leader.call('GET', path);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''/);
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await env.users.leader.raw(path, {
      headers: { authorization: `Bearer ${env.users.leader.token}`, 'if-none-match': r.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    // The same report opens with 需要关注 on page 2 (the cover is page 1).
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-', '-'], {
      input: r.body,
      encoding: 'utf8',
    });
    expect(page2.replace(/\s+/g, '')).toMatch(/^一、需要关注/);
  });

  it('serves the same report as Word, with the same query, as a download named like the PDF', async () => {
    const query = `year=2024&unit=${encodeURIComponent('市教育局')}`;
    const r = await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/report.docx?${query}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(
      /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/,
    );
    const disposition = decodeURIComponent(r.headers.get('content-disposition')!);
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain('-市教育局-进度报告-2024.docx');
    expect(r.body.subarray(0, 2).toString()).toBe('PK');
    const file = join(mkdtempSync(join(tmpdir(), 'dabiao-docx-')), 'report.docx');
    writeFileSync(file, r.body);
    const document = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).replace(
      /<[^>]+>/g,
      '',
    );
    expect(document).toContain('目标任务进度报告（市教育局）');
    expect(document).toContain('统计截至：2024 年 12 月 31 日');
    const again = await revalidate(
      env.users.leader,
      `/api/plans/${env.seeded.jilin.id}/report.docx?${query}`,
      r.headers.get('etag')!,
    );
    expect(again.status).toBe(304);
    // A PDF and a Word file of the same figures are different answers.
    const pdf = await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/report.pdf?${query}`);
    expect(pdf.headers.get('etag')).not.toBe(r.headers.get('etag'));
  });

  it('exports the progress table as .xlsx', async () => {
    const r = await env.users.leader.call(
      'GET',
      `/api/plans/${env.seeded.siping.id}/progress.xlsx?year=2024`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('进度表'));
    expect(r.body.subarray(0, 2).toString()).toBe('PK');
  });
});
