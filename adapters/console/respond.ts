import type { NextFunction, Request, Response } from 'express';
import type { ErrorView } from '../../src/chat/model.js';
import { say } from '../../src/chat/texts.js';
import type { UserRecord } from '../../src/domain/rights/user.js';
import type { Logger } from '../../src/observability/logger.js';
import { activeUsers } from '../../src/workflow/admin/users.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import { renderContextOf, visitorOf } from './identity.js';
import { type IdentityBar, renderPage } from './pages/layout.js';
import { html } from './render/html.js';
import { renderError } from './render/views.js';
import { type ConsoleTextKey, consoleText } from './texts.js';

/** console.js asks for fragments with this header; a plain form post gets a whole page back. */
export function wantsFragment(req: Request): boolean {
  return req.get('x-console-fetch') === '1';
}

export function sendHtml(res: Response, status: number, body: string): void {
  res.status(status).type('html').send(body);
}

export function consoleError(res: Response, code: string, key: ConsoleTextKey, params = {}): ErrorView {
  return { kind: 'error', code, message: consoleText(visitorOf(res).locale, key, params), details: [] };
}

/** The identity bar of a signed-in page: the user switcher on a loopback console, sign-out otherwise. */
export async function identityBarOf(
  deps: WorkflowDeps,
  res: Response,
  requireLogin: boolean,
): Promise<IdentityBar & { mode: 'pick' | 'token' }> {
  const current = signedInUser(res);
  if (requireLogin) return { mode: 'token', current };
  return { mode: 'pick', current, users: await activeUsers(deps) };
}

export function signedInUser(res: Response): UserRecord {
  const user = visitorOf(res).user;
  if (!user) throw new Error('route needs a signed-in visitor (requireUser)');
  return user;
}

/** An error as the answer: a fragment for console.js, or a page with the error view for a plain request. */
export function sendError(req: Request, res: Response, status: number, view: ErrorView): void {
  const context = renderContextOf(req, res);
  if (wantsFragment(req)) {
    sendHtml(res, status, renderError(view, context).value);
    return;
  }
  const page = renderPage(
    { context, title: view.message, page: 'identity', identity: { mode: 'none' } },
    html`<section class="panel narrow">${renderError(view, context)}<p><a href="${context.basePath}">Stempel</a></p></section>`,
  );
  sendHtml(res, status, page);
}

/** Pages and posts behind this need someone to act as; without one, go to the front door. */
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (visitorOf(res).user) {
    next();
    return;
  }
  if (req.method === 'GET' && !wantsFragment(req)) {
    res.redirect(303, req.baseUrl || '/');
    return;
  }
  sendError(req, res, 401, consoleError(res, 'console.not-signed-in', 'login.title'));
}

/**
 * The last word on a failed request: a coded error view, never a stack trace (that goes to the log). Client
 * errors (an unreadable body) say so; anything else is internal. Before the visitor is known there is no
 * page to render into, so the answer is plain text.
 */
export function consoleErrorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = (error as { status?: unknown } | undefined)?.status;
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    if (!clientError) logger.error({ err: error, path: req.path }, 'console request failed');
    if (!res.locals.visitor) {
      res
        .status(clientError ? status : 500)
        .type('text')
        .send(clientError ? 'bad request' : 'internal error');
      return;
    }
    const locale = visitorOf(res).locale;
    const view: ErrorView = clientError
      ? {
          kind: 'error',
          code: 'console.bad-request',
          message: consoleText(locale, 'error.bad-request'),
          details: [],
        }
      : { kind: 'error', code: 'internal', message: say(locale, 'error.internal'), details: [] };
    sendError(req, res, clientError ? status : 500, view);
  };
}
