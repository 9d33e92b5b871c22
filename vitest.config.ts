import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { TEST_PASSWORD_COST } from './tests/support/test-config.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'extractors/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The CLI runs and spawned servers read their password cost from here (tests/support/test-config.ts).
    env: { DABIAO_PASSWORD_COST: String(TEST_PASSWORD_COST) },
    // Native modules (canvas, better-sqlite3) are safest in forked processes.
    pool: 'forks',
    // Two files per core: much of the suite waits (on chromium, spawned servers, sockets, render
    // threads) rather than computes. vitest's default, one fewer than the cores, ran one file at a
    // time on a 2-core machine; there, 3 workers took 3 min 04 s and 4 workers 2 min 36 s.
    maxWorkers: Math.max(2, os.availableParallelism() * 2),
    // Each worker keeps its modules between files: importing the app, the store, the charts and
    // the extractor again for every file was a third of the suite's time. No test mocks a module
    // or changes one's state, so nothing leaks from file to file but what a file opens and closes.
    isolate: false,
  },
});
