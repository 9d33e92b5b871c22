/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with
 * (zod 4's `z.toJSONSchema`), so the description cannot drift from what the service accepts.
 */
import { z } from 'zod';
import { OPERATIONS, type Operation } from './api-operations';
import * as S from './schemas';
import { rolesFor } from '../shared/index.js';

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parameters(op: Operation): unknown[] {
  const params: unknown[] = [];
  if (op.path.includes('{id}')) {
    params.push({ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
  }
  if (op.path.includes('{name}')) {
    params.push({ name: 'name', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } });
  }
  if (op.query) {
    const q = schemaOf(op.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
    }
  }
  return params;
}

function requestBody(op: Operation): unknown {
  const content: Record<string, unknown> = {};
  if (op.body) content['application/json'] = { schema: schemaOf(op.body, 'input') };
  if (op.upload) {
    const fields = schemaOf(op.upload, 'input') as { properties?: Record<string, unknown> };
    content['multipart/form-data'] = {
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' }, ...fields.properties },
      },
    };
  }
  return Object.keys(content).length > 0 ? { required: true, content } : undefined;
}

function operationObject(op: Operation): Record<string, unknown> {
  const status = String(op.status ?? 200);
  const ok = op.produces
    ? { description: 'OK', content: { [op.produces]: { schema: { type: 'string', format: 'binary' } } } }
    : op.response
      ? { description: 'OK', content: { 'application/json': { schema: schemaOf(op.response, 'output') } } }
      : { description: 'OK' };
  const error = {
    description: '错误 / error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  const may = op.may ?? (op.method === 'get' ? 'read' : 'signedIn');
  return {
    summary: op.summary,
    ...(may === 'public' ? { security: [] } : {}),
    ...(may !== 'public' && may !== 'signedIn'
      ? { description: `角色 / roles: ${rolesFor(may).join(', ')}` }
      : {}),
    parameters: parameters(op),
    ...(requestBody(op) ? { requestBody: requestBody(op) } : {}),
    responses: { [status]: ok, '4XX': error, '5XX': error },
  };
}

export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: '达标 dabiao API',
      version: '0.1.0',
      description:
        '目标指标跟踪服务。登录后使用 Cookie（写操作需带 X-CSRF-Token 请求头）或 Authorization: Bearer 令牌。 / Sign in, then use the cookie (writes need X-CSRF-Token) or a Bearer token.',
    },
    components: {
      securitySchemes: {
        cookie: { type: 'apiKey', in: 'cookie', name: 'dabiao_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: { Error: schemaOf(S.ErrorEnvelope, 'output') },
    },
    security: [{ cookie: [] }, { bearer: [] }],
    paths,
  };
}
