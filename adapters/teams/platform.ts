import type { Activity } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import type {
  Address,
  ChatPerson,
  ChatPlatform,
  MessageRef,
  OutgoingMessage,
  PlatformOutcome,
} from '../../src/delivery/platform.js';
import type { TeamsConversation, TeamsConversationStore } from '../../src/store/teams-conversations.js';
import { cardMessage } from './activities.js';
import { addressOf, baseConversationId, referenceOf } from './conversations.js';
import { homeOfCards } from './home.js';
import { outcomeOfError } from './outcome.js';
import { renderTeamsCard, summaryOf } from './render/index.js';

const notSent: PlatformOutcome = { ok: false, kind: 'retry', reason: 'Teams: nothing was sent' };

/**
 * Teams as a platform of the delivery core (docs/teams.md): owner notices, failure notices, the
 * chat-message process and digests, posted into stored conversations and edited when their actions
 * change. The core paces each conversation, retries and marks broken targets; this class only sends.
 */
export class TeamsPlatform implements ChatPlatform {
  readonly id = 'teams';
  /**
   * Teams allows a bot about one message per second into one conversation over a minute, and 1800 an hour;
   * bursts beyond that get 429 with Retry-After, which the core honours.
   */
  readonly pacingMs = 1_000;
  readonly editable = true;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botIdentity: string,
    private readonly conversations: TeamsConversationStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async directAddress(person: ChatPerson): Promise<Address | undefined> {
    for (const identity of person.chatIdentities) {
      if (identity.platform !== 'teams') continue;
      const chat = await this.conversations.personalChatOf(identity.aadObjectId);
      if (chat) return addressOf(chat, person.name);
    }
    return undefined;
  }

  /** A channel or group chat the bot is in, by its conversation id (`19:…@thread.tacv2`). */
  async channelAddress(channel: string): Promise<Address | undefined> {
    const id = baseConversationId(channel.trim());
    if (!/^\d+:\S+$/.test(id)) return undefined;
    const conversation = await this.conversations.get(id);
    return conversation?.installed ? addressOf(conversation) : undefined;
  }

  async post(address: Address, message: OutgoingMessage): Promise<PlatformOutcome> {
    return this.#inConversation(address, 'post', async (context, conversation) => {
      const [sent] = await this.adapter.sendActivities(context, [this.#activityFor(conversation, message)]);
      return sent?.id
        ? { ok: true, ref: { activityId: sent.id } }
        : { ok: false, kind: 'permanent', reason: 'Teams returned no message id', targetBroken: false };
    });
  }

  async update(address: Address, ref: MessageRef, message: OutgoingMessage): Promise<PlatformOutcome> {
    const activityId = ref.activityId;
    if (!activityId)
      return { ok: false, kind: 'permanent', reason: 'no Teams message id to edit', targetBroken: false };
    return this.#inConversation(address, 'update', async (context, conversation) => {
      const activity = this.#activityFor(conversation, message);
      activity.id = activityId;
      await this.adapter.updateActivity(context, activity);
      return { ok: true, ref };
    });
  }

  #activityFor(conversation: TeamsConversation, message: OutgoingMessage): Activity {
    const home = homeOfCards(message.views);
    const card = renderTeamsCard(message.views, {
      locale: message.locale,
      ...(home ? { home } : {}),
      // A personal chat's reader sees their own view on every look; a channel can ask for one.
      refreshUserIds: conversation.kind === 'personal' && conversation.user ? [conversation.user.id] : [],
    });
    // Addressed by hand: the turn's own reference would make every post a reply to a made-up message.
    return cardMessage(card, summaryOf(message.views, message.locale)).applyConversationReference(
      referenceOf(conversation),
    );
  }

  async #inConversation(
    address: Address,
    operation: 'post' | 'update',
    send: (context: TurnContext, conversation: TeamsConversation) => Promise<PlatformOutcome>,
  ): Promise<PlatformOutcome> {
    const conversation = await this.conversations.get(address.data.conversationId ?? '');
    if (!conversation?.installed) {
      const reason = conversation
        ? 'the app was removed from this conversation'
        : 'no stored Teams conversation';
      return { ok: false, kind: 'permanent', reason, targetBroken: true };
    }
    let outcome = notSent;
    try {
      // Errors are caught inside: the adapter would otherwise answer them in the conversation itself.
      await this.adapter.continueConversation(
        this.botIdentity,
        referenceOf(conversation),
        async (context) => {
          try {
            outcome = await send(context, conversation);
          } catch (error) {
            outcome = outcomeOfError(error, operation, this.clock());
          }
        },
      );
    } catch (error) {
      outcome = outcomeOfError(error, operation, this.clock());
    }
    return outcome;
  }
}
