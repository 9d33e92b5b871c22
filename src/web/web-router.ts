/**
 * Serves the browser client (src/web/public): plain ES modules, one stylesheet, no bundler.
 * Files are read once when the router is made and answered from memory with a content
 * ETag and `Cache-Control: no-cache`, so a browser revalidates (a cheap 304) and never runs
 * a stale module after an upgrade; the page shell is the same for every hash route.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import { CJK_FONT_FILES } from '../fonts/cjk-font';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
/**
 * The vocabulary the server uses too, served at /shared/. Client modules import it by its
 * path on disk (`../../../shared/index.js` from `views/`), which a browser resolves to the same
 * URL: dot segments above the root are dropped. So tsc and the browser read one file.
 */
const SHARED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'shared');
/**
 * The chart configurations the server's PNGs are drawn from, served at /charts/ the same way
 * (only their .js files: the plugin options' .d.ts is for tsc), so a chart on the page is
 * built by the same functions.
 */
const CHARTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'charts');
/**
 * Chart.js itself as its UMD build, at /vendor/: a classic script the chart cards load on
 * first use (200 KB, so not with every page), defining the `Chart` global. The ESM build
 * would need an import map for its own dependency.
 */
const CHART_JS_FILE = path.join(
  path.dirname(createRequire(import.meta.url).resolve('chart.js')),
  'chart.umd.min.js',
);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

/** Every servable file under `root`, keyed by its URL path (`/views/plan.js`) under `prefix`. */
function loadFiles(
  root: string,
  prefix = '',
  files = new Map<string, StaticFile>(),
): Map<string, StaticFile> {
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const type = CONTENT_TYPES[path.extname(name)];
      if (!type) continue;
      const body = readFileSync(full);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      files.set(`${prefix}/${path.relative(root, full).split(path.sep).join('/')}`, { body, type, etag });
    }
  };
  walk(root);
  return files;
}

function send(file: StaticFile, ifNoneMatch: string | undefined, res: Response): void {
  res.setHeader('Content-Type', file.type);
  res.setHeader('ETag', file.etag);
  // Revalidate every time: module URLs carry no version, so a cached copy must be checked.
  res.setHeader('Cache-Control', 'no-cache');
  if (ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(file.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Length', String(file.body.length));
  res.send(file.body);
}

/**
 * The Chinese font for machines without one (the stylesheet lists it after the system
 * fonts, so a browser fetches it only when nothing local has the glyphs). Large and
 * unchanging for a given installed package: cached for a week, revalidated by ETag.
 */
function fontRoute(file: string) {
  const { size, mtimeMs } = statSync(file);
  const etag = `"font-${size.toString(36)}-${Math.round(mtimeMs).toString(36)}"`;
  return (req: Request, res: Response): void => {
    res.setHeader('Content-Type', 'font/ttf');
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'public, max-age=604800');
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.sendFile(file);
  };
}

const PRELOAD_MARK = /^([ \t]*)<!-- modulepreload:[^>]*-->$/m;

/**
 * The page with a `<link rel="modulepreload">` for every module served, where index.html
 * marks the place: the browser fetches them all at once instead of import by import, and a
 * new view file needs no second entry in a hand-kept list.
 */
function withModulePreloads(page: StaticFile, modules: string[]): StaticFile {
  const html = page.body.toString('utf8');
  const mark = PRELOAD_MARK.exec(html);
  if (!mark) throw new Error('index.html has no <!-- modulepreload: … --> mark');
  const links = modules.sort().map((m) => `${mark[1]}<link rel="modulepreload" href="${m}" />`);
  const body = Buffer.from(html.replace(PRELOAD_MARK, links.join('\n')));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, type: page.type, etag };
}

/** The web client's routes: `/` (the page), its modules, stylesheet, icon and font. */
export function createWebRouter({ root = PUBLIC_DIR }: { root?: string } = {}): Router {
  const files = loadFiles(CHARTS_DIR, '/charts', loadFiles(SHARED_DIR, '/shared', loadFiles(root)));
  const page = files.get('/index.html');
  if (!page) throw new Error(`web client missing: ${path.join(root, 'index.html')}`);
  const index = withModulePreloads(
    page,
    [...files.keys()].filter((f) => f.endsWith('.js')),
  );
  const chartJsBody = readFileSync(CHART_JS_FILE);
  const chartJs: StaticFile = {
    body: chartJsBody,
    type: CONTENT_TYPES['.js']!,
    etag: `"${createHash('sha256').update(chartJsBody).digest('base64url').slice(0, 22)}"`,
  };
  const router = Router();

  router.get(['/', '/index.html'], (req, res) => send(index, req.get('if-none-match'), res));
  router.get('/fonts/noto-sans-sc-400.ttf', fontRoute(CJK_FONT_FILES.regular));
  router.get('/vendor/chart.umd.min.js', (req, res) => send(chartJs, req.get('if-none-match'), res));
  router.get(/^\/(?!api\/).+\.(?:js|css|svg|png|ico|json)$/, (req, res, next) => {
    const file = files.get(req.path);
    if (!file) return next();
    send(file, req.get('if-none-match'), res);
  });
  return router;
}
