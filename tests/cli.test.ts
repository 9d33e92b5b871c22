import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = path.resolve(__dirname, '../bin/dabiao.js');

describe('dabiao command line', () => {
  it('lists its commands in Chinese and English', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toContain('dabiao extract');
    expect(out).toContain('抽取');
  });

  it('rejects an unknown command with exit code 2', () => {
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, 'nonsense'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
