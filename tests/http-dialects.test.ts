/**
 * The same app on every database the store supports: SQLite always, PostgreSQL when one is
 * reachable (as in CI). A smoke run through the routes that write: import, figures with a
 * revision and a stale one, bulk upload, verification, progress.
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/documents/decode-text';
import { parseCsv, writeCsv } from '../src/documents/csv';
import { TEMPLATE_COLUMNS } from '../src/app/measurement-template';
import { expectEnvelope, useSeededServer } from './support/http-harness';
import { plainTarget } from './support/http-seed';
import { dialects } from './support/store-dialects';

describe.each(dialects.map((d) => [d.name, d] as const))('the HTTP service on %s', (_name, dialect) => {
  const env = useSeededServer({ dialect });

  it('records, revises, refuses a stale revision, bulk-uploads, verifies and judges', async () => {
    const { seeded } = env;
    const { statistician: stat, evaluator } = env.users;
    const t = plainTarget(seeded.sipingTargets);
    const path = `/api/targets/${t.id}/measurements`;
    expect((await stat.call('POST', path, { year: 2024, value: 1 })).status).toBe(201);
    expect((await stat.call('POST', path, { year: 2024, value: t.value, revision: 1 })).body.revision).toBe(
      2,
    );
    expectEnvelope(
      await stat.call('POST', path, { year: 2024, value: 0, revision: 1 }),
      409,
      'stale_revision',
    );

    const csv = parseCsv(
      decodeText(
        (await stat.call('GET', `/api/plans/${seeded.siping.id}/measurements/template.csv`)).body,
        'figures.csv',
      ).text,
    );
    const row = csv.find((r) => r[0] === String(t.id) && r[TEMPLATE_COLUMNS.indexOf('年度')] === '2023')!;
    row[TEMPLATE_COLUMNS.indexOf('数值')] = '1';
    const up = await stat.upload(
      `/api/plans/${seeded.siping.id}/measurements/upload`,
      'x.csv',
      writeCsv(csv),
    );
    expect(up.body).toMatchObject({ recorded: 1, unchanged: 1 });

    const verified = await evaluator.call('POST', '/api/measurements/state', {
      targetId: t.id,
      year: 2024,
      state: 'verified',
      revision: 2,
    });
    expect(verified.body.state).toBe('verified');
    const progress = (
      await stat.call('GET', `/api/plans/${seeded.siping.id}/progress?year=2024&verified=true`)
    ).body;
    expect(progress.targets.find((r: { targetId: number }) => r.targetId === t.id).progress.latest).toEqual({
      year: 2024,
      value: t.value,
    });
    expect((await stat.call('GET', path)).body.history).toHaveLength(4);
  });
});
