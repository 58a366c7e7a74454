import type { NextFunction, Request, Response } from 'express';
import type { ApiScope } from '../../src/domain/access.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { UserRecord } from '../../src/domain/rights/user.js';
import { activeUser } from '../../src/workflow/admin/users.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import type { RenderContext } from './render/context.js';
import {
  type ConsoleSession,
  decodeSession,
  encodeSession,
  newSession,
  readCookie,
  SESSION_COOKIE,
  safeEqual,
  sessionCookie,
} from './session.js';

export interface IdentityOptions {
  deps: WorkflowDeps;
  requireLogin: boolean;
  sessionSecret: string;
}

/** Whoever sent this request: always a session (for its CSRF token), and a user once they picked or signed in. */
export interface Visitor {
  session: ConsoleSession;
  user: UserRecord | undefined;
  locale: Locale;
  timeZone: string;
}

export function visitorOf(res: Response): Visitor {
  return res.locals.visitor as Visitor;
}

export function renderContextOf(req: Request, res: Response): RenderContext {
  const visitor = visitorOf(res);
  return { locale: visitor.locale, basePath: req.baseUrl, csrfToken: visitor.session.csrf };
}

/**
 * A new session (first visit, sign in, switch user, sign out) with a fresh CSRF token, so no token outlives
 * the identity it was issued for.
 */
export function startSession(
  req: Request,
  res: Response,
  options: IdentityOptions,
  identity: Pick<ConsoleSession, 'userId' | 'via' | 'scopes'> = {},
): ConsoleSession {
  const session = { ...newSession(options.deps.clock()), ...identity };
  res.setHeader(
    'Set-Cookie',
    sessionCookie(encodeSession(session, options.sessionSecret), {
      path: req.baseUrl || '/',
      secure: req.secure,
    }),
  );
  return session;
}

/**
 * Reads and checks the session cookie on every request. The user is reloaded each time, so a user who was
 * deactivated loses the console at once, and a picked identity stops counting as soon as the console is
 * switched to require login.
 */
export function loadVisitor(options: IdentityOptions) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const { deps, requireLogin, sessionSecret } = options;
    const now = deps.clock();
    let session = decodeSession(readCookie(req.headers.cookie, SESSION_COOKIE), sessionSecret, now);
    let user = session?.userId ? await activeUser(deps, session.userId) : undefined;
    const identityValid = user?.active === true && !(requireLogin && session?.via !== 'token');
    if (!session || (session.userId && !identityValid)) {
      session = startSession(req, res, options);
      user = undefined;
    }
    const workspace = await deps.workspace.get();
    const visitor: Visitor = {
      session,
      user,
      locale: user?.locale ?? workspace.locale,
      timeZone: user?.timeZone ?? workspace.calendar.timeZone,
    };
    res.locals.visitor = visitor;
    next();
  };
}

/** May this visitor use `scope`? A picked user may do what their roles allow; a token only its scopes. */
export function visitorMay(visitor: Visitor, scope: ApiScope): boolean {
  if (visitor.session.via !== 'token') return true;
  const scopes = visitor.session.scopes ?? [];
  return scopes.includes(scope) || scopes.includes('admin');
}

/** The CSRF token a POST carries: the form field, or the header console.js sends with fetch. */
export function csrfTokenOf(req: Request): string | undefined {
  const header = req.get('x-csrf-token');
  const field = (req.body as Record<string, unknown> | undefined)?.csrf;
  return header ?? (typeof field === 'string' ? field : undefined);
}

export function csrfValid(req: Request, res: Response): boolean {
  const presented = csrfTokenOf(req);
  return presented !== undefined && safeEqual(presented, visitorOf(res).session.csrf);
}
