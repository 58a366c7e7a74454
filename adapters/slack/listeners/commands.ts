import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import { isParseFailure, parseCommand } from '../../../src/chat/commands/grammar.js';
import { newActionForm } from '../../../src/chat/forms/new-action.js';
import { handleCommand } from '../../../src/chat/handle.js';
import { everyoneMayRead } from '../../../src/chat/message-views.js';
import { say } from '../../../src/chat/texts.js';
import { errorView, issueMessage } from '../../../src/chat/views/errors.js';
import { readableAction } from '../../../src/workflow/actions/change-action.js';
import { openLoading, present, type SlackTurn, showForm } from '../present.js';
import { renderBlocks } from '../render/messages.js';
import { actorFor, firstTime, type SlackSurface } from '../surface.js';

/**
 * `/actie` and `/action`: every subcommand of the shared grammar. The acknowledgement goes out first,
 * before any database or Web API work; answers follow through the response URL, only for the asker,
 * unless they asked to post a card in the channel. `new` without a record opens the new-action modal.
 */
export function registerCommands(app: App, surface: SlackSurface): void {
  app.command(/^\/(actie|action)$/, async ({ ack, command, respond, client }) => {
    await ack();
    surface.work.run(() => run(command, respond, client));
  });
  const run = async (command: SlashCommand, respond: RespondFn, client: SlackTurn['client']) => {
    if (!(await firstTime(surface, command.trigger_id))) return;
    const parsed = parseCommand(command.text);
    let turn: SlackTurn = {
      client,
      teamId: command.team_id,
      locale: (await surface.deps.workspace.get()).locale,
      triggerId: command.trigger_id,
      respond,
      responseUrl: command.response_url,
      channelId: command.channel_id,
    };
    const opensModal = !isParseFailure(parsed) && parsed.name === 'new-form';
    if (opensModal) turn = await openLoading(turn);
    const found = await actorFor(surface, turn, command.user_id);
    if (!found) return;
    const { context } = found;
    turn = found.turn;
    try {
      if (!isParseFailure(parsed) && parsed.name === 'new-form') {
        await showForm(
          surface.deps,
          turn,
          await newActionForm(context, parsed.template ? { template: parsed.template } : {}),
        );
        return;
      }
      if (!isParseFailure(parsed) && parsed.name === 'show' && parsed.post) {
        await postCard(surface, turn, context, parsed.ref, command.channel_id);
        return;
      }
      await present(surface.deps, turn, await handleCommand(context, command.text));
    } catch (error) {
      surface.logger.error({ err: error }, 'slack command failed');
      await present(surface.deps, turn, [errorView(error, turn.locale)]);
    }
  };
}

/**
 * `/actie toon 12 plaats`: the card posted in the channel for everyone, as a live copy that follows the
 * action. Posted here rather than through the outbox, so that a channel the bot is not in is explained
 * to the asker at once.
 */
async function postCard(
  surface: SlackSurface,
  turn: SlackTurn,
  context: import('../../../src/chat/context.js').ChatContext,
  ref: string,
  channelId: string,
): Promise<void> {
  const action = await readableAction(context.deps, context.actor, ref);
  const reply = (text: string) => {
    const { blocks } = renderBlocks([{ kind: 'text', lines: [text] }], turn.locale);
    return turn.respond?.({ response_type: 'ephemeral', replace_original: false, text, blocks });
  };
  // Slack's own error code is for the log; the asker reads why in their language.
  const failed = (reason: string) =>
    reply(issueMessage({ code: 'chat-message.delivery-failed', message: reason }, turn.locale));
  // A channel sees only what everyone may read: refused here, not posted as an empty card.
  if (!everyoneMayRead(action)) {
    await reply(say(turn.locale, 'slack.not-for-channel', { number: action.number }));
    return;
  }
  const address = await surface.platform.channelAddress(`${turn.teamId}/${channelId}`);
  if (!address) {
    await failed(`no Slack channel ${channelId}`);
    return;
  }
  const viewer = { locale: (await context.deps.workspace.get()).locale };
  const content = { type: 'card' as const, actionId: action.id };
  const outcome = await surface.platform.post(address, {
    locale: viewer.locale,
    views: (await surface.views.build(content, viewer))?.views ?? [],
    kind: 'card',
    purpose: 'post',
    dedupeKey: `post:${turn.triggerId ?? action.id}`,
  });
  if (!outcome.ok) {
    if (outcome.reason === 'not_in_channel' || outcome.reason === 'channel_not_found') {
      await reply(say(turn.locale, 'slack.not-in-channel'));
    } else {
      surface.logger.warn({ reason: outcome.reason, channel: address.label }, 'slack card not posted');
      await failed(outcome.reason);
    }
    return;
  }
  await surface.live.recordPosted({
    kind: 'card',
    address,
    ref: outcome.ref,
    content,
    viewer,
    versions: { [action.id]: action.version },
  });
  await reply(say(turn.locale, 'slack.posted'));
}
