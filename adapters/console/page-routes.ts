import { Router } from 'express';
import { actionCards } from '../../src/chat/views/action-card.js';
import { errorView } from '../../src/chat/views/errors.js';
import { nextRuns } from '../../src/domain/digests/schedule.js';
import { DomainError } from '../../src/domain/errors.js';
import { budgetOf } from '../../src/http/backpressure.js';
import { listActions } from '../../src/workflow/actions/queries.js';
import {
  clearBrokenTarget,
  listDeliveries,
  listDeliveryTargets,
} from '../../src/workflow/admin/deliveries.js';
import { listUsers } from '../../src/workflow/admin/users.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import { listDigests } from '../../src/workflow/digests/subscriptions.js';
import { linkChatIdentity } from '../../src/workflow/identities.js';
import { listTemplates } from '../../src/workflow/templates/queries.js';
import { loadDossierTimeline } from './dossier-data.js';
import { renderContextOf, visitorMay, visitorOf } from './identity.js';
import { renderBoardPage } from './pages/board.js';
import { parseBoardFilters, statesOf } from './pages/board-filters.js';
import { renderDeliveryPage } from './pages/delivery.js';
import { renderDossierPage } from './pages/dossier.js';
import { consoleError, identityBarOf, sendError, sendHtml, signedInUser } from './respond.js';
import { consoleText } from './texts.js';
import type { Viewer } from './viewer.js';
import { viewContextOf } from './viewer.js';

/** The board loads this many actions at most; it says how many more matched and offers filters. */
const BOARD_LOAD = 200;

export function pageRoutes(options: { deps: WorkflowDeps; requireLogin: boolean }): Router {
  const { deps, requireLogin } = options;
  const router = Router();
  const viewerOf = (res: Parameters<typeof visitorOf>[0]): Viewer => ({
    deps,
    actor: signedInUser(res),
    timeZone: visitorOf(res).timeZone,
  });

  router.get('/board', async (req, res) => {
    const viewer = viewerOf(res);
    const filters = parseBoardFilters(req.query as Record<string, unknown>);
    const [templates, result] = await Promise.all([
      listTemplates(deps, viewer.actor),
      listActions(
        deps,
        viewer.actor,
        {
          states: statesOf(filters),
          owner: filters.owner === 'anyone' ? undefined : filters.owner === 'me' ? 'me' : null,
          colour: filters.colour === 'any' ? undefined : filters.colour,
          templateId: filters.template || undefined,
          limit: BOARD_LOAD,
          skip: 0,
        },
        { signal: budgetOf(res).signal },
      ),
    ]);
    const data = {
      filters,
      templates: templates.map((template) => ({ id: template.id, name: template.name })),
      cards: await actionCards(viewContextOf(viewer), result.items),
      total: result.total,
      totalExact: result.totalExact,
    };
    sendHtml(
      res,
      200,
      renderBoardPage(data, renderContextOf(req, res), await identityBarOf(deps, res, requireLogin)),
    );
  });

  router.get('/dossiers/:id', async (req, res) => {
    const viewer = viewerOf(res);
    const id = req.params.id ?? '';
    try {
      const timeline = await loadDossierTimeline(viewer, id);
      const page = renderDossierPage({
        timeline,
        context: renderContextOf(req, res),
        identity: await identityBarOf(deps, res, requireLogin),
        now: deps.clock(),
        timeZone: viewer.timeZone,
        showFacts: visitorMay(visitorOf(res), 'dossiers:read'),
      });
      sendHtml(res, 200, page);
    } catch (error) {
      if (!(error instanceof DomainError && error.category === 'not-found')) throw error;
      sendError(req, res, 404, consoleError(res, 'dossier.not-found', 'error.dossier-not-found', { id }));
    }
  });

  /** The chat delivery for administrators: broken conversations and failed messages (docs/delivery.md). */
  async function deliveryPage(
    req: Parameters<typeof renderContextOf>[0],
    res: Parameters<typeof visitorOf>[0],
    notice?: string,
  ) {
    const actor = signedInUser(res);
    const [targets, failed, people, subscriptions] = await Promise.all([
      listDeliveryTargets(deps, actor, { limit: 200 }),
      listDeliveries(deps, actor, { status: 'failed', limit: 50 }),
      listUsers(deps, actor, { active: true }),
      listDigests(deps, actor),
    ]);
    const now = deps.clock();
    const digests = subscriptions.map((digest) => {
      const [next] = nextRuns(digest.schedule, now, 1);
      return next ? { ...digest, nextRunAt: next } : digest;
    });
    sendHtml(
      res,
      200,
      renderDeliveryPage(
        {
          targets,
          failed,
          people,
          digests,
          timeZone: visitorOf(res).timeZone,
          ...(notice ? { notice } : {}),
        },
        renderContextOf(req, res),
        await identityBarOf(deps, res, requireLogin),
      ),
    );
  }

  router.get('/delivery', async (req, res) => {
    if (!signedInUser(res).admin) {
      sendError(req, res, 403, consoleError(res, 'console.admin', 'delivery.admins-only'));
      return;
    }
    await deliveryPage(req, res);
  });

  router.post('/delivery/clear', async (req, res) => {
    if (!signedInUser(res).admin) {
      sendError(req, res, 403, consoleError(res, 'console.admin', 'delivery.admins-only'));
      return;
    }
    const key = typeof req.body?.key === 'string' ? req.body.key : '';
    await clearBrokenTarget(deps, signedInUser(res), key);
    await deliveryPage(req, res, consoleText(renderContextOf(req, res).locale, 'delivery.cleared'));
  });

  router.post('/delivery/link', async (req, res) => {
    if (!signedInUser(res).admin) {
      sendError(req, res, 403, consoleError(res, 'console.admin', 'delivery.admins-only'));
      return;
    }
    const field = (name: string) => (typeof req.body?.[name] === 'string' ? req.body[name].trim() : '');
    const [teamId, userId] = field('slack').split('/');
    const identity = field('slack')
      ? { platform: 'slack', teamId, userId }
      : { platform: 'teams', aadObjectId: field('teams') };
    try {
      await linkChatIdentity(deps, signedInUser(res), { userId: field('userId'), identity });
      await deliveryPage(req, res, consoleText(renderContextOf(req, res).locale, 'delivery.linked'));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      sendError(
        req,
        res,
        error.category === 'not-found' ? 404 : 422,
        errorView(error, renderContextOf(req, res).locale),
      );
    }
  });

  return router;
}
