/**
 * What a first visit to a page costs on the wire, measured in real chromium: a fresh browser
 * context (empty cache) signed in by its session cookie, the page opened and left until the
 * network is quiet and its fonts are loaded; every response's transfer size (headers and the
 * body as sent, compressed or not) from the DevTools protocol's network events. The browser
 * negotiates compression itself (`Accept-Encoding: gzip, deflate, br, zstd`).
 * Used by tests/web-light-pages.test.ts and the `first-visit` bench section.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CJK_FONT_FILES } from '../../src/fonts/cjk-font';
import { launchChromium, screenshot } from './browser';

/**
 * Chromium seeing only the system fonts named: DejaVu alone (a machine without any Chinese
 * font, the bundled web font's case), or DejaVu and a Chinese one installed as `Noto Sans SC`
 * (the bundled TTF's folder, standing in for what Windows, macOS and phones ship).
 */
export function launchWithSystemFonts(chinese: boolean): Promise<Browser> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dabiao-fontconfig-'));
  const dirs = [
    '/usr/share/fonts/truetype/dejavu',
    ...(chinese ? [path.dirname(CJK_FONT_FILES.regular)] : []),
  ];
  const conf = path.join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${dirs.map((d) => `  <dir>${d}</dir>`).join('\n')}
  <cachedir>${dir}/cache</cachedir>
</fontconfig>
`,
  );
  return launchChromium({ env: { FONTCONFIG_FILE: conf } });
}

export interface Transfer {
  url: string;
  /** Path only, without the origin (`/styles.css`, `/api/plans/1/progress`). */
  path: string;
  mimeType: string;
  status: number;
  /** The response's Content-Encoding, null when sent as is. */
  encoding: string | null;
  /** Bytes on the wire: headers and body as sent. */
  bytes: number;
}

export interface FirstVisit {
  total: number;
  transfers: Transfer[];
}

/** The `dabiao_session` cookie (or whatever the login answer sets) as playwright wants it. */
export function sessionCookie(setCookie: string, url: string): { name: string; value: string; url: string } {
  const [pair = ''] = setCookie.split(';');
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
}

export async function measureFirstVisit(
  browser: Browser,
  origin: string,
  hash: string,
  /** The signed-in user's session; null for a visitor (the login page). */
  cookie: { name: string; value: string; url: string } | null,
  /** Something on the page that shows it has drawn (`.progress-table`, …). */
  ready: string,
  /** The name of a screenshot of the page once drawn (saved when screenshots are asked for). */
  screenshotName?: string,
): Promise<FirstVisit> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  try {
    if (cookie) await context.addCookies([cookie]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const responses = new Map<string, Omit<Transfer, 'bytes'>>();
    const transfers: Transfer[] = [];
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      responses.set(e.requestId, {
        url: e.response.url,
        path: new URL(e.response.url).pathname,
        mimeType: e.response.mimeType,
        status: e.response.status,
        encoding: headers['content-encoding'] ?? null,
      });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const response = responses.get(e.requestId);
      if (response) transfers.push({ ...response, bytes: e.encodedDataLength });
    });
    await page.goto(`${origin}/#${hash}`, { waitUntil: 'networkidle' });
    await page.locator(ready).first().waitFor();
    // A string: tests are type-checked without the DOM library.
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.waitForLoadState('networkidle');
    if (screenshotName) await screenshot(page, screenshotName);
    await cdp.detach();
    return { total: transfers.reduce((sum, t) => sum + t.bytes, 0), transfers };
  } finally {
    await context.close();
  }
}
