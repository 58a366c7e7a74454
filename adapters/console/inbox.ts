import { randomBytes } from 'node:crypto';
import type { Collection, Db, Filter } from 'mongodb';
import type { ChatView } from '../../src/chat/model.js';
import type {
  Address,
  ChatPerson,
  ChatPlatform,
  OutgoingMessage,
  PlatformOutcome,
} from '../../src/delivery/platform.js';
import { fromDocument, isDuplicateKeyError, type Stored, toDocument } from '../../src/store/documents.js';

/** A console user's inbox, or a console channel that every user reads. */
export type InboxTarget = { kind: 'user'; userId: string } | { kind: 'channel'; channel: string };

export interface InboxMessage {
  id: string;
  target: InboxTarget;
  purpose: string;
  text: string;
  actionId?: string;
  dedupeKey: string;
  createdAt: Date;
  /** Users who marked it read; a channel message is read per person, so this is a list. */
  acknowledgedBy: string[];
  /** A digest as it was sent (its counts and cards); other notices show their action's current card. */
  views?: ChatView[];
}

/** Notices are for now, not an archive: after this long the database drops them by itself. */
export const INBOX_TTL_SECONDS = 30 * 24 * 60 * 60;

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
      createdAt: this.#clock(),
      acknowledgedBy: [],
    };
    try {
      await this.#messages.insertOne(toDocument(stored));
      return { ok: true, ref: { id: stored.id } };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.#messages.findOne({ dedupeKey: message.dedupeKey });
      return { ok: true, ref: { id: existing?._id ?? stored.id } };
    }
  }

  /** Console messages are never edited: their cards are rendered when they are read. */
  async update(_address: Address, ref: Readonly<Record<string, string>>): Promise<PlatformOutcome> {
    return { ok: true, ref };
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
