import { randomBytes } from 'node:crypto';
import type { InboxMessage, InboxMessages } from '../../src/delivery/inbox.js';
import type {
  ChatDelivery,
  DeliveryResult,
  DeliveryTarget,
  OutboundMessage,
} from '../../src/delivery/port.js';

export type { InboxMessage } from '../../src/delivery/inbox.js';

/**
 * The web console as a chat platform: what the bot "sends" is stored per user (and per channel) and shown
 * on the chat surface until read. Sends are idempotent on the message's dedupeKey, so a retried send —
 * from a second instance or after a crash — is stored once and answers with the first message's id.
 */
export class ConsoleInbox implements ChatDelivery {
  readonly available = true;

  constructor(
    private readonly messages: InboxMessages,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  ensureIndexes(): Promise<void> {
    return this.messages.ensureIndexes();
  }

  async send(target: DeliveryTarget, message: OutboundMessage): Promise<DeliveryResult> {
    const stored: InboxMessage = {
      id: `msg_${randomBytes(8).toString('hex')}`,
      target,
      purpose: message.purpose,
      text: message.text,
      ...(message.actionId ? { actionId: message.actionId } : {}),
      dedupeKey: message.dedupeKey,
      createdAt: this.clock(),
      acknowledgedBy: [],
    };
    const { id } = await this.messages.add(stored);
    return { ok: true, ...(id ? { ref: id } : {}) };
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
