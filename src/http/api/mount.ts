import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import type { ApiTokenGrant } from '../../domain/access.js';
import type { Logger } from '../../observability/logger.js';
import { budgetOf, RETRY_AFTER_SECONDS } from '../backpressure.js';
import type { IdempotencyStore, SerializedResponse } from './idempotency.js';
import { HttpProblem, sendProblem, toProblem, zodFieldErrors } from './problem.js';
import type { AnyApiRoute } from './route.js';

export interface ApiDependencies<TActor> {
  /** The grant of a presented token when it is valid now. */
  verifyToken(secret: string): Promise<ApiTokenGrant | undefined>;
  idempotency: IdempotencyStore;
  /** The user a token acts for; undefined when the user no longer exists or is deactivated. */
  loadActor(token: ApiTokenGrant): Promise<TActor | undefined>;
  /** Routes of the `admin` scope are for administrators: the token's scope alone is not enough. */
  isAdministrator(actor: TActor): boolean;
  logger: Logger;
  now(): Date;
  /** Admission of heavy routes (backpressure.ts); every route is admitted without it. */
  heavy?: RequestHandler | undefined;
}

const realm = 'Bearer realm="stempel"';
const yamlTypes = ['application/yaml', 'application/x-yaml', 'text/yaml'];

function validate<T>(schema: z.ZodType<T> | undefined, value: unknown, source: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = zodFieldErrors(parsed.error, source);
  throw new HttpProblem(
    422,
    'request.invalid',
    errors.map((entry) => `${entry.field}: ${entry.message}`).join('; '),
    { errors },
  );
}

async function authenticate<TActor>(req: Request, deps: ApiDependencies<TActor>, route: AnyApiRoute<TActor>) {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new HttpProblem(401, 'auth.missing-token', 'Send an API token as `Authorization: Bearer <token>`');
  const token = await deps.verifyToken(match[1]);
  if (!token)
    throw new HttpProblem(401, 'auth.invalid-token', 'The API token is unknown, expired or revoked');
  if (!token.scopes.includes(route.scope) && !token.scopes.includes('admin')) {
    throw new HttpProblem(403, 'auth.missing-scope', `This token lacks the scope ${route.scope}`, {
      requiredScope: route.scope,
    });
  }
  const actor = await deps.loadActor(token);
  if (!actor)
    throw new HttpProblem(401, 'auth.inactive-user', 'The user of this API token is unknown or deactivated');
  // Before the input is looked at: a caller who may not use the route learns nothing from its validation.
  if (route.scope === 'admin' && !deps.isAdministrator(actor))
    throw new HttpProblem(403, 'admin.required', 'This route is for administrators');
  return { token, actor };
}

/** RFC 6750: say which realm, and why a presented token was not good enough. */
function challenge(code: string, requiredScope: unknown): string | undefined {
  if (code === 'auth.missing-token') return realm;
  if (code.startsWith('auth.') && code !== 'auth.missing-scope') return `${realm}, error="invalid_token"`;
  if (code === 'auth.missing-scope') return `${realm}, error="insufficient_scope", scope="${requiredScope}"`;
  return undefined;
}

function readBody(req: Request, route: AnyApiRoute): unknown {
  if (route.acceptsYaml && typeof req.body === 'string') {
    try {
      return parseYaml(req.body);
    } catch (error) {
      throw new HttpProblem(
        400,
        'request.malformed-yaml',
        `The YAML body cannot be parsed: ${(error as Error).message}`,
      );
    }
  }
  return req.body;
}

/** `If-Match: "3"` (or `W/"3"`, or a bare 3) is the version the client saw; `*` asserts nothing. */
function readIfMatch(req: Request, route: AnyApiRoute): number | undefined {
  const header = req.get('if-match');
  if (!route.conditional || header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new HttpProblem(400, 'request.invalid-if-match', 'If-Match must be a version, e.g. "3"', {
      errors: [{ field: 'header.If-Match', message: 'must be a version in quotes, e.g. "3"' }],
    });
  }
  return Number(match[1]);
}

/** YAML when asked for by `?format=yaml`, or by an Accept header that prefers it over JSON. */
function wantsYaml(req: Request, route: AnyApiRoute): boolean {
  if (!route.producesYaml) return false;
  const format = req.query.format;
  if (format === 'yaml' || format === 'json') return format === 'yaml';
  return yamlTypes.includes(String(req.accepts(['application/json', ...yamlTypes])));
}

function serialize(status: number, body: unknown, yaml: boolean, headers?: Record<string, string>) {
  const response: SerializedResponse = { status, ...(headers ? { headers } : {}) };
  if (status === 204) return response;
  return yaml
    ? { ...response, contentType: 'application/yaml; charset=utf-8', payload: stringifyYaml(body) }
    : { ...response, contentType: 'application/json; charset=utf-8', payload: JSON.stringify(body) };
}

/** Where a use case's input came from, so domain errors name the field as the client sent it. */
function fieldPrefixOf(route: AnyApiRoute): string | undefined {
  if (route.body) return 'body';
  return route.query ? 'query' : undefined;
}

/**
 * The query parameters a route takes, as its published schema lists them: any other is refused, so that a
 * misspelt filter is an error instead of a list of everything.
 */
