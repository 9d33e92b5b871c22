/**
 * Serves the browser client (src/web/public): plain ES modules, one stylesheet, no bundler.
 * Files are read once when the router is made and answered from memory:
 *
 * - the page, modules and stylesheets carry a content ETag and `Cache-Control: no-cache`, so a
 *   browser revalidates (a cheap 304) and never runs a stale module after an upgrade. Module
 *   URLs stay unversioned on purpose: modules import each other by relative path, and a
 *   hashed name would have to be rewritten into every importer;
 * - the fonts are served under content-hashed URLs (`/fonts/noto-sans-sc-ui.3f9a….woff2`,
 *   written into the stylesheet here) and cached for a year, immutable;
 * - text (HTML, JS, CSS, JSON, SVG) is sent brotli- or gzip-compressed as the browser asks,
 *   each file compressed once, on its first request.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chooseEncoding, encode, encodedEtag, type Encoding } from './content-encoding';
import { Router, type Request, type Response } from 'express';
import { WEB_FONT_DIR, fontFaceRules, readWebFontManifest } from './web-font';

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

/** Folders served as they are, each under its URL prefix. A new browser-served folder is one more row. */
export const CLIENT_ROOTS: readonly { prefix: string; dir: string }[] = [
  { prefix: '', dir: PUBLIC_DIR },
  { prefix: '/shared', dir: SHARED_DIR },
  { prefix: '/charts', dir: CHARTS_DIR },
];

/**
 * Single files served from elsewhere (a package in node_modules), by URL, revalidated by
 * ETag like the modules. A vendor script is one more row.
 */
export const VENDOR_FILES: readonly { url: string; file: string }[] = [
  { url: '/vendor/chart.umd.min.js', file: CHART_JS_FILE },
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Types worth compressing; PNG, ICO and WOFF2 are compressed already. */
const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg)/;

/** For URLs that name their content: a changed file gets a new URL, so a copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  /** Served under a content-hashed URL. */
  hashed: boolean;
}

/**
 * Compressed bodies by content hash and encoding, made on first request and kept for the life
 * of the process: brotli at its top setting takes a second of CPU for the client's files, and
 * a process that starts several routers (the test suite starts dozens of servers) compresses
 * each content once. Keyed by content, an entry can never be served for another file.
 */
const ENCODED = new Map<string, Buffer>();

function hashOf(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 22);
}

function staticFile(body: Buffer, type: string, hashed = false): StaticFile {
  return { body, type, etag: `"${hashOf(body)}"`, hashed };
}

/** Every servable file under `root`, keyed by its URL path (`/views/plan.js`) under `prefix`. */
function loadRoot(root: string, prefix: string, files: Map<string, StaticFile>): void {
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const type = CONTENT_TYPES[path.extname(name)];
      if (!type) continue;
      files.set(
        `${prefix}/${path.relative(root, full).split(path.sep).join('/')}`,
        staticFile(readFileSync(full), type),
      );
    }
  };
  walk(root);
}

/** The body for `encoding`, compressed at the highest setting once and kept. */
function bodyFor(file: StaticFile, encoding: Encoding): Buffer {
  if (encoding === 'identity') return file.body;
  const key = `${file.etag}${encoding}`;
  let body = ENCODED.get(key);
  if (!body) ENCODED.set(key, (body = encode(file.body, encoding, 'max')));
  return body;
}

function send(file: StaticFile, req: Request, res: Response): void {
  const compressible = COMPRESSIBLE.test(file.type);
  const encoding = compressible ? chooseEncoding(req.get('accept-encoding')) : 'identity';
  const etag = encodedEtag(file.etag, encoding);
  res.setHeader('Content-Type', file.type);
  res.setHeader('ETag', etag);
  if (compressible) res.setHeader('Vary', 'Accept-Encoding');
  // Unhashed URLs are revalidated every time: module URLs carry no version.
  res.setHeader('Cache-Control', file.hashed ? IMMUTABLE : 'no-cache');
  const ifNoneMatch = req.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
    res.status(304).end();
    return;
  }
  const body = bodyFor(file, encoding);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(body.length));
  res.end(body);
}

const PRELOAD_MARK = /^([ \t]*)<!-- modulepreload:[^>]*-->$/m;
const FONT_FACE_MARK = /^\/\* font-face:[^*]*\*\/$/m;

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
  return staticFile(Buffer.from(html.replace(PRELOAD_MARK, links.join('\n'))), page.type);
}

/**
 * The font files under `/fonts/<name>.<hash>.woff2`, and the stylesheet with their
 * `@font-face` rules where styles.css marks the place.
 */
function addWebFonts(files: Map<string, StaticFile>): void {
  const stylesheet = files.get('/styles.css');
  if (!stylesheet) throw new Error('web client missing: styles.css');
  const manifest = readWebFontManifest();
  const urls = new Map<string, string>();
  for (const face of manifest.faces) {
    const font = staticFile(readFileSync(path.join(WEB_FONT_DIR, face.file)), CONTENT_TYPES['.woff2']!, true);
    const url = `/fonts/${face.file.replace(/\.woff2$/, '')}.${hashOf(font.body).slice(0, 12)}.woff2`;
    urls.set(face.file, url);
    files.set(url, font);
  }
  const css = stylesheet.body.toString('utf8');
  if (!FONT_FACE_MARK.test(css)) throw new Error('styles.css has no /* font-face: … */ mark');
  files.set(
    '/styles.css',
    staticFile(Buffer.from(css.replace(FONT_FACE_MARK, fontFaceRules(manifest, urls))), stylesheet.type),
  );
}

/** Everything the client is made of, by URL path. */
function loadClient(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const r of CLIENT_ROOTS) loadRoot(r.prefix === '' ? root : r.dir, r.prefix, files);
  for (const v of VENDOR_FILES) {
    const type = CONTENT_TYPES[path.extname(v.file)];
    if (!type) throw new Error(`no content type for ${v.file}`);
    files.set(v.url, staticFile(readFileSync(v.file), type));
  }
  addWebFonts(files);
  return files;
}

/** The web client's routes: `/` (the page), its modules, stylesheets, icon and fonts. */
export function createWebRouter({ root = PUBLIC_DIR }: { root?: string } = {}): Router {
  const files = loadClient(root);
  const page = files.get('/index.html');
  if (!page) throw new Error(`web client missing: ${path.join(root, 'index.html')}`);
  const index = withModulePreloads(
    page,
    // Vendor scripts are classic scripts loaded on first use, not modules of every page.
    [...files.keys()].filter((f) => f.endsWith('.js') && !VENDOR_FILES.some((v) => v.url === f)),
  );
  const router = Router();

  router.get(['/', '/index.html'], (req, res) => send(index, req, res));
  router.get(/^\/(?!api\/).+\.(?:js|css|svg|png|ico|json|woff2)$/, (req, res, next) => {
    const file = files.get(req.path);
    if (!file) return next();
    send(file, req, res);
  });
  return router;
}
