import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';

/**
 * A fontconfig that knows only DejaVu (Latin, Greek, Cyrillic): no CJK font at all, and no
 * hidden fallback such as fonts-droid-fallback. Chinese must still render as Chinese,
 * because dabiao ships its own font.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'dabiao-fontconfig-'));
const fontsConf = path.join(dir, 'fonts.conf');
writeFileSync(
  fontsConf,
  `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>${dir}/cache</cachedir>
</fontconfig>
`,
);
const env = { ...process.env, FONTCONFIG_FILE: fontsConf };
const child = path.resolve(__dirname, 'fixtures/render-labels.ts');

async function pixels(base64: string) {
  const image = await loadImage(Buffer.from(base64, 'base64'));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height).data;
}

/** Share of pixels that differ between two same-sized images. */
function difference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let differ = 0;
  for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i]! - b[i]!) > 40) differ++;
  return differ / (a.length / 4);
}

function inkShare(a: Uint8ClampedArray): number {
  let ink = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i]! < 200) ink++;
  return ink / (a.length / 4);
}

describe('Chinese renders with real glyphs on a machine without a CJK font', () => {
  it('the test fontconfig really has no font for Chinese', () => {
    const zh = execFileSync('fc-list', [':lang=zh'], { env, encoding: 'utf8' });
    expect(zh.trim()).toBe('');
    expect(execFileSync('fc-list', [], { env, encoding: 'utf8' })).toContain('DejaVu');
  });

  it.each([
    ['已达标', '未达标'],
    ['进度滞后', '进度正常'],
  ])('%s and %s render as two different, non-blank, real-glyph labels', async (a, b) => {
    const render = (mode: 'dabiao' | 'bare') =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', child, mode, a, b], {
          env,
          encoding: 'utf8',
          cwd: path.resolve(__dirname, '..'),
        }),
      ) as string[];
    const [ours, bare] = [render('dabiao'), render('bare')];
    const [oursA, oursB, bareA, bareB] = await Promise.all([...ours, ...bare].map(pixels));
    expect(inkShare(oursA!)).toBeGreaterThan(0.01);
    expect(inkShare(oursB!)).toBeGreaterThan(0.01);
    // The two labels differ where their first characters differ…
    expect(difference(oursA!, oursB!)).toBeGreaterThan(0.002);
    // …and neither is what the machine's own fonts draw: missing-glyph boxes.
    expect(difference(oursA!, bareA!)).toBeGreaterThan(0.01);
    expect(difference(oursB!, bareB!)).toBeGreaterThan(0.01);
  });
});
