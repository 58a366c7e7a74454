import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ChatView, FormView } from '../../src/chat/model.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { UserRecord } from '../../src/store/users.js';
import type { WorkflowDeps } from '../../src/workflow/deps.js';
import { renderBlocks } from './render/messages.js';
import { type FormRenderContext, formModal, infoModal, loadingModal, previewModal } from './render/modals.js';

/** Where one Slack interaction came from, and how to answer it. */
export interface SlackTurn {
  client: WebClient;
  teamId: string;
  locale: Locale;
  triggerId?: string;
  respond?: RespondFn;
  responseUrl?: string;
  channelId?: string;
  /** The message clicked was ephemeral (a reply only its reader sees): answers replace it. */
  ephemeral?: boolean;
  /** A modal already opened for this turn (a loading view), to be updated instead of opening another. */
  viewId?: string;
}

/**
 * The Slack user of each Stempel user a form preselects, in this workspace, so its people picker can
 * show them; people without a Slack identity here are simply not preselected.
 */
async function formContext(
  deps: WorkflowDeps,
  turn: SlackTurn,
  views: readonly ChatView[],
): Promise<FormRenderContext> {
  const ids = views.flatMap((view) =>
    view.kind === 'form'
      ? view.fields.filter((field) => field.type === 'user' && field.value).map((field) => field.value!)
      : [],
  );
  const users = await deps.stores.users.getMany(ids);
  const slackUsers = new Map(
    users.flatMap((user: UserRecord) =>
      user.chatIdentities
        .filter((identity) => identity.platform === 'slack' && identity.teamId === turn.teamId)
        .map((identity) => [user.id, identity.platform === 'slack' ? identity.userId : ''] as const),
    ),
  );
  return { locale: turn.locale, slackUserOf: (id) => slackUsers.get(id) };
}

/** Opens a modal for this turn, or replaces the loading view opened for it a moment ago. */
async function showModal(turn: SlackTurn, view: Parameters<WebClient['views']['open']>[0]['view']) {
  if (turn.viewId) {
    await turn.client.views.update({ view_id: turn.viewId, view });
  } else if (turn.triggerId) {
    await turn.client.views.open({ trigger_id: turn.triggerId, view });
  }
}

/** A loading modal the instant a modal is sure to follow: Slack's trigger lasts only three seconds. */
export async function openLoading(turn: SlackTurn, locale?: Locale): Promise<SlackTurn> {
  if (!turn.triggerId) return turn;
  const opened = await turn.client.views.open({ trigger_id: turn.triggerId, view: loadingModal(locale) });
  return opened.view?.id ? { ...turn, viewId: opened.view.id } : turn;
}

export async function showForm(deps: WorkflowDeps, turn: SlackTurn, form: FormView): Promise<void> {
  const context = await formContext(deps, turn, [form]);
  await showModal(
    turn,
    formModal(form, context, {
      ...(turn.responseUrl ? { responseUrl: turn.responseUrl } : {}),
      ...(turn.channelId ? { channel: turn.channelId } : {}),
      locale: turn.locale,
      ...(turn.ephemeral ? { ephemeral: true } : {}),
    }),
  );
}

/**
 * Shows the views the chat layer answered with, the Slack way: a form, a preview or details as a modal;
 * anything else as a message only the user sees (replacing the ephemeral message they clicked, if so).
 */
export async function present(deps: WorkflowDeps, turn: SlackTurn, views: ChatView[]): Promise<void> {
  const form = views.find((view): view is FormView => view.kind === 'form');
  if (form) return showForm(deps, turn, form);
  const preview = views.find((view) => view.kind === 'preview');
  if (preview?.kind === 'preview') {
    return showModal(
      turn,
      previewModal(preview, turn.locale, {
        ...(turn.responseUrl ? { responseUrl: turn.responseUrl } : {}),
        ...(turn.channelId ? { channel: turn.channelId } : {}),
        locale: turn.locale,
        ...(turn.ephemeral ? { ephemeral: true } : {}),
      }),
    );
  }
  const details = views.find((view) => view.kind === 'action-details');
  if (details?.kind === 'action-details') {
    return showModal(turn, infoModal(`#${details.card.number}`, views, turn.locale));
  }
  if (turn.viewId || !turn.respond) return showModal(turn, infoModal('Stempel', views, turn.locale));
  const { text, blocks } = renderBlocks(views, turn.locale);
  await turn.respond(
    turn.ephemeral
      ? { replace_original: true, text, blocks }
      : { response_type: 'ephemeral', replace_original: false, text, blocks },
  );
}
