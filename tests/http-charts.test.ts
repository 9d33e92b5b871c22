import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../src/db/store';
import {
  expectEnvelope,
  loginAll,
  startTestServer,
  type Client,
  type TestServer,
} from './support/http-harness';
import { plainTarget, seedGoldPlans, type SeededPlans } from './support/http-seed';

let server: TestServer;
let users: Record<UserRole, Client>;
let seeded: SeededPlans;

beforeAll(async () => {
  server = await startTestServer();
  seeded = await seedGoldPlans(server.store);
  users = await loginAll(server.url);
  const t = plainTarget(seeded.jilinTargets);
  await users.statistician.call('POST', `/api/targets/${t.id}/measurements`, { year: 2024, value: t.value });
});
afterAll(() => server.close());

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
    const id = plainTarget(seeded.jilinTargets).id;
    const r = await users.leader.call(
      'GET',
      `/api/targets/${id}/chart.png?width=${width}&height=${height}&ratio=${ratio}&year=2024`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    expect(pngSize(r.body)).toEqual(expected);
  });

  it('sizes the overview to its targets unless a height is given', async () => {
    const r = await users.leader.call(
      'GET',
      `/api/plans/${seeded.jilin.id}/charts/overview.png?width=900&year=2024`,
    );
    const [w, h] = pngSize(r.body);
    expect(w).toBe(900);
    expect(h).toBeGreaterThan(seeded.jilinTargets.length * 10);
  });

  it('answers 304 to a client holding the same chart, and a new ETag after a figure changes', async () => {
    const path = `/api/plans/${seeded.siping.id}/charts/overview.png?year=2024`;
    const first = await users.leader.call('GET', path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await users.leader.raw(path, {
      headers: { authorization: `Bearer ${users.leader.token}`, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const t = plainTarget(seeded.sipingTargets);
    await users.statistician.call('POST', `/api/targets/${t.id}/measurements`, {
      year: 2024,
      value: t.value / 2,
    });
    const changed = await users.leader.raw(path, {
      headers: { authorization: `Bearer ${users.leader.token}`, 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('draws the overview as a vector PDF', async () => {
    const r = await users.leader.call('GET', `/api/plans/${seeded.jilin.id}/charts/overview.pdf?year=2024`);
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
    const r = await users.leader.call('GET', `/api/plans/${seeded.jilin.id}/charts/overview.png?${query}`);
    expectEnvelope(r, 400, 'validation_failed');
    expect(r.body.error.issues[0].path).toEqual([field]);
  });

  it('answers 404 for the chart of an unknown target', async () => {
    expectEnvelope(await users.leader.call('GET', '/api/targets/424242/chart.png'), 404, 'not_found');
  });
});

describe('reports', () => {
  it('serves the plan report as a PDF, restricted to a unit on request, cached by content', async () => {
    const path = `/api/plans/${seeded.jilin.id}/report.pdf?year=2024&unit=${encodeURIComponent('市教育局')}`;
    const r = await users.leader.call('GET', path);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''/);
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await users.leader.raw(path, {
      headers: { authorization: `Bearer ${users.leader.token}`, 'if-none-match': r.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('exports the progress table as .xlsx', async () => {
    const r = await users.leader.call('GET', `/api/plans/${seeded.siping.id}/progress.xlsx?year=2024`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('进度表'));
    expect(r.body.subarray(0, 2).toString()).toBe('PK');
  });
});
