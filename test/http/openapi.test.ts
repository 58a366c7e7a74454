import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/http/api/routes/index.js';
import { type ApiHarness, startApi } from './support/api.js';

type Json = Record<string, unknown>;

let api: ApiHarness;
let document: Json & { paths: Record<string, Record<string, Json>>; components: Json };

beforeAll(async () => {
  api = await startApi('http_openapi');
  document = (await api.request('GET', '/openapi.json')).body;
});
afterAll(async () => {
  await api.close();
});

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operations(): Array<{ path: string; method: string; operation: Json }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}

/** Every `$ref` anywhere in the document, with where it was found. */
function refs(value: unknown, at = '#'): Array<{ ref: string; at: string }> {
  if (Array.isArray(value)) return value.flatMap((entry, index) => refs(entry, `${at}/${index}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, entry]) =>
    key === '$ref' && typeof entry === 'string' ? [{ ref: entry, at }] : refs(entry, `${at}/${key}`),
  );
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
}

describe('the OpenAPI document', () => {
  it('has the OpenAPI 3.1 top-level shape', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(document.jsonSchemaDialect).toBe('https://spec.openapis.org/oas/3.1/dialect/base');
    expect(Object.keys(document.paths).every((path) => path.startsWith('/'))).toBe(true);
    expect(document.components).toMatchObject({
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    });
  });

  it('documents every route of the API', () => {
    const routes = apiRoutes(api.deps.workflow, api.deps.execution);
    expect(routes.length).toBeGreaterThan(60);
    for (const route of routes) {
      const path = `/api${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
      expect(document.paths[path]?.[route.method], `${route.method} ${path}`).toMatchObject({
        operationId: route.operationId,
        security: [{ bearer: [route.scope] }],
      });
    }
    expect(operations()).toHaveLength(routes.length);
  });

  it('gives every operation a unique operationId, responses and declared path parameters', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations()) {
      const where = `${method} ${path}`;
      expect(Object.keys(operation.responses as Json).length, where).toBeGreaterThan(0);
      const parameters = (operation.parameters ?? []) as Array<{
        name: string;
        in: string;
        required?: boolean;
      }>;
      for (const parameter of parameters) {
        expect(['query', 'header', 'path', 'cookie'], where).toContain(parameter.in);
        if (parameter.in === 'path') expect(parameter.required, `${where} ${parameter.name}`).toBe(true);
      }
      const declared = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      expect(declared.sort(), where).toEqual(templated.sort());
      const security = operation.security as Array<Record<string, unknown>>;
      for (const requirement of security) {
        for (const scheme of Object.keys(requirement)) {
          expect((document.components.securitySchemes as Json)[scheme], where).toBeDefined();
        }
      }
    }
  });

  it('resolves every $ref inside the document', () => {
    const all = refs(document);
    expect(all.length).toBeGreaterThan(0);
    for (const { ref, at } of all) {
      expect(ref.startsWith('#/'), at).toBe(true);
      expect(resolve(ref), `${ref} at ${at}`).toBeDefined();
    }
  });

  it('describes request bodies with the validating schemas, YAML where accepted', () => {
    const create = document.paths['/api/templates']?.post as Json;
    const schema = (create.requestBody as Json & { content: Record<string, { schema: Json }> }).content[
      'application/json'
    ]?.schema as { required: string[]; properties: Record<string, Json> };
    expect(schema.required).toEqual(
      expect.arrayContaining(['key', 'name', 'execution', 'dataGroup', 'timing']),
    );
    expect(schema.properties.execution).toMatchObject({ enum: ['manual', 'semi-automatic', 'automatic'] });
    const imports = document.paths['/api/templates/import']?.post as { requestBody: { content: Json } };
    expect(Object.keys(imports.requestBody.content)).toEqual(['application/json', 'application/yaml']);
    const exports = document.paths['/api/templates/export']?.get as {
      responses: Record<string, { content: Json }>;
    };
    expect(Object.keys(exports.responses['200']?.content ?? {})).toContain('application/yaml');
  });

  it('shows dates as ISO date-time strings in responses', () => {
    const get = document.paths['/api/actions/{ref}']?.get as { responses: Record<string, Json> };
    const schema = (get.responses['200'] as { content: Record<string, { schema: Json }> }).content[
      'application/json'
    ]?.schema as { properties: Record<string, Json> };
    expect(schema.properties.start).toEqual({ type: 'string', format: 'date-time' });
    expect(schema.properties.colour).toMatchObject({ enum: ['overdue', 'today', 'future', 'closed'] });
  });

  it('documents the bounded total of the action list and the 503 of busy or timed-out requests', () => {
    const list = document.paths['/api/actions']?.get as { responses: Record<string, Json> };
    const schema = (list.responses['200'] as { content: Record<string, { schema: Json }> }).content[
      'application/json'
    ]?.schema as { properties: Record<string, Json>; required: string[] };
    expect(schema.properties.totalExact).toMatchObject({ type: 'boolean' });
    expect(schema.required).toEqual(expect.arrayContaining(['total', 'totalExact']));
    const busy = list.responses['503'] as { headers: Record<string, Json>; description: string };
    expect(busy.headers['Retry-After']).toBeDefined();
    expect(busy.description).toContain('server.busy');
  });
});
