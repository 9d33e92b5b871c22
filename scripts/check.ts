/**
 * `npm run check`: the type check of the server and the browser client and the promise lint,
 * in one process that builds the server's TypeScript program once. Run as three commands
 * (`tsc`, `tsc -p tsconfig.web.json`, `eslint .`) the server program was built and checked
 * twice — once by tsc, once by typescript-eslint's project service — which was most of the
 * static checks' time. Here the lint's type-aware rules read the checker that tsc's
 * diagnostics already filled. The same configuration files rule: tsconfig.json,
 * tsconfig.web.json, eslint.config.js.
 *
 * Exit status 1 on any type error or lint error, with each one printed as tsc and eslint
 * print them.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');

function program(configFile: string): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, configFile), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

const host: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => '\n',
};

function typeErrors(name: string, p: ts.Program): number {
  const diagnostics = ts.getPreEmitDiagnostics(p);
  if (diagnostics.length) {
    process.stdout.write(`\n${name}\n${ts.formatDiagnosticsWithColorAndContext(diagnostics, host)}`);
  }
  return diagnostics.length;
}

async function lintErrors(server: ts.Program): Promise<number> {
  const eslint = new ESLint({
    cwd: ROOT,
    // Every linted file is in the server program (tsconfig.json includes all TypeScript).
    overrideConfig: {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false, programs: [server] } },
    },
  });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const text = await formatter.format(results);
  if (text) process.stdout.write(text);
  return results.reduce((n, r) => n + r.errorCount, 0);
}

const started = Date.now();
const server = program('tsconfig.json');
let errors = typeErrors('tsc -p tsconfig.json', server);
errors += typeErrors('tsc -p tsconfig.web.json', program('tsconfig.web.json'));
errors += await lintErrors(server);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (errors) {
  process.stdout.write(`\n类型检查或 lint 未通过 / check failed: ${errors} error(s) (${seconds} s)\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`类型检查和 lint 通过 / types and lint clean (${seconds} s)\n`);
}
