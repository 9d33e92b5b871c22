/**
 * The one place that knows where dabiao's Chinese font lives. The font ships through npm
 * (`@expo-google-fonts/noto-sans-sc`, TTF, Simplified Chinese glyph forms), so charts and
 * reports show real Chinese on a machine without any CJK font installed.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Family name charts ask for; registered with canvas under this name. */
export const CJK_FONT_FAMILY = 'Noto Sans SC';

/** Absolute paths of the regular (400) and bold (700) faces. */
export const CJK_FONT_FILES = Object.freeze({
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
});
