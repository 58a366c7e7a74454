import type { TurnContext } from '@microsoft/agents-hosting';
import { isParseFailure, parseCommand } from '../../src/chat/commands/grammar.js';
import type { ChatContext } from '../../src/chat/handle.js';
import type { ChatView } from '../../src/chat/model.js';
import { say } from '../../src/chat/texts.js';
import type { DeliveryContent } from '../../src/delivery/records.js';
import { cardMessage } from './activities.js';
import type { TeamsBotDeps } from './bot-deps.js';
import { boundedHome, type CardHome } from './card-data.js';
import { commandTextOf, commandViews, isFormCommand, isReadOnlyCommand } from './commands.js';
import { addressOf, conversationKindOf, conversationOf } from './conversations.js';
import { cardsIn, homeOfCards } from './home.js';
import { senderOf, type TeamsSender } from './identity.js';
import { clip } from './render/elements.js';
import { renderTeamsCard, summaryOf } from './render/index.js';
import { teamsText } from './texts.js';

async function send(
  context: TurnContext,
  views: ChatView[],
  sender: TeamsSender,
  unbounded: CardHome | undefined,
): Promise<string | undefined> {
  const home = boundedHome(unbounded);
  const card = renderTeamsCard(views, {
    locale: sender.locale,
    ...(home ? { home } : {}),
    ...(sender.teamsId ? { refreshUserIds: [sender.teamsId] } : {}),
  });
  const sent = await context.sendActivity(cardMessage(card, summaryOf(views, sender.locale)));
  return sent?.id || undefined;
}

function unknownSenderViews(sender: TeamsSender): ChatView[] {
  return [{ kind: 'text', lines: [say(sender.locale, 'identity.unknown', { who: sender.who })] }];
}

/** Views that show actions, and so are worth refreshing when someone looks at them again. */
function showsActions(views: readonly ChatView[]): boolean {
  return views.some((view) =>
    ['action-card', 'list', 'digest', 'preview', 'action-details'].includes(view.kind),
  );
}

/**
 * A reply showing one action follows it like any posted card (docs/delivery.md): recorded as a live copy,
 * edited on every change. Lists follow through their refresh instead.
 */
async function recordCopy(
  bot: TeamsBotDeps,
  context: TurnContext,
  sender: TeamsSender,
  views: ChatView[],
  id: string,
) {
  const cards = cardsIn(views);
  const conversation = conversationOf(context.activity);
  if (cards.length !== 1 || !conversation || !sender.user) return;
  const { actionId, version } = cards[0]!;
  const text = views.flatMap((view) => (view.kind === 'text' ? view.lines : [])).join('\n');
  const content: DeliveryContent = text ? { type: 'notice', text, actionId } : { type: 'card', actionId };
  await bot.live.recordPosted({
    kind: content.type === 'notice' ? 'notice' : 'card',
    address: addressOf(conversation, sender.name),
    ref: { activityId: id },
    content,
    viewer: { userId: sender.user.id, locale: sender.locale },
    // The version shown, not the one stored now: a change made while the reply was on its way has already
    // marked the copies it knew of, so only a version behind the store lets the reconcile edit this one.
    versions: { [actionId]: version ?? 0 },
  });
}

/** A personal chat has one reader: the answer itself, refreshed for them, single cards kept current. */
async function answerPersonally(
  bot: TeamsBotDeps,
  context: TurnContext,
  chat: ChatContext,
  sender: TeamsSender,
  text: string,
) {
  const views = await commandViews(chat, text);
  const home = showsActions(views)
    ? isReadOnlyCommand(text) && !isFormCommand(text)
      ? { c: text || 'help' }
      : homeOfCards(views)
    : undefined;
  const id = await send(context, views, sender, home);
  if (id) await recordCopy(bot, context, sender, views, id);
}

function isHelp(text: string): boolean {
  const parsed = parseCommand(text);
  return isParseFailure(parsed) || parsed.name === 'help';
}

/**
 * Channels and group chats have many readers with different rights (docs/teams.md). The answer is a card
 * whose content depends on who looks: Teams refreshes it for the asker, anyone else can refresh it for
 * themselves. The card itself carries only what everybody may read: who asked what, and the outcome lines
 * of a command that changed something (the command was typed in public).
 */
async function answerInGroup(context: TurnContext, chat: ChatContext, sender: TeamsSender, text: string) {
  if (isHelp(text)) {
    await send(context, await commandViews(chat, text), sender, undefined);
    return;
  }
  const locale = sender.locale;
  const asked = teamsText(locale, 'group.asked', { name: sender.name, command: clip(text, 200) });
  const privately = teamsText(locale, 'group.private', { name: sender.name });
  if (isReadOnlyCommand(text)) {
    await send(context, [{ kind: 'text', lines: [asked, privately] }], sender, { c: text, t: [asked] });
    return;
  }
  const answer = await commandViews(chat, text);
  const outcome = answer.flatMap((view) =>
    view.kind === 'text' ? view.lines : view.kind === 'error' ? [view.message] : [],
  );
  const home = homeOfCards(answer, [asked, ...outcome]);
  const lines = [asked, ...outcome, ...(home ? [privately] : [])];
  await send(context, [{ kind: 'text', lines }], sender, home);
}

/** A message to the bot: a command, in a personal chat or with an @mention in a channel or group chat. */
export async function answerMessage(bot: TeamsBotDeps, context: TurnContext): Promise<void> {
  const sender = await senderOf(bot.deps, context, bot.connectorKey, bot.homeTenant);
  const text = commandTextOf(context.activity);
  if (!sender.user) {
    await send(context, unknownSenderViews(sender), sender, undefined);
    return;
  }
  const conversation = context.activity.conversation?.id;
  const chat: ChatContext = {
    deps: bot.deps,
    execution: bot.execution,
    actor: sender.user,
    // A digest is about the conversation the command was typed in.
    ...(conversation ? { origin: { platform: 'teams' as const, channel: conversation } } : {}),
  };
  if (conversationKindOf(context.activity) === 'personal')
    await answerPersonally(bot, context, chat, sender, text);
  else await answerInGroup(context, chat, sender, text);
}

/** Greets whoever installs the app in a personal chat, with how to start (or how to get linked). */
export async function welcome(bot: TeamsBotDeps, context: TurnContext): Promise<void> {
  const added = context.activity.membersAdded ?? [];
  const botAdded = added.some((member) => member.id === context.activity.recipient?.id);
  if (!botAdded || conversationKindOf(context.activity) !== 'personal') return;
  const sender = await senderOf(bot.deps, context, bot.connectorKey, bot.homeTenant);
  const views: ChatView[] = sender.user
    ? [
        {
          kind: 'text',
          title: teamsText(sender.locale, 'welcome.title'),
          lines: [say(sender.locale, 'home.hint')],
        },
      ]
    : unknownSenderViews(sender);
  await send(context, views, sender, undefined);
}
