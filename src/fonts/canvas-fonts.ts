/**
 * Registers the Chinese font with node-canvas, once per process. Registration must happen
 * before the first canvas is created, so the chart renderer calls this first.
 */
import { registerFont } from 'canvas';
import { CJK_FONT_FAMILY, CJK_FONT_FILES } from './cjk-font';

let registered = false;

/** Makes `Noto Sans SC` (400 and 700) available to every canvas in this process. */
export function registerCanvasFonts(): void {
  if (registered) return;
  registerFont(CJK_FONT_FILES.regular, { family: CJK_FONT_FAMILY, weight: 'normal' });
  registerFont(CJK_FONT_FILES.bold, { family: CJK_FONT_FAMILY, weight: 'bold' });
  registered = true;
}
