import { type RequestHandler, Router } from 'express';
import type { User } from '../../domain/rights/user.js';
import type { Logger } from '../../observability/logger.js';
import { verifyApiToken } from '../../workflow/admin/tokens.js';
import { activeUser } from '../../workflow/admin/users.js';
import type { WorkflowDeps } from '../../workflow/deps.js';
import type { ExecutionPorts } from '../../workflow/execution/execute-action.js';
import { apiDocsRoutes } from './docs-page.js';
import type { IdempotencyStore } from './idempotency.js';
import { mountApi } from './mount.js';
import { buildOpenApiDocument } from './openapi.js';
import { apiRoutes } from './routes/index.js';

export interface ApiRouterOptions {
  deps: WorkflowDeps;
  execution: ExecutionPorts;
  idempotency: IdempotencyStore;
  logger: Logger;
  version: string;
  /** Admission of heavy routes; without it every request is admitted. */
  heavy?: RequestHandler | undefined;
}

/**
 * The REST API as one router (mounted at /api): the public OpenAPI document and its reference page at
 * /api/docs, then every route behind token authentication. A token acts as its user, who must still exist and be active.
 */
export function createApiRouter(options: ApiRouterOptions): Router {
  const { deps } = options;
  const routes = apiRoutes(deps, options.execution);
  // Built once: the document only depends on the route table.
  const document = buildOpenApiDocument(routes, { title: 'Stempel API', version: options.version });
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(apiDocsRoutes());
  router.use(
    mountApi<User>(routes, {
      verifyToken: (secret) => verifyApiToken(deps, secret),
      idempotency: options.idempotency,
      logger: options.logger,
      now: deps.clock,
      heavy: options.heavy,
      isAdministrator: (actor) => actor.admin,
      loadActor: (token) => activeUser(deps, token.userId),
    }),
  );
  return router;
}
