/**
 * Debian's chromium (never a downloaded browser), headless, with the flags this machine needs:
 * without the background-networking ones it keeps opening connections the closed network
 * refuses. Every browser test launches through here.
 */
import { chromium, type Browser } from 'playwright-core';

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
