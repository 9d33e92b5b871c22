/**
 * The Chinese font browsers get from dabiao, only where no system font has the glyphs (the
 * stylesheet names PingFang SC, Microsoft YaHei, Noto Sans CJK SC, … first): two WOFF2
 * subsets of the bundled Noto Sans SC made by `npm run build:web-font`
 * (scripts/build-web-font.ts) and committed under src/web/fonts, instead of the 10 MB TTF.
 * The server's charts and PDFs keep using the full TTF (src/fonts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_FONT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts');

/** The family the stylesheet's `--font` stack names after the system fonts. */
export const WEB_FONT_FAMILY = 'Dabiao Noto Sans SC';

export const WEB_FONT_FACES = Object.freeze({
  /** Every character of the client's own words: needed on every page. */
  ui: 'noto-sans-sc-ui.woff2',
  /** The other 常用字, fetched only for a page whose data shows one of them. */
  common: 'noto-sans-sc-common.woff2',
});

export interface WebFontManifest {
  /**
   * In stylesheet order. A browser tries the faces of one family last first, skipping a face
   * whose `unicodeRange` leaves the character out and going on when a face lacks the glyph.
   */
  faces: { file: string; unicodeRange: string | null }[];
}

/** What the UI face must hold: printable ASCII and every character written in the client's files. */
export function clientCharacters(dirs: readonly string[]): Set<string> {
  const chars = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(?:js|css|html|svg|json)$/.test(name))
        for (const c of readFileSync(full, 'utf8')) if (c.codePointAt(0)! > 0x7f) chars.add(c);
    }
  };
  dirs.forEach(walk);
  return chars;
}

export function readWebFontManifest(): WebFontManifest {
  return JSON.parse(readFileSync(path.join(WEB_FONT_DIR, 'faces.json'), 'utf8')) as WebFontManifest;
}

/**
 * The `@font-face` rules for the faces at `urls` (file name → served URL). Bold is
 * synthesised from the one weight: a second weight would double the bytes.
 */
export function fontFaceRules(manifest: WebFontManifest, urls: ReadonlyMap<string, string>): string {
  return manifest.faces
    .map((face) =>
      [
        '@font-face {',
        `  font-family: '${WEB_FONT_FAMILY}';`,
        `  src: url('${urls.get(face.file)}') format('woff2');`,
        '  font-weight: 400;',
        '  font-display: swap;',
        ...(face.unicodeRange ? [`  unicode-range: ${face.unicodeRange};`] : []),
        '}',
      ].join('\n'),
    )
    .join('\n');
}
