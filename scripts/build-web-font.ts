/**
 * `npm run build:web-font`: cuts the bundled Noto Sans SC (10 MB TTF) down to two WOFF2
 * files for browsers on machines without a Chinese system font, and writes them with a
 * manifest to src/web/fonts (committed; the web router serves them under content-hashed URLs).
 *
 * - `noto-sans-sc-ui.woff2`: every character the client itself writes (src/web/public and
 *   src/shared), ASCII and the CJK punctuation — what every page needs.
 * - `noto-sans-sc-common.woff2`: the other 常用字 (GB 2312 level 1, 3,755 hanzi) and
 *   full-width forms, with a `unicode-range`, so a browser fetches it only when a page shows
 *   such a character that the UI face lacks (a plan's own text) and no system font has it.
 *
 * Run it again after adding Chinese words to the client: tests/web-font.test.ts fails while
 * the committed UI face lacks a character the client uses. Subsetting takes seconds of CPU,
 * which is why it is done here once and not at every server start.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { CJK_FONT_FILES } from '../src/fonts/cjk-font';
import { CLIENT_ROOTS } from '../src/web/web-router';
import { WEB_FONT_DIR, WEB_FONT_FACES, clientCharacters, type WebFontManifest } from '../src/web/web-font';

/** GB 2312 rows, decoded by the platform's own GBK table: row 1 punctuation, 3 full-width forms, 16–55 level-1 hanzi. */
function gb2312Rows(rows: number[]): string {
  const bytes: number[] = [];
  for (const row of rows)
    for (let cell = 1; cell <= 94; cell++) {
      if (row === 55 && cell > 89) continue; // level 1 ends at 55-89 (座)
      bytes.push(0xa0 + row, 0xa0 + cell);
    }
  return new TextDecoder('gbk').decode(Uint8Array.from(bytes)).replace(/[\uFFFD\u3000\s]/gu, '');
}

const hex = (n: number) => n.toString(16).toUpperCase();

/** Sorted runs of consecutive numbers, as [first, last] pairs. */
function runs(numbers: Iterable<number>): [number, number][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const run = out.at(-1);
    if (run && run[1] === n - 1) run[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** `U+20-7E,U+4E00`: exactly these characters as CSS ranges. */
function exactRange(chars: Iterable<string>): string {
  return runs([...chars].map((c) => c.codePointAt(0)!))
    .map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`))
    .join(',');
}

/**
 * The CSS range of the common face: the hanzi as the 256-character blocks that hold them
 * (`U+4E00-92FF`; the font has every character of those blocks, so no block sends a browser
 * to a face without the glyph), the rest exactly. A few hundred bytes of stylesheet instead of
 * 20 KB of code points. The UI face comes last in the stylesheet, so a browser looks there
 * first and fetches this face only for a character the UI face lacks.
 */
function commonRange(chars: string[]): string {
  const hanzi = (c: string) => /\p{Script=Han}/u.test(c) && c.codePointAt(0)! >= 0x4e00;
  const blocks = runs(chars.filter(hanzi).map((c) => c.codePointAt(0)! >> 8)).map(
    ([a, b]) => `U+${hex(a << 8)}-${hex((b << 8) | 0xff)}`,
  );
  return [exactRange(chars.filter((c) => !hanzi(c))), ...blocks].join(',');
}

const source = readFileSync(CJK_FONT_FILES.regular);
const opened = fontkit.create(source);
const font = 'fonts' in opened ? opened.fonts[0]! : opened;
// Only characters the font has: the UI face's range then names exactly what it can draw, so a
// symbol it lacks (✓, an emoji) never makes a browser that has a Chinese system font fetch it.
const has = (c: string) => font.hasGlyphForCodePoint(c.codePointAt(0)!);
const ui = [...clientCharacters(CLIENT_ROOTS.map((r) => r.dir))].filter(has);
const inUi = new Set(ui);
const common = [...gb2312Rows([1, 3, ...Array.from({ length: 40 }, (_, i) => 16 + i)])].filter(
  (c) => has(c) && !inUi.has(c),
);
mkdirSync(WEB_FONT_DIR, { recursive: true });
const manifest: WebFontManifest = { faces: [] };
for (const [face, chars, range] of [
  [WEB_FONT_FACES.common, common, commonRange(common)],
  [WEB_FONT_FACES.ui, ui, exactRange(ui)],
] as const) {
  // Layout features dropped: horizontal Simplified Chinese needs none of them, and they are a quarter of the bytes.
  const woff2 = await subsetFont(source, chars.join(''), { targetFormat: 'woff2', keepFeatures: [] });
  writeFileSync(path.join(WEB_FONT_DIR, face), woff2);
  manifest.faces.push({ file: face, unicodeRange: range });
  console.log(`${face}: ${chars.length} 字 / characters, ${(woff2.length / 1024).toFixed(0)} KB`);
}
writeFileSync(path.join(WEB_FONT_DIR, 'faces.json'), `${JSON.stringify(manifest, null, 2)}\n`);
