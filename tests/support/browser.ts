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
      // The software compositor in the browser process instead of a process of its own: one
      // process and its messages fewer per browser (a tenth of the browser tests' CPU here).
      '--in-process-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * The one browser of this test process, launched on first use and left to the process's exit
 * (playwright stops it then): a test file opens its own pages, each in a fresh context with
 * its own cookies and cache, so files share nothing but the browser process. A launch was
 * 2.5 s of CPU, and the browser files run one after another in each test process.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().then((browser) => {
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  });
  return shared;
}
