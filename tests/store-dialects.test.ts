/**
 * Which databases the repository suites run on. PostgreSQL runs when it answers; in CI it is
 * promised (127.0.0.1:5432), so there an unreachable server fails the PostgreSQL suites
 * loudly instead of leaving them out, while a machine without it still runs on SQLite.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dialects, inCi, postgresProblem } from './support/store-dialects';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** A port nothing listens on: PostgreSQL there is unreachable. */
const NOWHERE = 'postgres://postgres@127.0.0.1:1/postgres';

describe('the CI flag', () => {
  it.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'TRUE' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('%j → %s', (env, expected) => {
    expect(inCi(env)).toBe(expected);
  });
});

describe('the dialects of this run', () => {
  it('include PostgreSQL whenever it answers, and always in CI', () => {
    expect(dialects.map((d) => d.name)).toEqual(
      postgresProblem === null || inCi() ? ['sqlite', 'postgres'] : ['sqlite'],
    );
  });

  it('reach PostgreSQL where CI promises it', () => {
    // Outside CI a missing server only narrows the run; in CI it is this failure.
    expect(inCi() ? postgresProblem : null, 'CI=true but PostgreSQL is unreachable').toBeNull();
  });
});

/**
 * Runs one real repository suite in a child vitest with PostgreSQL pointed nowhere: the
 * accounts suite, one of the quickest that loops over the dialects (the child is a whole
 * vitest run, twice).
 */
function runStoreSuite(ci: string | undefined) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-ci-')), 'result.json');
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'CI'),
  );
  env.DABIAO_TEST_PG_URL = NOWHERE;
  env.NO_COLOR = '1';
  if (ci !== undefined) env.CI = ci;
  const child = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      'tests/store-accounts.test.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    testResults: { assertionResults: { fullName: string; status: string }[] }[];
  };
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  const tests = report.testResults.flatMap((f) => f.assertionResults);
  return {
    status: child.status,
    // The default reporter prints a failed hook's error; the JSON report does not carry it.
    text: `${child.stdout}${child.stderr}`,
    ran: (dialect: string) => tests.filter((t) => t.fullName.includes(`on ${dialect}`)),
  };
}

describe('a run without PostgreSQL', () => {
  it('fails in CI, naming the unreachable server', () => {
    const run = runStoreSuite('true');
    expect(run.status).toBe(1);
    expect(run.text).toContain('CI is set but PostgreSQL at 127.0.0.1:1 is unreachable');
    expect(run.ran('postgres').length).toBeGreaterThan(0);
    expect(run.ran('postgres').every((t) => t.status !== 'passed')).toBe(true);
    expect(run.ran('sqlite').every((t) => t.status === 'passed')).toBe(true);
  });

  it('passes on SQLite alone outside CI', () => {
    const run = runStoreSuite(undefined);
    expect(run.status).toBe(0);
    expect(run.ran('postgres')).toEqual([]);
    expect(run.ran('sqlite').length).toBeGreaterThan(0);
  });
});
