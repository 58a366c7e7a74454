import type { App, BlockAction, BlockElementAction } from '@slack/bolt';
import { rebuildForm } from '../../../src/chat/forms/index.js';
import { handleButton } from '../../../src/chat/handle.js';
import { say } from '../../../src/chat/texts.js';
import { errorView } from '../../../src/chat/views/errors.js';
import { resolveChatUser } from '../../../src/workflow/identities.js';
import { memberProfile } from '../identity.js';
import { openLoading, present, type SlackTurn, showForm } from '../present.js';
import { MENU_PREFIX } from '../render/elements.js';
import { decodeMetadata, FIELD_PREFIX, OPTIONS_PREFIX } from '../render/modals.js';
import { actorFor, firstTime, type SlackSurface } from '../surface.js';
import { formValues } from '../view-state.js';

/** Button verbs whose answer is a modal: it is opened (loading) before anything is looked up. */
const modalVerbs = new Set(['execute', 'preview', 'details', 'snooze-pick']);

const buttonPattern =
  /^(done|execute|confirm-execute|decline-execute|snooze|snooze-pick|assign|assign-pick|preview|cancel|show|details):act_[0-9a-f]+/;
const menuPattern = new RegExp(`^${MENU_PREFIX}`);
const fieldPattern = new RegExp(`^(${FIELD_PREFIX}|${OPTIONS_PREFIX})`);

/** The payload an element carries: a button's value, a menu choice, or Assign with the chosen person. */
function payloadOf(action: BlockElementAction): { payload: string; slackUser?: string } | undefined {
  if (action.type === 'button') return { payload: action.value ?? action.action_id };
  if (action.type === 'static_select')
    return action.selected_option ? { payload: action.selected_option.value } : undefined;
  if (action.type === 'users_select') return { payload: action.action_id, slackUser: action.selected_user };
  return undefined;
}

function turnOf(
  body: BlockAction,
  client: SlackTurn['client'],
  respond: SlackTurn['respond'],
  locale: SlackTurn['locale'],
): SlackTurn {
  const container = body.container as { is_ephemeral?: boolean; type?: string } | undefined;
  return {
    client,
    teamId: body.team?.id ?? body.user.team_id ?? '',
    locale,
    triggerId: body.trigger_id,
    ...(body.response_url ? { respond, responseUrl: body.response_url } : {}),
    ...(body.channel?.id ? { channelId: body.channel.id } : {}),
    ...(container?.is_ephemeral ? { ephemeral: true } : {}),
  };
}

/**
 * Card buttons, menus and the people picker, wherever the card is (a reply, a posted message, a DM, the
 * App Home). Each press is acknowledged first, then reloaded and checked by the use cases exactly as the
 * typed command would be. A press on a posted copy answers only the presser; the copies update themselves
 * through the outbox when the action changes.
 */
export function registerActions(app: App, surface: SlackSurface): void {
  const onPress = async ({
    ack,
    body,
    action,
    client,
    respond,
  }: Parameters<Parameters<App['action']>[1]>[0]) => {
    await ack();
    surface.work.run(() => pressed(body as BlockAction, action as BlockElementAction, client, respond));
  };
  const pressed = async (
    press: BlockAction,
    action: BlockElementAction,
    client: SlackTurn['client'],
    respond: SlackTurn['respond'],
  ) => {
    if (!(await firstTime(surface, `${press.trigger_id}:${action.action_id}`))) return;
    const carried = payloadOf(action);
    if (!carried) return;
    let turn = turnOf(press, client, respond, (await surface.deps.workspace.get()).locale);
    const verb = carried.payload.split(':')[0] ?? '';
    // A press inside a modal (Details) answers in that modal; elsewhere a modal answer opens one.
    if (press.view?.type === 'modal') turn = { ...turn, viewId: press.view.id };
    else if (modalVerbs.has(verb)) turn = await openLoading(turn);
    const found = await actorFor(surface, turn, press.user.id);
    if (!found) return;
    turn = found.turn;
    try {
      let payload = carried.payload;
      if (carried.slackUser) {
        const assignee = await resolveChatUser(
          surface.deps,
          {
            platform: 'slack',
            teamId: turn.teamId,
            userId: carried.slackUser,
          },
          async () => (await memberProfile(client, carried.slackUser!)).email,
        );
        if (!assignee) {
          await present(surface.deps, turn, [
            { kind: 'text', lines: [say(turn.locale, 'slack.assignee-unknown')] },
          ]);
          return;
        }
        payload = `assign:${payload.split(':')[1]}:${assignee.id}`;
      }
      const views = await handleButton(found.context, payload);
      // On a card everyone sees, the card itself follows the change; the presser gets the result line.
      const shared = !turn.ephemeral && press.container?.type === 'message';
      const inHome = press.view?.type === 'home';
      if (
        inHome &&
        !views.some(
          (view) =>
            view.kind === 'error' ||
            view.kind === 'form' ||
            view.kind === 'preview' ||
            view.kind === 'action-details',
        )
      )
        return;
      await present(surface.deps, turn, shared ? views.filter((view) => view.kind !== 'action-card') : views);
    } catch (error) {
      surface.logger.error({ err: error }, 'slack action failed');
      await present(surface.deps, turn, [errorView(error, turn.locale)]);
    }
  };
  app.action(buttonPattern, onPress);
  app.action(menuPattern, onPress);

  // A form field that rebuilds its modal (template or record of a new action): the dates follow.
  app.action(fieldPattern, async ({ ack, body, action, client }) => {
    await ack();
    surface.work.run(() => fieldChanged(body as BlockAction, action as BlockElementAction, client));
  });
  const fieldChanged = async (
    press: BlockAction,
    action: BlockElementAction,
    client: SlackTurn['client'],
  ) => {
    const view = press.view;
    const metadata = decodeMetadata(view?.private_metadata);
    if (!view || !metadata) return;
    let turn: SlackTurn = {
      client,
      teamId: press.team?.id ?? press.user.team_id ?? '',
      locale: metadata.locale ?? (await surface.deps.workspace.get()).locale,
      viewId: view.id,
      ...(metadata.responseUrl ? { responseUrl: metadata.responseUrl } : {}),
      ...(metadata.channel ? { channelId: metadata.channel } : {}),
    };
    const found = await actorFor(surface, turn, press.user.id);
    if (!found) return;
    turn = found.turn;
    const changed = action.block_id;
    try {
      const values = await formValues(surface, turn, view.state.values);
      await showForm(surface.deps, turn, await rebuildForm(found.context, metadata.id, values, changed));
    } catch (error) {
      await present(surface.deps, turn, [errorView(error, turn.locale)]);
    }
  };
}
