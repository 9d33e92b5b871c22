/**
 * The layer order of the code (README, 目录): each folder imports only the folders listed
 * for it, the pure folders touch no I/O, and no two files import each other, even for types.
 * The import graph is read from the sources themselves, so a new shortcut fails here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../src/config';

/** Who may import whom: a folder (or top-level file) → the folders it may use besides itself. */
const MAY_USE: Record<string, string[]> = {
  'src/shared': [],
  'src/errors.ts': [],
  // The defaults the product shares with every layer (the users' time zone).
  'src/config.ts': ['src/shared'],
  'src/fonts': [],
  extractors: ['src/shared'],
  'src/documents': ['src/shared', 'src/errors.ts', 'extractors'],
  'src/progress': ['src/shared', 'extractors'],
  'src/db': ['src/shared', 'src/errors.ts', 'src/config.ts', 'extractors'],
  'src/charts': ['src/shared', 'src/errors.ts', 'src/progress', 'src/fonts'],
  'src/reports': ['src/shared', 'src/errors.ts', 'src/progress', 'src/charts', 'src/fonts'],
  'src/app': [
    'src/shared',
    'src/errors.ts',
    'src/config.ts',
    'extractors',
    'src/documents',
    'src/progress',
    'src/db',
  ],
  // The browser client: the vocabulary, the chart configurations the server draws from (its
  // .js modules, served at /charts/), and the API's zod schemas as JSDoc types only.
  'src/web/public': ['src/shared', 'src/charts', 'src/http'],
  'src/web': ['src/shared', 'src/fonts'],
  'src/demo': ['src/shared', 'src/errors.ts', 'src/config.ts', 'src/db', 'src/app'],
  'src/http': [
    'src/shared',
    'src/errors.ts',
    'src/config.ts',
    'src/progress',
    'src/db',
    'src/charts',
    'src/reports',
    'src/app',
    'src/web',
  ],
  'src/cli': Object.keys({}).concat(
    ['src/shared', 'src/errors.ts', 'src/config.ts', 'src/fonts', 'extractors', 'src/documents'],
    ['src/progress', 'src/db', 'src/charts', 'src/reports', 'src/app', 'src/demo', 'src/http'],
  ),
};

/** Folders of plain functions over plain data: no file, network, process or database. */
const PURE = ['src/shared', 'extractors', 'src/progress', 'src/charts'];
/** The only packages pure code may name: Chart.js, for its configuration types. */
const PURE_PACKAGES = ['chart.js'];

const SOURCE = /\.(ts|js)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(PROJECT_ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return SOURCE.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.test.ts') ? [rel] : [];
  });
}

const FILES = [...sourceFiles('src'), ...sourceFiles('extractors')];

/** Every module a file names: static and type imports, re-exports, dynamic imports. */
function specifiers(file: string): string[] {
  const source = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const found = [
    ...source.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

/** The repository file a relative specifier names (`./x` → `x.ts`, `./x.js` → `x.js` or `x.ts`). */
function resolve(from: string, spec: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    `${base}.ts`,
    `${base}.js`,
    // A JSDoc `import('./x')` of types only (chart-plugin-options.d.ts).
    `${base}.d.ts`,
    `${base}/index.ts`,
    `${base}/index.js`,
  ];
  const hit = candidates.find(
    (c) => existsSync(path.join(PROJECT_ROOT, c)) && statSync(path.join(PROJECT_ROOT, c)).isFile(),
  );
  if (!hit) throw new Error(`${from}: cannot resolve ${spec}`);
  return hit;
}

function folderOf(file: string): string {
  return Object.keys(MAY_USE).find((f) => file === f || file.startsWith(`${f}/`)) ?? file;
}

const GRAPH = new Map(
  FILES.map((file) => [
    file,
    specifiers(file)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(file, s)),
  ]),
);

describe('the layer order', () => {
  test('every source file belongs to a folder with a place in the order', () => {
    expect(FILES.filter((f) => !(folderOf(f) in MAY_USE))).toEqual([]);
  });

  test.each(Object.keys(MAY_USE))('%s imports only what it may use', (folder) => {
    const wrong: string[] = [];
    for (const [file, targets] of GRAPH) {
      if (folderOf(file) !== folder) continue;
      for (const target of targets) {
        const to = folderOf(target);
        if (to !== folder && !MAY_USE[folder]!.includes(to)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test.each(PURE)('%s does no I/O: no Node built-in, no package but Chart.js types', (folder) => {
    const wrong = FILES.filter((f) => folderOf(f) === folder).flatMap((file) =>
      specifiers(file)
        .filter((s) => !s.startsWith('.') && !PURE_PACKAGES.includes(s))
        .map((s) => `${file} → ${s}`),
    );
    expect(wrong).toEqual([]);
  });

  test('no import cycle, not even one made of type-only imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of GRAPH.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of GRAPH.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
