import express, { type Request, type Response, Router } from 'express';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Logger } from '../../observability/logger.js';
import type { ApiTokenDoc, ApiTokenStore } from '../../store/api-tokens.js';
import type { IdempotencyStore } from './idempotency.js';
import { HttpProblem, sendProblem, toProblem, zodFieldErrors } from './problem.js';
import type { AnyApiRoute } from './route.js';

export interface ApiDependencies<TActor> {
  tokens: ApiTokenStore;
  idempotency: IdempotencyStore;
  /** The user a token acts for; undefined when the user no longer exists or is deactivated. */
  loadActor(token: ApiTokenDoc): Promise<TActor | undefined>;
  logger: Logger;
  now(): Date;
}

function validate<T>(schema: z.ZodType<T> | undefined, value: unknown, source: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = zodFieldErrors(parsed.error, source);
  throw new HttpProblem(
    422,
    'request.invalid',
    errors.map((entry) => `${entry.field}: ${entry.message}`).join('; '),
    {
      errors,
    },
  );
}

async function authenticate<TActor>(req: Request, deps: ApiDependencies<TActor>, route: AnyApiRoute<TActor>) {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new HttpProblem(401, 'auth.missing-token', 'Send an API token as `Authorization: Bearer <token>`');
  const token = await deps.tokens.verify(match[1], deps.now());
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
  return { token, actor };
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

/** Mounts the routes under /api with authentication, validation, idempotency and problem responses. */
export function mountApi<TActor>(routes: AnyApiRoute<TActor>[], deps: ApiDependencies<TActor>): Router {
  const router = Router();
  router.use(express.json({ limit: '2mb' }));
  router.use(express.text({ type: ['application/yaml', 'application/x-yaml', 'text/yaml'], limit: '2mb' }));

  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      try {
        const { token, actor } = await authenticate(req, deps, route);
        const input = {
          params: validate(route.params, req.params, 'path'),
          query: validate(route.query, req.query, 'query'),
          body: validate(route.body, readBody(req, route), 'body'),
          actor,
          now: deps.now(),
        };
        const execute = async () => {
          const result = await route.handler(input);
          return {
            status: result.status ?? route.successStatus ?? (route.method === 'post' ? 201 : 200),
            body: result.body,
          };
        };
        const key = req.get('idempotency-key');
        const response =
          route.method === 'post' && key !== undefined
            ? await deps.idempotency.run(
                { tokenId: token._id, key, method: route.method, path: req.originalUrl, body: req.body },
                input.now,
                execute,
              )
            : { ...(await execute()), replayed: false };
        if (response.replayed) res.set('Idempotent-Replayed', 'true');
        if (response.status === 204) res.status(204).end();
        else res.status(response.status).json(response.body);
      } catch (error) {
        const problem = toProblem(error, req.originalUrl);
        if (problem.status >= 500)
          deps.logger.error({ err: error, path: req.originalUrl }, 'API request failed');
        if (problem.status === 401) res.set('WWW-Authenticate', 'Bearer realm="stempel"');
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
