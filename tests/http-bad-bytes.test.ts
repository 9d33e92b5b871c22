/**
 * Bad bytes at the input boundary, on every database: a NUL or a lone surrogate in any text
 * field, bytes that are not UTF-8, a path whose percent-escape does not decode, a body that
 * does not match its declared Content-Encoding — each a 400 naming where, never a 500, and
 * nothing stored.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expectEnvelope, useSeededServer, PASSWORDS } from './support/http-harness';
import { plainTarget } from './support/http-seed';
import { dialects } from './support/store-dialects';

interface Envelope {
  error: { code: string; message: string; issues: { path: unknown; message: string }[] };
}

describe.each(dialects.map((d) => [d.name, d] as const))('bad bytes on %s', (_name, dialect) => {
  const env = useSeededServer({ dialect });
  const issuePaths = (r: { body: { error: { issues: { path: unknown }[] } } }) =>
    r.body.error.issues.map((i) => i.path);

  /** A request with a raw body of bytes, signed in as the statistician. */
  async function send(method: string, path: string, body: Buffer, headers: Record<string, string> = {}) {
    const token = (
      (await (
        await fetch(`${env.server.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'statistician', password: PASSWORDS.statistician }),
        })
      ).json()) as { token: string }
    ).token;
    const res = await fetch(`${env.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Envelope };
  }

  it('refuses a NUL byte in a sign-in name (400, not 500)', async () => {
    const res = await fetch(`${env.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'evalu\u0000ator', password: 'x' }),
    });
    const body = (await res.json()) as Envelope;
    expect(res.status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues[0]!.path).toEqual(['username']);
    expect(body.error.issues[0]!.message).toMatch(/空字符.*\/.*NUL/);
  });

  it('refuses a NUL or a lone surrogate in a plan title and keeps the old title', async () => {
    const { jilin } = env.seeded;
    const before = (await env.users.evaluator.call('GET', `/api/plans/${jilin.id}`)).body;
    for (const title of ['新标题\u0000', '新标题\ud800']) {
      const r = await env.users.evaluator.call('PATCH', `/api/plans/${jilin.id}`, {
        title,
        revision: before.revision,
      });
      expectEnvelope(r, 400, 'validation_failed');
      expect(issuePaths(r)).toEqual([['title']]);
    }
    expect((await env.users.evaluator.call('GET', `/api/plans/${jilin.id}`)).body).toEqual(before);
  });

  it('refuses a NUL in an imported plan text', async () => {
    const r = await env.users.evaluator.call('POST', '/api/plans', {
      title: '测试方案',
      text: '序号\t工作任务\t牵头单位\n1\t新建\u0000公园 5 个\t市林业局',
    });
    expectEnvelope(r, 400, 'validation_failed');
    expect(issuePaths(r)).toEqual([['text']]);
  });

  it('refuses a body that is not UTF-8', async () => {
    const t = plainTarget(env.seeded.jilinTargets);
    const bytes = Buffer.concat([
      Buffer.from('{"year": 2024, "value": 1, "note": "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const r = await send('POST', `/api/targets/${t.id}/measurements`, bytes);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('malformed_request');
    expect(r.body.error.message).toContain('UTF-8');
  });

  it('refuses a body declared gzip that is not, and reads one that is', async () => {
    const t = plainTarget(env.seeded.jilinTargets);
    const json = Buffer.from(JSON.stringify({ year: 2024, value: 1 }));
    const plain = await send('POST', `/api/targets/${t.id}/measurements`, json, {
      'content-encoding': 'gzip',
    });
    expect(plain.status).toBe(400);
    expect(plain.body.error.code).toBe('malformed_request');
    expect(plain.body.error.issues[0]!.path).toEqual(['Content-Encoding']);
    const real = await send('POST', `/api/targets/${t.id}/measurements`, gzipSync(json), {
      'content-encoding': 'gzip',
    });
    expect(real.status).toBe(201);
  });

  it.each(['/api/plans/%ZZ', '/api/plans/%E4%B8', '/api/targets/%/chart.png'])(
    'answers a malformed percent-escape in %s with a 400 envelope',
    async (path) => {
      const r = await env.users.leader.call('GET', path);
      expectEnvelope(r, 400, 'malformed_request');
      expect(issuePaths(r)).toEqual([['path']]);
    },
  );

  it('refuses a NUL in a query value', async () => {
    const r = await env.users.leader.call('GET', `/api/plans/${env.seeded.jilin.id}/progress?unit=%00`);
    expectEnvelope(r, 400, 'validation_failed');
    expect(issuePaths(r)).toEqual([['query', 'unit']]);
  });
});
