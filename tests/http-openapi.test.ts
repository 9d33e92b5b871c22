import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/create-app';
import { OPERATIONS } from '../src/http/api-operations';
import { startTestServer, type TestServer } from './support/http-harness';
import { testConfig } from './support/test-config';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every `METHOD /api/...` the Express app answers, from its router's stack (the web client's files aside). */
function registeredRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods)) out.push(`${m.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out
    .filter((r) => r.includes(' /api/'))
    .map((r) => r.replace(/:(\w+)/g, '{$1}'))
    .sort();
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the OpenAPI document', () => {
  it('is public and describes every API route the service answers, and no other', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Record<string, any>;
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const app = createApp({ config: testConfig({ database: ':memory:' }), store: server.store });
    expect(documented).toEqual(registeredRoutes(app));
  });

  it('carries the request schemas the routes validate with, in the JSON Schema of zod', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Record<string, any>;
    const record = doc.paths['/api/targets/{id}/measurements'].post;
    const schema = record.requestBody.content['application/json'].schema;
    expect(schema.properties.year).toMatchObject({ type: 'integer', minimum: 1990, maximum: 2100 });
    expect(schema.additionalProperties).toBe(false);
    const chart = doc.paths['/api/plans/{id}/charts/overview.png'].get.parameters;
    expect(chart.find((p: { name: string }) => p.name === 'width').schema).toMatchObject({
      minimum: 200,
      maximum: 4000,
    });
    const upload = doc.paths['/api/plans'].post.requestBody.content;
    expect(Object.keys(upload).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(doc.paths['/api/session'].post.security).toEqual([]);
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'issues']);
  });

  it('has a summary in Chinese for every operation', () => {
    for (const op of OPERATIONS) expect(op.summary, `${op.method} ${op.path}`).toMatch(/^[\u4e00-\u9fff]/);
  });
});
