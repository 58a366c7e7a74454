import type { Collection, Db, Filter } from 'mongodb';
import type { Address, MessageRef } from '../delivery/platform.js';
import type { DeliveryRecord, DeliveryStatus, DeliveryTarget, LiveCopy } from '../delivery/records.js';
import { fromDocument, isDuplicateKeyError, type Stored, toDocument } from './documents.js';

export type {
  DeliveryContent,
  DeliveryRecord,
  DeliveryStatus,
  DeliveryTarget,
  DeliveryViewer,
  LiveCopy,
} from '../delivery/records.js';

const epoch = new Date(0);

export class DeliveryStore {
  readonly #deliveries: Collection<Stored<DeliveryRecord>>;
  readonly #targets: Collection<Stored<DeliveryTarget>>;
  readonly #copies: Collection<Stored<LiveCopy>>;

  constructor(db: Db) {
    this.#deliveries = db.collection('deliveries');
    this.#targets = db.collection('deliveryTargets');
    this.#copies = db.collection('liveCopies');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.#deliveries.createIndexes([
        { key: { dedupeKey: 1 }, unique: true },
        { key: { status: 1, nextAttemptAt: 1 } },
        { key: { 'address.key': 1, createdAt: -1 } },
        { key: { expiresAt: 1 }, expireAfterSeconds: 0 },
      ]),
      this.#targets.createIndexes([{ key: { 'broken.at': 1 }, sparse: true }]),
      this.#copies.createIndexes([
        { key: { actionIds: 1 } },
        { key: { homeUserId: 1 }, sparse: true },
        { key: { dirty: 1, dirtyAt: 1 } },
        { key: { expiresAt: 1 }, expireAfterSeconds: 0 },
      ]),
    ]);
  }

  /** Queues a message; false when one with its dedupe key was queued before. */
  async enqueue(record: DeliveryRecord): Promise<boolean> {
    await this.#ensureTarget(record.address);
    try {
      await this.#deliveries.insertOne(toDocument(record));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** The conversation a message goes to or a copy lives in: its pace and health are kept per target. */
  async #ensureTarget(address: Address): Promise<void> {
    await this.#targets.updateOne(
      { _id: address.key },
      {
        $setOnInsert: { platform: address.platform, nextSendAt: epoch, sent: 0, failed: 0 },
        $set: { label: address.label },
      },
      { upsert: true },
    );
  }

  /** Takes the next due message, oldest first; a lapsed claim of a crashed worker counts as due. */
  async claimDue(now: Date, leaseMs: number): Promise<DeliveryRecord | undefined> {
    const doc = await this.#deliveries.findOneAndUpdate(
      {
        $or: [
          { status: 'pending', nextAttemptAt: { $lte: now } },
          { status: 'sending', leaseUntil: { $lte: now } },
        ],
      },
      { $set: { status: 'sending', leaseUntil: new Date(now.getTime() + leaseMs) } },
      { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
    );
    return doc ? fromDocument<DeliveryRecord>(doc) : undefined;
  }

  async markSent(id: string, ref: MessageRef, at: Date): Promise<void> {
    await this.#deliveries.updateOne(
      { _id: id, status: 'sending' },
      {
        $set: { status: 'sent', ref, sentAt: at },
        $unset: { leaseUntil: '', lastError: '' },
        $inc: { attempts: 1 },
      },
    );
  }

  /** Back in the queue until `at`: paced, rate limited, or a transient failure (then `error` is set). */
  async release(id: string, at: Date, error?: string): Promise<void> {
    await this.#deliveries.updateOne(
      { _id: id, status: 'sending' },
      {
        $set: { status: 'pending', nextAttemptAt: at, ...(error ? { lastError: error } : {}) },
        $unset: { leaseUntil: '' },
        ...(error ? { $inc: { attempts: 1 } } : {}),
      },
    );
  }

  /** Never over a sent record: a worker whose claim lapsed must not undo another's successful send. */
  async markFailed(id: string, reason: string): Promise<void> {
    await this.#deliveries.updateOne(
      { _id: id, status: { $ne: 'sent' } },
      { $set: { status: 'failed', lastError: reason }, $unset: { leaseUntil: '' }, $inc: { attempts: 1 } },
    );
  }

  async get(id: string): Promise<DeliveryRecord | undefined> {
    const doc = await this.#deliveries.findOne({ _id: id });
    return doc ? fromDocument<DeliveryRecord>(doc) : undefined;
  }

  async list(filter: {
    status?: DeliveryStatus;
    targetKey?: string;
    limit: number;
  }): Promise<DeliveryRecord[]> {
    const query: Filter<Stored<DeliveryRecord>> = {};
    if (filter.status) query.status = filter.status;
    if (filter.targetKey) query['address.key'] = filter.targetKey;
    const docs = await this.#deliveries
      .find(query, { sort: { createdAt: -1 }, limit: filter.limit })
      .toArray();
    return docs.map((doc) => fromDocument<DeliveryRecord>(doc));
  }

  async queueDepth(): Promise<number> {
    return this.#deliveries.countDocuments({ status: { $in: ['pending', 'sending'] } });
  }

  // Targets

  async target(key: string): Promise<DeliveryTarget | undefined> {
    const doc = await this.#targets.findOne({ _id: key });
    return doc ? fromDocument<DeliveryTarget>(doc) : undefined;
  }

  async brokenTargets(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const docs = await this.#targets
      .find({ _id: { $in: [...keys] }, broken: { $exists: true } }, { projection: { _id: 1 } })
      .toArray();
    return new Set(docs.map((doc) => doc._id));
  }

  /**
   * Takes the conversation's next sending slot: of several workers (instances) wanting to send into one
   * conversation, one gets it and the others learn when the next slot is.
   */
  async takeSlot(key: string, now: Date, pacingMs: number): Promise<{ ok: true } | { ok: false; at: Date }> {
    const taken = await this.#targets.findOneAndUpdate(
      { _id: key, nextSendAt: { $lte: now }, broken: { $exists: false } },
      // Never earlier than it was: a slot taken without pacing must not undo another's pace.
      { $max: { nextSendAt: new Date(now.getTime() + pacingMs) } },
    );
    if (taken) return { ok: true };
    const target = await this.target(key);
    if (target?.broken) return { ok: false, at: new Date(now.getTime() + 3_600_000) };
    return {
      ok: false,
      at: target && target.nextSendAt > now ? target.nextSendAt : new Date(now.getTime() + pacingMs),
    };
  }

  /** The platform said to wait (Retry-After): nobody sends into this conversation before `until`. */
  async holdUntil(key: string, until: Date): Promise<void> {
    await this.#targets.updateOne({ _id: key, nextSendAt: { $lt: until } }, { $set: { nextSendAt: until } });
  }

  async recordOutcome(
    key: string,
    outcome: { ok: true } | { ok: false; reason: string; at: Date },
  ): Promise<void> {
    await this.#targets.updateOne(
      { _id: key },
      outcome.ok
        ? { $inc: { sent: 1 } }
        : { $inc: { failed: 1 }, $set: { lastError: { reason: outcome.reason, at: outcome.at } } },
    );
  }

  async markBroken(key: string, reason: string, at: Date): Promise<void> {
    await this.#targets.updateOne({ _id: key }, { $set: { broken: { reason, at } } });
  }

  /** An admin fixed the cause (invited the bot, unarchived the channel): messages may go again. */
  async clearBroken(key: string): Promise<boolean> {
    const result = await this.#targets.updateOne(
      { _id: key, broken: { $exists: true } },
      { $unset: { broken: '' } },
    );
    return result.matchedCount === 1;
  }

  async listTargets(filter: { broken?: boolean; limit: number }): Promise<DeliveryTarget[]> {
    const query = filter.broken === undefined ? {} : { broken: { $exists: filter.broken } };
    const docs = await this.#targets.find(query, { sort: { _id: 1 }, limit: filter.limit }).toArray();
    return docs.map((doc) => fromDocument<DeliveryTarget>(doc));
  }

  // Live copies

  /** A posted message that follows its actions; adapters post some themselves, outside the queue. */
  async recordCopy(copy: LiveCopy): Promise<void> {
    await this.#ensureTarget(copy.address);
    await this.#copies.insertOne(toDocument(copy));
  }

  /** An App Home is one copy per person and platform address: published again, never duplicated. */
  async upsertHome(copy: LiveCopy): Promise<void> {
    await this.#ensureTarget(copy.address);
    const { id, ...fields } = copy;
    await this.#copies.updateOne({ _id: id }, { $set: fields }, { upsert: true });
  }

  /**
   * Marks every live copy showing one of these actions (or one of these people's App Homes) for a new
   * render at `due`. A copy already waiting keeps its earlier moment, so a burst of changes is one edit.
   */
  async markDirty(actionIds: readonly string[], homeUserIds: readonly string[], due: Date): Promise<number> {
    const branches: Filter<Stored<LiveCopy>>[] = [];
    if (actionIds.length > 0) branches.push({ actionIds: { $in: [...actionIds] } });
    if (homeUserIds.length > 0) branches.push({ homeUserId: { $in: [...homeUserIds] } });
    if (branches.length === 0) return 0;
    const result = await this.#copies.updateMany(
      { $or: branches, final: false, gone: { $exists: false } },
      { $set: { dirty: true }, $min: { dirtyAt: due } },
    );
    return result.modifiedCount;
  }

  async claimDirty(now: Date, leaseMs: number): Promise<LiveCopy | undefined> {
    const doc = await this.#copies.findOneAndUpdate(
      {
        dirty: true,
        dirtyAt: { $lte: now },
        $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }],
      },
      {
        $set: { dirty: false, leaseUntil: new Date(now.getTime() + leaseMs) },
        $unset: { dirtyAt: '' },
      },
      { sort: { dirtyAt: 1 }, returnDocument: 'after' },
    );
    return doc ? fromDocument<LiveCopy>(doc) : undefined;
  }

  async copyRendered(
    id: string,
    update: {
      ref: MessageRef;
      final: boolean;
      actionIds: string[];
      versions: Record<string, number>;
      at: Date;
    },
  ): Promise<void> {
    await this.#copies.updateOne(
      { _id: id },
      {
        $set: {
          ref: update.ref,
          final: update.final,
          actionIds: update.actionIds,
          versions: update.versions,
          renderedAt: update.at,
          attempts: 0,
        },
        $unset: { leaseUntil: '' },
      },
    );
  }

  /** Try the copy again at `at` (rate limited or a transient failure), unless a newer change came first. */
  async copyRetry(id: string, at: Date, countAttempt: boolean): Promise<void> {
    await this.#copies.updateOne(
      { _id: id },
      {
        $set: { dirty: true },
        $min: { dirtyAt: at },
        $unset: { leaseUntil: '' },
        ...(countAttempt ? { $inc: { attempts: 1 } } : {}),
      },
    );
  }

  async copyGone(id: string, reason: string, at: Date): Promise<void> {
    await this.#copies.updateOne(
      { _id: id },
      { $set: { gone: { reason, at }, dirty: false }, $unset: { leaseUntil: '', dirtyAt: '' } },
    );
  }

  async copiesOf(actionId: string): Promise<LiveCopy[]> {
    const docs = await this.#copies.find({ actionIds: actionId }).toArray();
    return docs.map((doc) => fromDocument<LiveCopy>(doc));
  }

  /** Live copies not final yet, in pages by id: the periodic check that no change was missed. */
  async liveCopiesAfter(afterId: string, limit: number): Promise<LiveCopy[]> {
    const docs = await this.#copies
      .find({ _id: { $gt: afterId }, final: false, gone: { $exists: false } }, { sort: { _id: 1 }, limit })
      .toArray();
    return docs.map((doc) => fromDocument<LiveCopy>(doc));
  }
}
