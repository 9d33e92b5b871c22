/**
 * `dabiao serve --workers 2` as a real process tree: two workers on one port answer the API
 * with one database (a session made through one is accepted by whichever answers next), and on
 * SIGTERM a request in flight — its body still arriving — is finished and answered before the
 * processes exit cleanly.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer } from './support/child-server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabiao-workers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PLAN = '序号\t工作任务\t牵头单位\n1\t到2025年，单位GDP能耗比2020年下降13.5%\t市发展改革委\n';

/** A POST whose body arrives in two parts, `between` running after the first. */
function slowPost(url: string, token: string, body: string, between: () => Promise<void>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const data = Buffer.from(body);
    const req = http.request(
      `${url}/api/plans`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': data.length,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.write(data.subarray(0, 20));
    // Once connected and the first part has had time to reach a worker.
    req.once('socket', (socket) =>
      socket.once('connect', () => {
        void new Promise((resolve) => setTimeout(resolve, 500))
          .then(between)
          .then(() => req.end(data.subarray(20)), reject);
      }),
    );
  });
}

describe('dabiao serve --workers 2', { timeout: 240_000 }, () => {
  it('serves from two processes on one port and finishes a request in flight on SIGTERM', async () => {
    const server = await startChildServer(path.join(dir, 'd.db'), {}, 'serve', ['--workers', '2'], 150_000);
    expect(server.output()).toContain('已启动 2 个工作进程');
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: server.adminPassword }),
    });
    expect(login.status).toBe(201);
    const { token } = (await login.json()) as { token: string };
    // New connections each time: the primary hands them to either worker.
    for (let i = 0; i < 6; i++) {
      const me = await fetch(`${server.url}/api/session`, {
        headers: { authorization: `Bearer ${token}`, connection: 'close' },
      });
      expect(me.status).toBe(200);
    }

    let exited: Promise<number | null> | undefined;
    const reply = await slowPost(
      server.url,
      token,
      JSON.stringify({ title: '停机时导入的方案', text: PLAN, year: 2021 }),
      async () => {
        exited = server.stop();
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    );
    expect(reply.status).toBe(201);
    expect(JSON.parse(reply.body).plan.title).toBe('停机时导入的方案');
    expect(await exited).toBe(0);
    expect(server.output()).toContain('达标已停止');
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });
});
