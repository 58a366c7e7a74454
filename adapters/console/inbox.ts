import { randomBytes } from 'node:crypto';
import type { InboxMessage, InboxMessages, InboxTarget } from '../../src/delivery/inbox.js';
import type {
  Address,
  ChatPerson,
  ChatPlatform,
  OutgoingMessage,
  PlatformOutcome,
} from '../../src/delivery/platform.js';

export type { InboxMessage, InboxTarget } from '../../src/delivery/inbox.js';

/**
 * The web console as a chat platform behind the delivery router: what the bot "sends" is stored per user
 * (and per channel) and shown on the chat surface until read, each notice with its action's current card.
 * Posts are idempotent on the delivery's dedupe key (a unique index), so a send repeated after a crash is
 * stored once. The console renders cards when they are read, so posted messages need no edits.
 */
export class ConsoleInbox implements ChatPlatform {
  readonly id = 'console';
  readonly pacingMs = 0;
  readonly editable = false;

  constructor(
    private readonly messages: InboxMessages,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  ensureIndexes(): Promise<void> {
    return this.messages.ensureIndexes();
  }

  async directAddress(person: ChatPerson): Promise<Address> {
    return {
      platform: 'console',
      key: `console:user:${person.id}`,
      label: person.name,
      data: { userId: person.id },
    };
  }

  async channelAddress(channel: string): Promise<Address | undefined> {
    const name = channel.trim().replace(/^#/, '');
    if (!/^[\p{L}\p{N}_.-]{1,80}$/u.test(name)) return undefined;
    return {
      platform: 'console',
      key: `console:channel:${name}`,
      label: `#${name}`,
      data: { channel: name },
    };
  }

  async post(address: Address, message: OutgoingMessage): Promise<PlatformOutcome> {
    const target: InboxTarget = address.data.userId
      ? { kind: 'user', userId: address.data.userId }
      : { kind: 'channel', channel: address.data.channel ?? '' };
    const text = message.views.flatMap((view) => (view.kind === 'text' ? view.lines : [])).join('\n');
    const card = message.views.find((view) => view.kind === 'action-card');
    const stored: InboxMessage = {
      id: `msg_${randomBytes(8).toString('hex')}`,
      target,
      purpose: message.purpose,
      text,
      ...(card?.kind === 'action-card' ? { actionId: card.actionId } : {}),
      ...(message.kind === 'digest' ? { views: message.views } : {}),
      dedupeKey: message.dedupeKey,
      createdAt: this.clock(),
      acknowledgedBy: [],
    };
    const { id } = await this.messages.add(stored);
    return { ok: true, ref: { id: id ?? stored.id } };
  }

  /** Console messages are never edited: their cards are rendered when they are read. */
  async update(_address: Address, ref: Readonly<Record<string, string>>): Promise<PlatformOutcome> {
    return { ok: true, ref };
  }

  /** What `userId` has not read yet: their own messages and every channel's, oldest first. */
  unreadFor(userId: string, limit = 50): Promise<InboxMessage[]> {
    return this.messages.unreadFor(userId, limit);
  }

  /** Marks a message read for `userId`; false when it is not theirs to read (or gone). */
  acknowledge(userId: string, id: string): Promise<boolean> {
    return this.messages.acknowledge(userId, id);
  }
}
