import { randomBytes } from 'node:crypto';
import type { Collection, Db, Filter } from 'mongodb';
import type {
  ChatDelivery,
  DeliveryPurpose,
  DeliveryResult,
  DeliveryTarget,
  OutboundMessage,
} from '../../src/delivery/port.js';
import { fromDocument, isDuplicateKeyError, type Stored, toDocument } from '../../src/store/documents.js';

export interface InboxMessage {
  id: string;
  target: DeliveryTarget;
  purpose: DeliveryPurpose;
  text: string;
  actionId?: string;
  dedupeKey: string;
  createdAt: Date;
  /** Users who marked it read; a channel message is read per person, so this is a list. */
  acknowledgedBy: string[];
}

/** Notices are for now, not an archive: after this long the database drops them by itself. */
export const INBOX_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * The web console as a chat platform: what the bot "sends" is stored per user (and per channel) and shown
 * on the chat surface until read. Sends are idempotent on the message's dedupeKey (a unique index), so a
 * retried send — from a second instance or after a crash — is stored once.
 */
export class ConsoleInbox implements ChatDelivery {
  readonly available = true;
  readonly #messages: Collection<Stored<InboxMessage>>;
  readonly #clock: () => Date;

  constructor(db: Db, clock: () => Date = () => new Date()) {
    this.#messages = db.collection<Stored<InboxMessage>>('consoleInbox');
    this.#clock = clock;
  }

  async ensureIndexes(): Promise<void> {
    await this.#messages.createIndexes([
      { key: { dedupeKey: 1 }, unique: true },
      { key: { createdAt: 1 }, expireAfterSeconds: INBOX_TTL_SECONDS },
      { key: { 'target.userId': 1, createdAt: -1 } },
      { key: { 'target.kind': 1, createdAt: -1 } },
    ]);
  }

  async send(target: DeliveryTarget, message: OutboundMessage): Promise<DeliveryResult> {
    const stored: InboxMessage = {
      id: `msg_${randomBytes(8).toString('hex')}`,
      target,
      purpose: message.purpose,
      text: message.text,
      ...(message.actionId ? { actionId: message.actionId } : {}),
      dedupeKey: message.dedupeKey,
      createdAt: this.#clock(),
      acknowledgedBy: [],
    };
    try {
      await this.#messages.insertOne(toDocument(stored));
      return { ok: true, ref: stored.id };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.#messages.findOne({ dedupeKey: message.dedupeKey });
      return { ok: true, ...(existing ? { ref: existing._id } : {}) };
    }
  }

  /** What `userId` has not read yet: their own messages and every channel's, oldest first. */
  async unreadFor(userId: string, limit = 50): Promise<InboxMessage[]> {
    const docs = await this.#messages
      .find({ ...visibleTo(userId), acknowledgedBy: { $ne: userId } }, { sort: { createdAt: -1 }, limit })
      .toArray();
    return docs.map((doc) => fromDocument<InboxMessage>(doc)).reverse();
  }

  /** Marks a message read for `userId`; false when it is not theirs to read (or gone). */
  async acknowledge(userId: string, id: string): Promise<boolean> {
    const result = await this.#messages.updateOne(
      { _id: id, ...visibleTo(userId) },
      { $addToSet: { acknowledgedBy: userId } },
    );
    return result.matchedCount === 1;
  }
}

function visibleTo(userId: string): Filter<Stored<InboxMessage>> {
  return { $or: [{ 'target.kind': 'user', 'target.userId': userId }, { 'target.kind': 'channel' }] };
}
