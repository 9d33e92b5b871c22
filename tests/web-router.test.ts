/**
 * How the web client is served: the page at `/`, modules and stylesheet with the right
 * content types, content ETags that answer 304, the API's security headers on them too, and
 * a client that never builds markup from strings nor needs an inline script or style.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { startTestServer, type TestServer } from './support/http-harness';

const PUBLIC = path.join(PROJECT_ROOT, 'src', 'web', 'public');
const SHARED = path.join(PROJECT_ROOT, 'src', 'shared');
const CHARTS = path.join(PROJECT_ROOT, 'src', 'charts');

/**
 * Every file of the client, as its URL path: src/web/public at `/`, src/shared at `/shared/`,
 * the chart configurations' modules (src/charts/*.js, not the server-only .ts) at `/charts/`.
 */
function clientFiles(dir = PUBLIC, root = PUBLIC, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? clientFiles(path.join(dir, e.name), root, prefix)
      : [`${prefix}/${path.relative(root, path.join(dir, e.name)).split(path.sep).join('/')}`],
  );
}
const servedFiles = () => [
  ...clientFiles(),
  ...clientFiles(SHARED, SHARED, '/shared'),
  ...clientFiles(CHARTS, CHARTS, '/charts').filter((f) => f.endsWith('.js')),
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('serving the client', () => {
  test.each([
    ['/', 'text/html; charset=utf-8'],
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/views/plan.js', 'text/javascript; charset=utf-8'],
    ['/styles.css', 'text/css; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
  ])('%s is served as %s, revalidated by ETag', async (url, type) => {
    const res = await fetch(server.url + url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{10,}"$/);
    const again = await fetch(server.url + url, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  test('the page names its title, stylesheet and module entry in Chinese and without inline code', async () => {
    const html = await (await fetch(server.url + '/')).text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<script type="module" src="/app.js"></script>');
    // The CSP allows only files from the same origin: no inline script body, no style attribute.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
  });

  test('the page preloads every module, so the browser fetches them at once, not import by import', async () => {
    const html = await (await fetch(server.url + '/')).text();
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    const modules = servedFiles().filter((f) => f.endsWith('.js'));
    expect(new Set(preloaded)).toEqual(new Set(modules));
  });

  test('the chart configurations are served as modules, their server-only TypeScript is not', async () => {
    for (const file of ['/charts/plan-overview-chart.js', '/charts/chart-plugins.js']) {
      const res = await fetch(server.url + file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    for (const file of ['/charts/chart-size.ts', '/charts/chart-plugin-options.d.ts'])
      expect((await fetch(server.url + file)).status, file).toBe(404);
  });

  test('Chart.js is served from node_modules as a classic script, not preloaded as a module', async () => {
    const res = await fetch(server.url + '/vendor/chart.umd.min.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toContain('Chart');
    const html = await (await fetch(server.url + '/')).text();
    expect(html).not.toContain('/vendor/');
  });

  test('the Chinese font for machines without one is WOFF2 under hashed URLs, cached for a year; no TTF', async () => {
    const css = await (await fetch(server.url + '/styles.css')).text();
    const urls = [...css.matchAll(/url\('([^']+)'\) format\('woff2'\)/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(2);
    for (const url of urls) {
      expect(url).toMatch(/^\/fonts\/noto-sans-sc-(ui|common)\.[\w-]{12}\.woff2$/);
      const res = await fetch(server.url + url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('font/woff2');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('wOF2');
      expect(bytes.length).toBeLessThan(500_000);
    }
    expect(css).not.toContain('.ttf');
    expect((await fetch(server.url + '/fonts/noto-sans-sc-400.ttf')).status).toBe(404);
  });

  test.each([['/app.js'], ['/styles.css'], ['/']])(
    '%s is sent brotli-compressed when the browser takes it, gzip otherwise, with its own ETag',
    async (url) => {
      const plain = await fetch(server.url + url, { headers: { 'accept-encoding': 'identity' } });
      const size = (await plain.arrayBuffer()).byteLength;
      expect(plain.headers.get('content-encoding')).toBeNull();
      for (const [accept, encoding] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip, deflate', 'gzip'],
      ] as const) {
        const res = await fetch(server.url + url, { headers: { 'accept-encoding': accept } });
        expect(res.headers.get('content-encoding')).toBe(encoding);
        expect(res.headers.get('vary')).toBe('Accept-Encoding');
        expect(Number(res.headers.get('content-length'))).toBeLessThan(size / 2);
        expect(res.headers.get('etag')).not.toBe(plain.headers.get('etag'));
        await res.arrayBuffer();
      }
    },
  );

  test.each([
    ['/nope.js', 404, 'not_found'],
    ['/views/../../web-router.ts', 404, 'not_found'],
    // Under /api the API answers (here: sign in first), never the client's files.
    ['/api/app.js', 401, 'unauthenticated'],
  ])('%s answers %i in the API envelope', async (url, status, code) => {
    const res = await fetch(server.url + url);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  test('every module the client imports is served', async () => {
    const files = clientFiles().filter((f) => f.endsWith('.js'));
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(PUBLIC, file), 'utf8');
      for (const [, spec] of source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
        const url = new URL(spec!, 'http://x' + file).pathname;
        const res = await fetch(server.url + url);
        if (res.status !== 200) missing.push(`${file} → ${url} (${res.status})`);
      }
    }
    expect(files.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});

describe('output escaping', () => {
  // Data reaches the page only as text nodes (lib/dom.js `h`), never parsed as HTML.
  test.each(clientFiles().filter((f) => f.endsWith('.js')))('%s builds no markup from strings', (file) => {
    const source = readFileSync(path.join(PUBLIC, file), 'utf8');
    expect(source).not.toMatch(
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
    );
  });
});
