import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type {
  TeamsConversation,
  TeamsConversations,
  TeamsConversationUpdate,
} from '../../src/delivery/conversations.js';
import type { Address } from '../../src/delivery/platform.js';
import type { Logger } from '../../src/observability/logger.js';

/** A channel thread's id is the channel's id plus `;messageid=…`; new posts go to the channel itself. */
export function baseConversationId(id: string): string {
  const cut = id.indexOf(';messageid=');
  return cut === -1 ? id : id.slice(0, cut);
}

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

export function tenantOf(activity: Activity): string | undefined {
  const channelData = activity.channelData as TeamsChannelData | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/** Personal chat, channel or group chat: whether one person or many read the answer. */
export function conversationKindOf(activity: Activity): TeamsConversation['kind'] {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** The conversation an inbound activity came from, as the store keeps it; undefined when it cannot be one. */
export function conversationOf(activity: Activity): TeamsConversationUpdate | undefined {
  const conversation = activity.conversation;
  if (!activity.serviceUrl || !conversation?.id || !activity.recipient?.id) return undefined;
  const channelData = activity.channelData as TeamsChannelData | undefined;
  const kind = conversationKindOf(activity);
  const from = activity.from;
  const removed =
    activity.type === 'installationUpdate' && String(activity.action ?? '').startsWith('remove');
  const name = conversation.name ?? channelData?.channel?.name;
  return {
    id: baseConversationId(conversation.id),
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId ?? 'msteams',
    kind,
    bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
    installed: !removed,
    ...(tenantOf(activity) ? { tenantId: tenantOf(activity) } : {}),
    ...(name ? { name } : {}),
    ...(kind === 'channel' && channelData?.team?.id ? { teamId: channelData.team.id } : {}),
    ...(channelData?.team?.name ? { teamName: channelData.team.name } : {}),
    ...(kind === 'personal' && from?.id && from.role !== 'bot'
      ? {
          user: {
            id: from.id,
            ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
            ...(from.name ? { name: from.name } : {}),
          },
        }
      : {}),
  };
}

/** What the SDK needs to write into a stored conversation: no activity id, so posts are new messages. */
export function referenceOf(conversation: TeamsConversation): ConversationReference {
  return {
    channelId: conversation.channelId,
    serviceUrl: conversation.serviceUrl,
    conversation: {
      id: conversation.id,
      isGroup: conversation.kind !== 'personal',
      conversationType: conversation.kind,
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
    agent: conversation.bot,
    ...(conversation.user ? { user: conversation.user } : {}),
  };
}

/** The delivery core's address of a conversation: paced and marked broken per conversation id. */
export function addressOf(
  conversation: Pick<TeamsConversation, 'id' | 'kind' | 'name' | 'teamName' | 'user'>,
  personName?: string,
): Address {
  const label =
    conversation.kind === 'personal'
      ? `Teams: ${personName ?? conversation.user?.name ?? 'personal chat'}`
      : `Teams: ${[conversation.teamName, conversation.name].filter(Boolean).join(' / ') || conversation.id}`;
  return {
    platform: 'teams',
    key: `teams:${conversation.id}`,
    label,
    data: { conversationId: conversation.id },
  };
}

/**
 * Keeps the stored reference of every conversation current (docs/teams.md): every inbound activity may
 * carry a new service URL. An unchanged conversation is written at most once an hour per instance, so busy
 * conversations do not cost a write per click; installs, removals and membership changes always are.
 */
export class ConversationMemory {
  readonly #seen = new Map<string, { fingerprint: string; at: number }>();

  constructor(
    private readonly store: TeamsConversations,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  channelsOfTeam(teamId: string): Promise<string[]> {
    return this.store.channelsOfTeam(teamId);
  }

  async remember(activity: Activity): Promise<void> {
    const conversation = conversationOf(activity);
    if (!conversation) return;
    const now = this.clock();
    const fingerprint = JSON.stringify(conversation);
    const seen = this.#seen.get(conversation.id);
    // Installs and removals are always written: another instance may have stored the opposite meanwhile.
    const membership = activity.type === 'installationUpdate' || activity.type === 'conversationUpdate';
    if (!membership && seen && seen.fingerprint === fingerprint && now.getTime() - seen.at < 3_600_000)
      return;
    try {
      await this.store.remember(conversation, now);
      if (this.#seen.size >= 10_000) this.#seen.clear();
      this.#seen.set(conversation.id, { fingerprint, at: now.getTime() });
    } catch (error) {
      // Answering the user matters more; the next activity tries again.
      this.logger.warn(
        { err: error, conversation: conversation.id },
        'could not store the Teams conversation',
      );
    }
  }
}
