import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { verifyApiToken } from '../../src/workflow/admin/tokens.js';
import { activeUser, activeUsers } from '../../src/workflow/admin/users.js';
import { type IdentityOptions, renderContextOf, startSession, visitorOf } from './identity.js';
import { renderLoginPage, renderPickPage } from './pages/identity.js';
import { consoleError, sendError, sendHtml } from './respond.js';
import { consoleText } from './texts.js';

const PickBody = z.object({ userId: z.string().min(1).max(100) });
const LoginBody = z.object({ token: z.string().min(1).max(500) });

/** Where a visitor without an identity lands: pick a user on loopback, sign in with a token otherwise. */
export async function sendFrontDoor(req: Request, res: Response, options: IdentityOptions, problem?: string) {
  const context = renderContextOf(req, res);
  if (options.requireLogin) {
    sendHtml(res, problem ? 401 : 200, renderLoginPage(context, problem));
    return;
  }
  sendHtml(res, 200, renderPickPage(context, await activeUsers(options.deps)));
}

export function identityRoutes(options: IdentityOptions): Router {
  const { deps, requireLogin } = options;
  const router = Router();
  const home = (req: Request) => req.baseUrl || '/';

  router.post('/identity', async (req, res) => {
    if (requireLogin) {
      sendError(req, res, 403, consoleError(res, 'console.picker-off', 'error.picker-off'));
      return;
    }
    const body = PickBody.safeParse(req.body);
    const user = body.success ? await activeUser(deps, body.data.userId) : undefined;
    if (!user?.active) {
      await sendFrontDoor(req, res, options);
      return;
    }
    startSession(req, res, options, { userId: user.id, via: 'pick' });
    res.redirect(303, home(req));
  });

  router.post('/login', async (req, res) => {
    const locale = visitorOf(res).locale;
    if (!requireLogin) {
      res.redirect(303, home(req));
      return;
    }
    const body = LoginBody.safeParse(req.body);
    const token = body.success ? await verifyApiToken(deps, body.data.token.trim()) : undefined;
    if (!token) {
      await sendFrontDoor(req, res, options, consoleText(locale, 'login.failed'));
      return;
    }
    if (!token.scopes.includes('actions:read') && !token.scopes.includes('admin')) {
      await sendFrontDoor(req, res, options, consoleText(locale, 'login.scope'));
      return;
    }
    const user = await activeUser(deps, token.userId);
    if (!user?.active) {
      await sendFrontDoor(req, res, options, consoleText(locale, 'login.inactive'));
      return;
    }
    startSession(req, res, options, { userId: user.id, via: 'token', scopes: token.scopes });
    res.redirect(303, home(req));
  });

  router.post('/logout', (req, res) => {
    startSession(req, res, options);
    res.redirect(303, home(req));
  });

  return router;
}
