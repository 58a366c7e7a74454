import type { Collection, Db, Filter } from 'mongodb';
import type { InboxMessage, InboxMessages } from '../delivery/inbox.js';
import { fromDocument, isDuplicateKeyError, type Stored, toDocument } from './documents.js';

/** Notices are for now, not an archive: after this long the database drops them by itself. */
export const INBOX_TTL_SECONDS = 30 * 24 * 60 * 60;

/** The web console's messages, at most one per dedupeKey (a unique index), kept for 30 days. */
export class ConsoleInboxStore implements InboxMessages {
  readonly #messages: Collection<Stored<InboxMessage>>;

  constructor(db: Db) {
    this.#messages = db.collection<Stored<InboxMessage>>('consoleInbox');
  }

  async ensureIndexes(): Promise<void> {
    await this.#messages.createIndexes([
      { key: { dedupeKey: 1 }, unique: true },
      { key: { createdAt: 1 }, expireAfterSeconds: INBOX_TTL_SECONDS },
      { key: { 'target.userId': 1, createdAt: -1 } },
      { key: { 'target.kind': 1, createdAt: -1 } },
    ]);
  }

  async add(message: InboxMessage) {
    try {
      await this.#messages.insertOne(toDocument(message));
      return { outcome: 'created' as const, id: message.id };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.#messages.findOne({ dedupeKey: message.dedupeKey });
      return { outcome: 'already-there' as const, id: existing?._id };
    }
  }

  async unreadFor(userId: string, limit: number): Promise<InboxMessage[]> {
    const docs = await this.#messages
      .find({ ...visibleTo(userId), acknowledgedBy: { $ne: userId } }, { sort: { createdAt: -1 }, limit })
      .toArray();
    return docs.map((doc) => fromDocument<InboxMessage>(doc)).reverse();
  }

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
