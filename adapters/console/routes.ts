import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { Logger } from '../../src/observability/logger.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import { chatRoutes } from './chat-routes.js';
import { csrfValid, type IdentityOptions, loadVisitor, visitorOf } from './identity.js';
import { identityRoutes, sendFrontDoor } from './identity-routes.js';
import type { ConsoleInbox } from './inbox.js';
import { localRequestsOnly } from './local-only.js';
import { pageRoutes } from './page-routes.js';
import { consoleError, consoleErrorHandler, requireUser, sendError } from './respond.js';
import { loadStaticAssets } from './static-assets.js';

export interface ConsoleRouterOptions {
  deps: WorkflowDeps;
  execution: ExecutionPorts;
  logger: Logger;
  /**
   * Visitors sign in with an API token. When false they pick a user, and only requests to localhost
   * without proxy headers are answered (see local-only.ts).
   */
  requireLogin: boolean;
  /** Signs the session cookie; at least 32 characters. */
  sessionSecret: string;
  inbox: ConsoleInbox;
}

/**
 * Pages hold CSRF tokens and personal data: never cached, never framed. Script and styles come from this
 * origin only, so even markup that slipped past escaping could not run.
 */
function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** The web console, to be mounted at /console: chat surface, board, dossier timelines, identity. */
export function consoleRouter(options: ConsoleRouterOptions): Router {
  if (options.sessionSecret.length < 32)
    throw new Error('consoleRouter: sessionSecret must be at least 32 characters');
  const { deps, logger, requireLogin } = options;
  const identity: IdentityOptions = { deps, requireLogin, sessionSecret: options.sessionSecret };
  const router = Router();

  router.use(securityHeaders);
  if (!requireLogin) router.use(localRequestsOnly());
  router.get('/static/:file', loadStaticAssets());
  router.use(loadVisitor(identity));
  router.use(express.urlencoded({ extended: false, limit: '16kb' }), express.json({ limit: '16kb' }));
  router.post('/{*rest}', (req, res, next) => {
    if (csrfValid(req, res)) next();
    else sendError(req, res, 403, consoleError(res, 'console.csrf', 'error.csrf'));
  });
  router.use(identityRoutes(identity));
  router.get('/', async (req, res, next) => {
    if (visitorOf(res).user) next();
    else await sendFrontDoor(req, res, identity);
  });
  router.use(requireUser);
  router.use(chatRoutes({ deps, execution: options.execution, inbox: options.inbox, requireLogin }));
  router.use(pageRoutes({ deps, requireLogin }));
  router.use((req, res) =>
    sendError(req, res, 404, consoleError(res, 'console.not-found', 'error.page-not-found')),
  );

  router.use(consoleErrorHandler(logger));
  return router;
}
