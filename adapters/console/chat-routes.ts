import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { isParseFailure, parseCommand } from '../../src/chat/commands/grammar.js';
import { formOptions, rebuildForm, submitForm } from '../../src/chat/forms/index.js';
import { type ChatContext, handleButton, handleCommand } from '../../src/chat/handle.js';
import type { ChatView } from '../../src/chat/model.js';
import { errorView } from '../../src/chat/views/errors.js';
import type { ApiScope } from '../../src/store/api-tokens.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import { myColourCounts } from './glance.js';
import { renderContextOf, visitorMay, visitorOf } from './identity.js';
import type { ConsoleInbox } from './inbox.js';
import { inboxEntries } from './inbox-entries.js';
import { renderChatPage, renderExchange, renderInboxEntry } from './pages/chat.js';
import { html, type SafeHtml } from './render/html.js';
import { renderViewsHtml } from './render/renderer.js';
import { consoleError, identityBarOf, sendError, sendHtml, signedInUser, wantsFragment } from './respond.js';

export interface ChatRouteOptions {
  deps: WorkflowDeps;
  execution: ExecutionPorts;
  inbox: ConsoleInbox;
  requireLogin: boolean;
}

/** Commands that only look: a token with actions:read may run them. Execute only shows the preview. */
const readingCommands = new Set(['help', 'mine', 'list', 'show', 'preview', 'execute']);
const templateCommands = new Set(['templates', 'template']);
const readingVerbs = new Set(['show', 'preview', 'execute', 'details', 'snooze-pick', 'assign-pick']);

function scopeOfCommand(text: string): ApiScope {
  const parsed = parseCommand(text);
  // An unreadable command changes nothing: the handler answers it with the usage line.
  if (isParseFailure(parsed) || readingCommands.has(parsed.name)) return 'actions:read';
  return templateCommands.has(parsed.name) ? 'templates:read' : 'actions:write';
}

function scopeOfPayload(payload: string): ApiScope {
  return readingVerbs.has(payload.split(':')[0] ?? '') ? 'actions:read' : 'actions:write';
}

const CommandBody = z.object({ text: z.string().trim().min(1).max(1_000) });
const InteractBody = z.object({ payload: z.string().min(3).max(200) });
/** A form's fields beside its payload; `refresh` names the field whose change rebuilds the form. */
const FormBody = z.record(z.string(), z.string().max(4_000));
const notFields = new Set(['payload', 'csrf', 'refresh']);

/** The console has no live search: a search field offers the most recent matches as a select. */
async function withSearchOptions(context: ChatContext, views: ChatView[]): Promise<ChatView[]> {
  return Promise.all(
    views.map(async (view) => {
      if (view.kind !== 'form') return view;
      const fields = await Promise.all(
        view.fields.map(async (field) =>
          field.type === 'search' && field.source && !field.options
            ? { ...field, options: await formOptions(context, field.source, '') }
            : field,
        ),
      );
      return { ...view, fields };
    }),
  );
}

async function formReply(context: ChatContext, payload: string, body: unknown): Promise<ChatView[]> {
  const parsed = FormBody.safeParse(body);
  const raw = parsed.success ? parsed.data : {};
  const values = Object.fromEntries(Object.entries(raw).filter(([name]) => !notFields.has(name)));
  if (raw.refresh) {
    try {
      return [await rebuildForm(context, payload, values, raw.refresh)];
    } catch (error) {
      return [errorView(error, context.actor.locale)];
    }
  }
  const outcome = await submitForm(context, payload, values);
  return outcome.kind === 'done' ? outcome.views : [outcome.form];
}

export function chatRoutes(options: ChatRouteOptions): Router {
  const { deps, execution, inbox, requireLogin } = options;
  const router = Router();

  const chatContext = (res: Response): ChatContext => ({ deps, execution, actor: signedInUser(res) });
  const viewer = (res: Response) => ({ deps, actor: signedInUser(res), timeZone: visitorOf(res).timeZone });

  /** A reply: the views alone for console.js, or the chat page with this exchange for a plain form post. */
  async function reply(
    req: Request,
    res: Response,
    text: string | undefined,
    views: ChatView[],
  ): Promise<void> {
    const context = renderContextOf(req, res);
    if (wantsFragment(req)) {
      sendHtml(res, 200, renderViewsHtml(views, context).value);
      return;
    }
    sendHtml(res, 200, await chatPage(req, res, renderExchange(text, views, context)));
  }

  async function chatPage(req: Request, res: Response, reply?: SafeHtml): Promise<string> {
    const [identity, entries, glance] = await Promise.all([
      identityBarOf(deps, res, requireLogin),
      inboxEntries(viewer(res), inbox),
      myColourCounts(viewer(res)),
    ]);
    return renderChatPage({
      context: renderContextOf(req, res),
      identity,
      timeZone: visitorOf(res).timeZone,
      inbox: entries,
      glance,
      ...(reply ? { reply } : {}),
    });
  }

  function refuseScope(req: Request, res: Response, scope: ApiScope): boolean {
    if (visitorMay(visitorOf(res), scope)) return false;
    sendError(req, res, 403, consoleError(res, 'console.scope', 'error.scope', { scope }));
    return true;
  }

  router.get('/', async (req, res) => {
    sendHtml(res, 200, await chatPage(req, res));
  });

  router.post('/command', async (req, res) => {
    const body = CommandBody.safeParse(req.body);
    const text = body.success ? body.data.text : '/actie help';
    if (refuseScope(req, res, scopeOfCommand(text))) return;
    const context = chatContext(res);
    await reply(req, res, text, await withSearchOptions(context, await handleCommand(context, text)));
  });

  router.post('/interact', async (req, res) => {
    const body = InteractBody.safeParse(req.body);
    // handleButton answers a malformed payload with an error view, so pass even an empty one through.
    const payload = body.success ? body.data.payload : '';
    if (refuseScope(req, res, scopeOfPayload(payload))) return;
    const context = chatContext(res);
    const views = payload.startsWith('form:')
      ? await formReply(context, payload, req.body)
      : await handleButton(context, payload);
    await reply(req, res, undefined, await withSearchOptions(context, views));
  });

  /** Unread notices as list items; console.js polls this and adds the ones it does not show yet. */
  router.get('/inbox', async (req, res) => {
    const context = renderContextOf(req, res);
    const entries = await inboxEntries(viewer(res), inbox);
    sendHtml(
      res,
      200,
      html`${entries.map((entry) => renderInboxEntry(entry, context, visitorOf(res).timeZone))}`.value,
    );
  });

  router.post('/inbox/:id/ack', async (req, res) => {
    const found = await inbox.acknowledge(signedInUser(res).id, req.params.id ?? '');
    if (!found) {
      sendError(req, res, 404, consoleError(res, 'console.not-found', 'error.page-not-found'));
      return;
    }
    if (wantsFragment(req)) res.status(204).end();
    else res.redirect(303, req.baseUrl || '/');
  });

  return router;
}
