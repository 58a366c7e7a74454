import { actionCards } from '../../src/chat/views/action-card.js';
import { readableActions } from '../../src/workflow/actions/queries.js';
import type { ConsoleInbox } from './inbox.js';
import type { InboxEntry } from './pages/chat.js';
import { type Viewer, viewContextOf } from './viewer.js';

/**
 * The viewer's unread notices, each with the current card of its action — current, not as it was when
 * the notice was sent, so its buttons match the action's state now. A card the viewer may no longer read
 * is left out; the notice text still shows.
 */
export async function inboxEntries(viewer: Viewer, inbox: ConsoleInbox): Promise<InboxEntry[]> {
  const messages = await inbox.unreadFor(viewer.actor.id);
  const actionIds = [...new Set(messages.flatMap((message) => (message.actionId ? [message.actionId] : [])))];
  const actions = await readableActions(viewer.deps, viewer.actor, actionIds);
  const cards = new Map(
    (await actionCards(viewContextOf(viewer), actions)).map((card) => [card.actionId, card]),
  );
  return messages.map((message) => {
    const card = message.actionId ? cards.get(message.actionId) : undefined;
    return card ? { message, card } : { message };
  });
}
