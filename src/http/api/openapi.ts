import { z } from 'zod';
import { DateValueSchema, WRITTEN_YEAR } from '../../domain/dossiers/values.js';
import { problemType } from './problem.js';
import type { AnyApiRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

/** JSON has no dates: dates travel as ISO 8601 strings, and the document says so. */
function toSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema {
  const result = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    reused: 'inline',
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
      // The domain's moment accepts a Date or an ISO string and outputs a Date: on the wire, both are strings.
      if (ctx.zodSchema === DateValueSchema) {
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        Object.assign(
          ctx.jsonSchema,
          io === 'input'
            ? { type: 'string', format: 'date-time', pattern: WRITTEN_YEAR.source }
            : { type: 'string', format: 'date-time' },
        );
      } else if (def.type === 'date') {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date-time';
      }
    },
  }) as JsonSchema & { $defs?: Record<string, JsonSchema>; $schema?: string };
  const { $defs, $schema: _ignored, ...rest } = result;
  for (const [name, def] of Object.entries($defs ?? {})) {
    // Shared definitions come from schemas with an id; two different ones under one name would make
    // $refs point at the wrong schema, so that is a programming error, caught when the document is built.
    const existing = components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(def)) {
      throw new Error(`OpenAPI: two different schemas are named ${name}`);
    }
    components[name] = def;
  }
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(
  schema: z.ZodType | undefined,
  location: 'path' | 'query',
  components: Record<string, JsonSchema>,
) {
  if (!schema) return [];
  const json = toSchema(schema, 'input', components) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri-reference', examples: [problemType('request.invalid')] },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable error code' },
    instance: { type: 'string' },
    requestId: { type: 'string', description: 'The X-Request-Id of the request, as in the logs' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } },
      },
    },
  },
};

const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Replays the first response for a retried request with the same key and body (24 hours).',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

const ifMatchHeader = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'The version the change is based on, e.g. "3"; a stale version is refused with 409.',
  schema: { type: 'string', examples: ['"3"'] },
};

function responseContent(route: AnyApiRoute, components: Record<string, JsonSchema>) {
  const schema = toSchema(route.response!, 'output', components);
  return {
    'application/json': { schema },
    ...(route.producesYaml ? { 'application/yaml': { schema } } : {}),
  };
}

/** Builds the OpenAPI 3.1 document from the same zod schemas that validate requests. */
export function buildOpenApiDocument(
  routes: AnyApiRoute[],
  info: { title: string; version: string },
): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const problem = {
      description: 'Problem',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
    const status = String(route.successStatus ?? (route.method === 'post' ? 201 : 200));
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      security: [{ bearer: [route.scope] }],
      parameters: [
        ...parameters(route.params, 'path', components),
        ...parameters(route.query, 'query', components),
        ...(route.method === 'post' ? [idempotencyKeyHeader] : []),
        ...(route.conditional ? [ifMatchHeader] : []),
      ],
      responses: {
        ...Object.fromEntries(
          [status, ...(route.otherSuccessStatuses ?? []).map(String)].map((code) => [
            code,
            route.response
              ? { description: 'Success', content: responseContent(route, components) }
              : { description: 'Success, no content' },
          ]),
        ),
        400: problem,
        401: problem,
        403: problem,
        404: problem,
        409: problem,
        422: problem,
        ...(route.body ? { 413: problem } : {}),
        503: {
          description: route.heavy
            ? 'Too many lists at once (server.busy) or out of time (request.timed-out); retry after Retry-After seconds'
            : 'Out of time (request.timed-out); retry after Retry-After seconds',
          headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
          content: problem.content,
        },
      },
    };
    if (route.body) {
      const schema = toSchema(route.body, 'input', components);
      operation.requestBody = {
        required: true,
        content: {
          'application/json': { schema },
          ...(route.acceptsYaml ? { 'application/yaml': { schema } } : {}),
        },
      };
    }
    const path = openApiPath(`/api${route.path}`);
    paths[path] = { ...paths[path], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Stempel REST API. Authenticate with `Authorization: Bearer <token>`.' },
    // OpenAPI 3.1's own dialect: JSON Schema 2020-12 (what zod emits) plus OpenAPI's keywords. Stated
    // as the draft's URI instead, it makes reference renderers warn that they do not support it.
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { ...components, Problem: problemSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'API token created with the CLI' },
      },
    },
  };
}