function queryNames(route: AnyApiRoute): ReadonlySet<string> {
  if (!route.query) return new Set();
  const schema = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return new Set(Object.keys(schema.properties ?? {}));
}

function refuseUnknownQuery(req: Request, known: ReadonlySet<string>): void {
  const unknown = Object.keys(req.query).filter((name) => !known.has(name));
  if (unknown.length === 0) return;
  const errors = unknown.map((name) => ({
    field: `query.${name}`,
    message: `unknown query parameter${known.size > 0 ? `; known: ${[...known].join(', ')}` : ''}`,
    code: 'unrecognized_keys',
  }));
  throw new HttpProblem(
    400,
    'request.unknown-parameter',
    errors.map((entry) => `${entry.field}: ${entry.message}`).join('; '),
    { errors },
  );
}

/** A database read that ran out of the request's time (`maxTimeMS`) is the request timing out. */
function timeLimitProblem(error: unknown): HttpProblem | undefined {
  if ((error as { code?: unknown } | undefined)?.code !== 50) return undefined;
  return new HttpProblem(503, 'request.timed-out', 'The request ran out of time; retry shortly');
}

/** True when `error` is the request's own time limit or cancellation stopping its work. */
function stoppedBy(signal: AbortSignal, error: unknown): boolean {
  if (!signal.aborted) return false;
  return (
    error === signal.reason ||
    timeLimitProblem(error) !== undefined ||
    (error instanceof Error && (error.name === 'AbortError' || error.cause === signal.reason))
  );
}

/** Mounts the routes with authentication, validation, idempotency and problem responses. */
export function mountApi<TActor>(routes: AnyApiRoute<TActor>[], deps: ApiDependencies<TActor>): Router {
  const router = Router();
  router.use(express.json({ limit: '2mb' }));
  router.use(express.text({ type: yamlTypes, limit: '2mb' }));

  for (const route of routes) {
    const knownQuery = queryNames(route);
    const admit: RequestHandler[] = route.heavy && deps.heavy ? [deps.heavy] : [];
    router[route.method](route.path, ...admit, async (req: Request, res: Response) => {
      const budget = budgetOf(res);
      try {
        const { token, actor } = await authenticate(req, deps, route);
        refuseUnknownQuery(req, knownQuery);
        const input = {
          params: validate(route.params, req.params, 'path'),
          query: validate(route.query, req.query, 'query'),
          body: validate(route.body, readBody(req, route), 'body'),
          ifMatch: readIfMatch(req, route),
          actor,
          now: deps.now(),
          budget,
        };
        const yaml = wantsYaml(req, route);
        const execute = async () => {
          const result = await route.handler(input);
          const status = result.status ?? route.successStatus ?? (route.method === 'post' ? 201 : 200);
          return serialize(status, result.body, yaml, result.headers);
        };
        const key = req.get('idempotency-key');
        const response =
          route.method === 'post' && key !== undefined
            ? await deps.idempotency.run(
                { tokenId: token.id, key, method: route.method, path: req.originalUrl, body: req.body },
                input.now,
                execute,
              )
            : { ...(await execute()), replayed: false };
        // Answered already when the time limit passed (503), or nobody is listening any more.
        if (res.headersSent || budget.signal.aborted) return;
        if (response.replayed) res.set('Idempotent-Replayed', 'true');
        if (response.headers) res.set(response.headers);
        res.status(response.status);
        if (response.payload === undefined) res.end();
        else res.type(response.contentType ?? 'application/json').send(response.payload);
      } catch (error) {
        const problem = toProblem(timeLimitProblem(error) ?? error, req.originalUrl, {
          fieldPrefix: fieldPrefixOf(route),
        });
        if (res.headersSent || budget.signal.aborted) {
          // Answered already (the time limit's 503) or abandoned: stopping is expected, a fault is not.
          if (problem.status >= 500 && !stoppedBy(budget.signal, error)) {
            deps.logger.error({ err: error, path: req.originalUrl }, 'API request failed after its answer');
          }
          return;
        }
        if (problem.status >= 500)
          deps.logger.error({ err: error, path: req.originalUrl }, 'API request failed');
        const authenticate = challenge(problem.code, problem.requiredScope);
        if (authenticate && (problem.status === 401 || problem.status === 403))
          res.set('WWW-Authenticate', authenticate);
        if (problem.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
        sendProblem(res, problem);
      }
    });
  }

  router.use((req: Request, res: Response) => {
    sendProblem(
      res,
      toProblem(
        new HttpProblem(404, 'route.not-found', `No API route ${req.method} ${req.path}`),
        req.originalUrl,
      ),
    );
  });
  // Body parser failures (malformed JSON, oversized bodies) arrive here.
  router.use(
    (error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: () => void) => {
      const status = error.status && error.status < 500 ? error.status : 500;
      const code =
        error.type === 'entity.parse.failed'
          ? 'request.malformed-json'
          : error.type === 'entity.too.large'
            ? 'request.too-large'
            : 'request.unreadable';
      if (status >= 500) deps.logger.error({ err: error }, 'API request failed before routing');
      sendProblem(res, toProblem(new HttpProblem(status, code, error.message), req.originalUrl));
    },
  );
  return router;
}
