import type { DeliveryContent, DeliveryViewer } from '../delivery/records.js';
import type { BuiltMessage, MessageViews } from '../delivery/views.js';
import { type Action, isFinalState } from '../domain/actions/index.js';
import type { Locale } from '../domain/i18n/locale.js';
import { canReadAction } from '../domain/rights/index.js';
import type { User } from '../domain/rights/user.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { digestContent } from '../workflow/digests/content.js';
import { homeViews } from './home.js';
import type { ChatView } from './model.js';
import { say } from './texts.js';
import { actionCards } from './views/action-card.js';
import { digestView } from './views/digest.js';

/** Everyone in a channel at once: no roles of their own, so only what everybody may read is shown. */
function channelReader(locale: Locale): User {
  return { id: 'channel', name: '', roles: [], admin: false, automaticWorkflow: false, locale, active: true };
}

/** Whether a card of this action may be shown to a whole channel: only when its template lets everyone read it. */
export function everyoneMayRead(action: Action): boolean {
  return canReadAction(channelReader('en'), action);
}

/**
 * Renders delivery content for one reader at the moment of sending or updating (docs/delivery.md): an
 * action's card is its current state, and only if the reader may see it — a person by their rights, a
 * channel only when the template lets everyone read it.
 */
export function chatMessageViews(deps: WorkflowDeps): MessageViews {
  async function readerOf(viewer: DeliveryViewer): Promise<{ user: User; shared: boolean } | undefined> {
    if (!viewer.userId) return { user: channelReader(viewer.locale), shared: true };
    const user = await deps.stores.users.get(viewer.userId);
    return user?.active ? { user: { ...user, locale: viewer.locale }, shared: false } : undefined;
  }

  async function cardOf(action: Action | undefined, viewer: DeliveryViewer) {
    const reader = await readerOf(viewer);
    if (!action || !reader || !canReadAction(reader.user, action)) return undefined;
    const { calendar } = await deps.workspace.get();
    const [card] = await actionCards(
      {
        stores: deps.stores,
        actor: reader.user,
        now: deps.clock(),
        timeZone: reader.user.timeZone ?? calendar.timeZone,
        shared: reader.shared,
      },
      [action],
    );
    return card;
  }

  function built(views: ChatView[], locale: Locale, actions: readonly Action[]): BuiltMessage {
    return {
      views,
      locale,
      versions: Object.fromEntries(actions.map((action) => [action.id, action.version])),
      final: actions.every((action) => isFinalState(action.state)),
    };
  }

  return {
    async build(content: DeliveryContent, viewer: DeliveryViewer): Promise<BuiltMessage | undefined> {
      switch (content.type) {
        case 'notice': {
          const text: ChatView = { kind: 'text', lines: [content.text] };
          const action = content.actionId ? await deps.stores.actions.get(content.actionId) : undefined;
          const card = await cardOf(action, viewer);
          return card && action
            ? built([text, card], viewer.locale, [action])
            : built([text], viewer.locale, []);
        }
        case 'card': {
          const action = await deps.stores.actions.get(content.actionId);
          const card = await cardOf(action, viewer);
          if (card && action) return built([card], viewer.locale, [action]);
          return built(
            [{ kind: 'text', lines: [say(viewer.locale, 'card.not-visible')] }],
            viewer.locale,
            [],
          );
        }
        case 'home': {
          const reader = await readerOf({ userId: content.userId, locale: viewer.locale });
          if (!reader) return undefined;
          const home = await homeViews(deps, reader.user);
          return {
            views: home.views,
            locale: viewer.locale,
            versions: Object.fromEntries(home.actionIds),
            final: false,
          };
        }
        case 'digest': {
          const subscription = await deps.stores.digests.get(content.subscriptionId);
          if (!subscription) return undefined;
          const digest = await digestView(
            deps,
            subscription,
            await digestContent(deps, subscription, deps.clock()),
          );
          return { ...built([digest.view], viewer.locale, digest.actions), final: false };
        }
      }
    },
  };
}
