/**
 * Debian's chromium (never a downloaded browser), headless, with the flags this machine needs:
 * without the background-networking ones it keeps opening connections the closed network
 * refuses. Every browser test launches through here.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config';

/** Where the browser tests leave what a person may want to look at: screenshots, downloads. */
export const SHOTS_DIR = path.join(PROJECT_ROOT, '.tmp', 'web');

/** A file in SHOTS_DIR (made on first use). */
export function shotPath(name: string): string {
  mkdirSync(SHOTS_DIR, { recursive: true });
  return path.join(SHOTS_DIR, name);
}

/**
 * Saves a screenshot of a page (or a part of one) to SHOTS_DIR when DABIAO_SCREENSHOTS=1
 * (`npm run screenshots`). They are for people to look at, no test reads them, and a
 * full-page one costs 0.3–0.7 s: a quarter of the browser suites' time went to them.
 */
export async function screenshot(
  target: Page | Locator,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  if (process.env.DABIAO_SCREENSHOTS !== '1') return;
  const file = shotPath(name);
  if ('goto' in target) {
    // From the top, as a person opening the page sees it (a test may have scrolled to a button).
    await target.evaluate('window.scrollTo(0, 0)');
    await target.screenshot({ path: file, ...options });
  } else await target.screenshot({ path: file });
}

/** `env` for the browser process: FONTCONFIG_FILE, to choose which system fonts it sees. */
export function launchChromium(options: { env?: Record<string, string> } = {}): Promise<Browser> {
  return chromium.launch({
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
