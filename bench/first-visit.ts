/**
 * First-visit weight of the pages a leader opens, in real chromium (empty cache, signed in)
 * against the demo data: bytes on the wire per page, split into the page and its modules and
 * stylesheets, the API's JSON, images and fonts. The browser negotiates compression itself
 * (`Accept-Encoding: gzip, deflate, br, zstd`). Two machines: one with a Chinese system font
 * (Windows, macOS, phones; no font fetched) and one with none (the bundled WOFF2 subsets).
 * Reference: the uncompressed bytes of the same responses, and the 10.3 MB TTF sent before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { openStore } from '../src/db/open-store';
import { seedDemo } from '../src/demo/seed-demo';
import { CJK_FONT_FILES } from '../src/fonts/cjk-font';
import { startServer } from '../src/http/start-server';
import {
  launchWithSystemFonts,
  measureFirstVisit,
  sessionCookie,
  type Transfer,
} from '../tests/support/first-visit';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function kindOf(t: Transfer): 'client' | 'json' | 'images' | 'fonts' {
  if (t.mimeType.startsWith('font/')) return 'fonts';
  if (t.mimeType.startsWith('image/') && !t.path.endsWith('.svg')) return 'images';
  if (t.path.startsWith('/api/')) return 'json';
  return 'client';
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-bench-visit-'));
  const config = loadConfig({}, { database: path.join(dir, 'd.db'), port: 0, host: '127.0.0.1' });
  const store = await openStore(config);
  const [demo] = await seedDemo(store);
  await store.createUser({ username: 'bench', displayName: '基准', role: 'admin', password: 'bench-pass-1' });
  const server = await startServer(config, store);
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-pass-1' }),
  });
  const cookie = sessionCookie(login.headers.get('set-cookie') ?? '', server.url);
  const plan = demo!.plan;
  const target = (await store.listTargets(plan.id))[0]!;
  const pages = [
    ['方案列表 plan list', '/plans', '.plan-list'],
    ['方案 plan page', `/plans/${plan.id}`, '.progress-table'],
    ['目标 target page', `/targets/${target.id}`, '.target-page'],
    ['责任单位 units page', `/plans/${plan.id}/units`, 'table'],
  ] as const;

  console.log(`the bundled TTF the pages fetched before: ${kb(fs.statSync(CJK_FONT_FILES.regular).size)}`);
  const rows: string[][] = [['page', 'machine', 'total', 'client', 'json', 'images', 'fonts', 'requests']];
  for (const chinese of [true, false]) {
    const browser = await launchWithSystemFonts(chinese);
    try {
      for (const [label, hash, ready] of pages) {
        const visit = await measureFirstVisit(browser, server.url, hash, cookie, ready);
        const by = { client: 0, json: 0, images: 0, fonts: 0 };
        for (const t of visit.transfers) by[kindOf(t)] += t.bytes;
        rows.push([
          label,
          chinese ? 'system CJK font' : 'no CJK font',
          kb(visit.total),
          kb(by.client),
          kb(by.json),
          kb(by.images),
          kb(by.fonts),
          String(visit.transfers.length),
        ]);
      }
    } finally {
      await browser.close();
    }
  }
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  // Chinese characters take two columns in a terminal.
  const width = (text: string) =>
    [...text].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const pad = (text: string, to: number, left: boolean) => {
    const fill = ' '.repeat(Math.max(0, to - width(text)));
    return left ? text + fill : fill + text;
  };
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  for (const r of rows) console.log(r.map((c, i) => pad(c, widths[i]!, i < 2)).join('  '));
}
