import { randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { DomainEvent } from '../domain/events/types.js';
import {
  fromDocument,
  insertSkippingDuplicates,
  type Stored,
  toDocument,
  writeUnlessTaken,
} from './documents.js';

/**
 * The event log doubles as an outbox: an event is written before its consequences (stamping,
 * re-evaluation) run and marked processed after, so a crash in between is repaired by re-processing —
 * harmless, because every consequence is idempotent.
 */
export interface StoredEvent extends DomainEvent {
  /** 'failed': processing threw on every attempt; kept with its error for an administrator to look at. */
  status: 'pending' | 'processed' | 'failed';
  processedAt?: Date;
  /** Failed processing attempts so far, and the last error. */
  attempts?: number;
  lastError?: string;
  /** The id an outside system gave a custom event, so posting it twice records it once. */
  externalId?: string;
}

type EventDoc = Stored<StoredEvent>;

export function newEventId(): string {
  return `evt_${randomBytes(8).toString('hex')}`;
}

export class EventStore {
  readonly #events: Collection<EventDoc>;

  constructor(db: Db) {
    this.#events = db.collection<EventDoc>('events');
  }

  async ensureIndexes(): Promise<void> {
    await this.#events.createIndexes([
      { key: { status: 1, at: 1 } },
      { key: { group: 1, recordId: 1, at: -1 } },
      { key: { externalId: 1 }, unique: true, partialFilterExpression: { externalId: { $type: 'string' } } },
    ]);
  }

  /** Idempotent: events already recorded (same ids, a repeated flush after a crash) are skipped. */
  async insertMany(events: readonly StoredEvent[]): Promise<void> {
    await insertSkippingDuplicates(this.#events, events.map(toDocument));
  }

  /**
   * Records events that must be new: 'already-there' when an event with the same externalId exists (a
   * retried or racing post), and then nothing is recorded.
   */
  async insertNew(events: readonly StoredEvent[]): Promise<'created' | 'already-there'> {
    const written = await writeUnlessTaken(() => this.#events.insertMany(events.map(toDocument)));
    return written === 'written' ? 'created' : 'already-there';
  }

  async getByExternalId(externalId: string): Promise<StoredEvent | undefined> {
    const doc = await this.#events.findOne({ externalId });
    return doc ? fromDocument<StoredEvent>(doc) : undefined;
  }

  /** Counts a failed processing attempt; after `maxAttempts` the event stops being retried. */
  async recordFailure(id: string, error: string, maxAttempts: number): Promise<void> {
    const doc = await this.#events.findOneAndUpdate(
      { _id: id, status: 'pending' },
      { $inc: { attempts: 1 }, $set: { lastError: error } },
      { returnDocument: 'after', projection: { attempts: 1 } },
    );
    if (doc && (doc.attempts ?? 0) >= maxAttempts) {
      await this.#events.updateOne({ _id: id, status: 'pending' }, { $set: { status: 'failed' } });
    }
  }

  async markProcessed(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.#events.updateMany(
      { _id: { $in: [...ids] } },
      { $set: { status: 'processed', processedAt: at } },
    );
  }

  /** Events left pending by a crash: older than `before`, oldest first. */
  async pendingBefore(before: Date, limit: number): Promise<StoredEvent[]> {
    const docs = await this.#events
      .find({ status: 'pending', at: { $lt: before } }, { sort: { at: 1 }, limit })
      .toArray();
    return docs.map((doc) => fromDocument<StoredEvent>(doc));
  }

  async forRecord(recordId: string, limit = 100): Promise<StoredEvent[]> {
    const docs = await this.#events.find({ recordId }, { sort: { at: -1 }, limit }).toArray();
    return docs.map((doc) => fromDocument<StoredEvent>(doc));
  }
}
