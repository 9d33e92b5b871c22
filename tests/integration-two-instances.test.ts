import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './support/child-server';
import { login } from './support/http-harness';
import { dialects, type TestDatabase } from './support/store-dialects';

const postgres = dialects.filter((d) => d.name === 'postgres');

const PLAN_TEXT = `一、提高职业教育质量
1. 到2025年，培育 20 门左右市级思政示范课程。（牵头单位：市教育局）
2. 年均培训规模达到 5000 人以上。（牵头单位：市人社局）`;

describe.each(postgres)('two dabiao serve processes on one $name', (dialect) => {
  let db: TestDatabase;
  let a: ChildServer;
  let b: ChildServer;
  beforeAll(async () => {
    db = await dialect.create();
    // Started together on an empty database: both migrate (one waits on the lock) and both
    // try to create the administrator.
    [a, b] = await Promise.all([startChildServer(db.database), startChildServer(db.database)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.dispose();
  });

  it('both start, and one of them prints the administrator password', () => {
    expect([a.adminPassword, b.adminPassword].filter(Boolean)).toHaveLength(1);
  });

  it('accepts on one instance a session created on the other', async () => {
    const password = (a.adminPassword ?? b.adminPassword)!;
    const onA = await login(a.url, 'admin', password);
    const res = await fetch(`${b.url}/api/session`, { headers: { authorization: `Bearer ${onA.token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { username: string } }).user.username).toBe('admin');
  });

  it('answers one of two edits of the same target revision, one on each instance, with 409', async () => {
    const password = (a.adminPassword ?? b.adminPassword)!;
    const onA = await login(a.url, 'admin', password);
    const onB = await login(b.url, 'admin', password);
    const imported = await onA.call('POST', '/api/plans', { title: '两实例测试方案', text: PLAN_TEXT });
    expect(imported.status).toBe(201);
    const targets = (await onB.call('GET', `/api/plans/${imported.body.plan.id}/targets`)).body;
    const target = targets[0];
    const edits = await Promise.all([
      onA.call('PATCH', `/api/targets/${target.id}`, { revision: target.revision, value: 21 }),
      onB.call('PATCH', `/api/targets/${target.id}`, { revision: target.revision, value: 22 }),
    ]);
    expect(edits.map((e) => e.status).sort()).toEqual([200, 409]);
    const stored = (await onA.call('GET', `/api/targets/${target.id}`)).body.target;
    expect(stored.revision).toBe(target.revision + 1);
  });

  it('serves on one instance a report the other drew, from the shared cache', async () => {
    const password = (a.adminPassword ?? b.adminPassword)!;
    const onA = await login(a.url, 'admin', password);
    const plans = (await onA.call('GET', '/api/plans')).body;
    const report = async (url: string) => {
      const res = await fetch(`${url}/api/plans/${plans[0].id}/report.pdf`, {
        headers: { authorization: `Bearer ${onA.token}` },
      });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const drawn = await report(a.url);
    expect(drawn.subarray(0, 5).toString()).toBe('%PDF-');
    const client = new pg.Client({ connectionString: db.database });
    await client.connect();
    const { rows } = await client.query('select count(*)::int as n from report_cache');
    await client.end();
    expect(rows[0].n).toBe(1);
    // The same bytes (a drawing of its own would carry another creation time).
    expect((await report(b.url)).equals(drawn)).toBe(true);
  });
});
