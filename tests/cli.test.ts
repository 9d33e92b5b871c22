import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli';

const bin = path.resolve(__dirname, '../bin/dabiao.js');

describe('dabiao command line', () => {
  // The one spawned run: bin/dabiao.js starts the TypeScript CLI through tsx.
  it('lists its commands in Chinese and English', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toContain('dabiao extract');
    expect(out).toContain('抽取');
  });

  it('rejects an unknown command with exit code 2, naming it', async () => {
    const { status, stderr } = await runCli(['nonsense']);
    expect(status).toBe(2);
    expect(stderr).toContain('未知命令 / unknown command: nonsense');
  });
});
