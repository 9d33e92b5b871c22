/**
 * `npm test`: the static checks (`scripts/check.ts`: types of the server and the browser client,
 * the promise lint; `prettier --check`) and the vitest suite, started together. The suite
 * spends much of its time waiting (on chromium, spawned servers, sockets, render threads), and
 * the checks fill those waits: run one after the other, the checks added half a minute to every
 * run; run beside the suite, next to nothing. The checks' output is held back and printed after
 * the suite's, so the two never interleave. Arguments go to vitest
 * (`npm test -- tests/web-ui.test.ts`). Exit status 1 when any of the three fails.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

interface Finished {
  name: string;
  code: number;
  output: string;
}

/** Runs a command; `held`: its output is kept and returned instead of printed as it comes. */
function run(name: string, command: string, args: string[], held: boolean): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (e) => resolve({ name, code: 1, output: `${output}${e.message}\n` }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output }));
  });
}

const checks = [
  run('npm run check', BIN('tsx'), ['scripts/check.ts'], true),
  run('prettier --check .', BIN('prettier'), ['--check', '.'], true),
];
const suite = await run('vitest', BIN('vitest'), ['run', ...process.argv.slice(2)], false);
const results = [...(await Promise.all(checks)), suite];
for (const check of results.slice(0, -1)) {
  process.stdout.write(`\n── ${check.name} ──\n${check.output}`);
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length > 0) process.stdout.write(`\n未通过 / failed: ${failed.join(', ')}\n`);
process.exitCode = failed.length > 0 ? 1 : 0;
