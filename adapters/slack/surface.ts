import type { WebClient } from '@slack/web-api';
import type { ChatContext } from '../../src/chat/context.js';
import { say } from '../../src/chat/texts.js';
import type { InboundRequests } from '../../src/delivery/installations.js';
import type { LiveCopies } from '../../src/delivery/live.js';
import type { Outbox } from '../../src/delivery/outbox.js';
import type { MessageViews } from '../../src/delivery/views.js';
import type { Logger } from '../../src/observability/logger.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import type { SlackIdentities } from './identity.js';
import type { SlackPlatform } from './platform.js';
import type { SlackTurn } from './present.js';
import { renderBlocks } from './render/messages.js';
import { infoModal } from './render/modals.js';
import type { WorkQueue } from './work-queue.js';

/** What every Slack listener works with. */
export interface SlackSurface {
  deps: WorkflowDeps;
  execution: ExecutionPorts;
  identities: SlackIdentities;
  inbound: InboundRequests;
  live: LiveCopies;
  outbox: Outbox;
  views: MessageViews;
  platform: SlackPlatform;
  /** What follows each acknowledgement runs here, a few at a time. */
  work: WorkQueue;
  logger: Logger;
}

/**
 * Who is acting, as a chat context, or undefined after telling an unknown person how to get linked —
 * in a message when the turn has somewhere to answer, else in a modal.
 */
export async function actorFor(surface: SlackSurface, turn: SlackTurn, slackUserId: string) {
  const actor = await surface.identities.resolve(turn.teamId, slackUserId, turn.client as WebClient);
  const locale = actor.locale;
  if (actor.user) {
    const context: ChatContext = {
      deps: surface.deps,
      execution: surface.execution,
      actor: actor.user,
      // A digest is about the channel the command was typed in.
      ...(turn.channelId
        ? { origin: { platform: 'slack' as const, channel: `${turn.teamId}/${turn.channelId}` } }
        : {}),
    };
    return { context, turn: { ...turn, locale } };
  }
  const text = say(locale, 'identity.unknown', { who: `Slack ${turn.teamId}/${slackUserId}` });
  const views = [{ kind: 'text' as const, lines: [text] }];
  if (turn.respond && !turn.viewId) {
    const { blocks } = renderBlocks(views, locale);
    await turn.respond({ response_type: 'ephemeral', replace_original: false, text, blocks });
  } else if (turn.viewId) {
    await turn.client.views.update({ view_id: turn.viewId, view: infoModal('Stempel', views, locale) });
  } else if (turn.triggerId) {
    await turn.client.views.open({ trigger_id: turn.triggerId, view: infoModal('Stempel', views, locale) });
  }
  return undefined;
}

/**
 * True the first time this instance set sees a request: a retry (X-Slack-Retry-Num) or a replay of it
 * is acknowledged and dropped, so it has one effect.
 */
export async function firstTime(surface: SlackSurface, key: string | undefined): Promise<boolean> {
  if (!key) return true;
  return surface.inbound.firstSeen(`slack:${key}`, surface.deps.clock());
}
