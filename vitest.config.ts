import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'extractors/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Native modules (canvas, better-sqlite3) are safest in forked processes.
    pool: 'forks',
    // Each worker keeps its modules between files: importing the app, the store, the charts and
    // the extractor again for every file was a third of the suite's time. No test mocks a module
    // or changes one's state, so nothing leaks from file to file but what a file opens and closes.
    isolate: false,
  },
});
