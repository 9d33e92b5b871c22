/**
 * Light pages, measured as a browser on a slow line would feel them: first visits (empty
 * cache) in real chromium against the real server. With a Chinese system font (what Windows,
 * macOS and phones have) the plan page costs under 600 KB on the wire and no font is fetched;
 * scripts, stylesheets and JSON come brotli-compressed; without any Chinese font the bundled
 * font arrives as WOFF2 subsets, never the 10 MB TTF, and a page of the client's own words
 * needs only the small UI face.
 */
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchWithSystemFonts,
  measureFirstVisit,
  sessionCookie,
  type FirstVisit,
} from './support/first-visit';
import { useSeededServer } from './support/http-harness';
import { CJK_FONT_FILES } from '../src/fonts/cjk-font';
import { WEB_FONT_DIR, WEB_FONT_FACES, clientCharacters } from '../src/web/web-font';
import { CLIENT_ROOTS } from '../src/web/web-router';

const env = useSeededServer();
const browsers: Browser[] = [];
let withFont: FirstVisit;
let withoutFont: FirstVisit;

beforeAll(async () => {
  const { server, users, seeded } = env;
  const cookie = sessionCookie(users.admin.cookie, server.url);
  const plan = `/plans/${seeded.jilin.id}`;
  for (const chinese of [true, false]) {
    const browser = await launchWithSystemFonts(chinese);
    browsers.push(browser);
    const shot = `light-plan-${chinese ? 'system-font' : 'no-cjk-font'}.png`;
    const visit = await measureFirstVisit(browser, server.url, plan, cookie, '.progress-table', shot);
    if (chinese) withFont = visit;
    else withoutFont = visit;
  }
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const listing = (visit: FirstVisit) =>
  visit.transfers.map((t) => `${kb(t.bytes).padStart(9)} ${t.encoding ?? '-'} ${t.path}`).join('\n');
const fontsOf = (visit: FirstVisit) =>
  visit.transfers.filter((t) => t.mimeType.startsWith('font/') || /\.(ttf|otf|woff2?)$/.test(t.path));

describe('first visit to the plan page', () => {
  test('costs under 600 KB on the wire with a Chinese system font, and fetches no font', () => {
    expect(withFont.transfers.some((t) => t.path === `/api/plans/${env.seeded.jilin.id}/progress`)).toBe(
      true,
    );
    expect(fontsOf(withFont)).toEqual([]);
    expect(withFont.total, listing(withFont)).toBeLessThan(600 * 1024);
  });

  test('sends every script, stylesheet and JSON answer brotli-compressed', () => {
    const text = withFont.transfers.filter(
      (t) => t.status === 200 && /javascript|css|json|html/.test(t.mimeType),
    );
    expect(text.filter((t) => t.path.endsWith('.js')).length).toBeGreaterThan(20);
    expect(text.filter((t) => t.path.startsWith('/api/') && t.encoding).length).toBeGreaterThan(2);
    // Answers under 1 KB (`/api/session`, counts) are not worth compressing.
    const plain = text.filter((t) => !t.encoding && t.bytes > 1500).map((t) => `${t.path} ${kb(t.bytes)}`);
    expect(plain).toEqual([]);
    expect(new Set(text.filter((t) => t.encoding).map((t) => t.encoding))).toEqual(new Set(['br']));
  });

  test('without any Chinese font, draws Chinese with the WOFF2 subsets, never the TTF', () => {
    const fonts = fontsOf(withoutFont);
    expect(
      fonts.map((t) => t.path.replace(/\.[\w-]{12}\.woff2$/, '.woff2')).sort(),
      listing(withoutFont),
    ).toEqual(['/fonts/noto-sans-sc-common.woff2', '/fonts/noto-sans-sc-ui.woff2']);
    for (const font of fonts) expect(font.mimeType).toBe('font/woff2');
    // A tenth of the 10.3 MB TTF, once: the URLs are cached for a year.
    expect(fonts.reduce((sum, t) => sum + t.bytes, 0)).toBeLessThan(600 * 1024);
  });
});

describe('the login page, in the client’s own words only', () => {
  test('without any Chinese font, fetches the small UI face alone', async () => {
    const visit = await measureFirstVisit(browsers[1]!, env.server.url, '/login', null, 'form');
    const fonts = fontsOf(visit).map((t) => t.path);
    expect(fonts, listing(visit)).toHaveLength(1);
    expect(fonts[0]).toMatch(/^\/fonts\/noto-sans-sc-ui\.[\w-]{12}\.woff2$/);
    expect(fontsOf(visit)[0]!.bytes).toBeLessThan(80 * 1024);
  });
});

describe('the committed UI face', () => {
  test('has every character the client writes (else: npm run build:web-font)', async () => {
    const fontkit = await import('fontkit');
    const open = (file: string) => {
      const f = fontkit.openSync(file);
      return 'fonts' in f ? f.fonts[0]! : f;
    };
    const full = open(CJK_FONT_FILES.regular);
    const ui = open(path.join(WEB_FONT_DIR, WEB_FONT_FACES.ui));
    const missing = [...clientCharacters(CLIENT_ROOTS.map((r) => r.dir))].filter(
      (c) => full.hasGlyphForCodePoint(c.codePointAt(0)!) && !ui.hasGlyphForCodePoint(c.codePointAt(0)!),
    );
    expect(missing.join('')).toBe('');
  });
});
