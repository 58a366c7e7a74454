import type { Collection, Db } from 'mongodb';
import type { DigestRun, DigestSubscription } from '../domain/digests/subscription.js';
import { fromDocument, type Stored } from './documents.js';

/** Channel digest subscriptions: one per conversation (docs/digests.md). */
export class DigestStore {
  readonly #subscriptions: Collection<Stored<DigestSubscription>>;

  constructor(db: Db) {
    this.#subscriptions = db.collection('digestSubscriptions');
  }

  async ensureIndexes(): Promise<void> {
    await this.#subscriptions.createIndexes([{ key: { addressKey: 1 }, unique: true }]);
  }

  /** Creates or replaces the subscription of a conversation; returns the stored one. */
  async upsert(subscription: DigestSubscription): Promise<DigestSubscription> {
    const { id, createdAt, ...fields } = subscription;
    await this.#subscriptions.updateOne(
      { addressKey: subscription.addressKey },
      { $set: fields, $setOnInsert: { _id: id, createdAt } },
      { upsert: true },
    );
    return (await this.byAddress(subscription.addressKey))!;
  }

  async get(id: string): Promise<DigestSubscription | undefined> {
    const doc = await this.#subscriptions.findOne({ _id: id });
    return doc ? fromDocument<DigestSubscription>(doc) : undefined;
  }

  async byAddress(addressKey: string): Promise<DigestSubscription | undefined> {
    const doc = await this.#subscriptions.findOne({ addressKey });
    return doc ? fromDocument<DigestSubscription>(doc) : undefined;
  }

  async list(limit = 500): Promise<DigestSubscription[]> {
    const docs = await this.#subscriptions.find({}, { sort: { addressLabel: 1 }, limit }).toArray();
    return docs.map((doc) => fromDocument<DigestSubscription>(doc));
  }

  async delete(id: string): Promise<boolean> {
    return (await this.#subscriptions.deleteOne({ _id: id })).deletedCount === 1;
  }

  async recordRun(id: string, run: DigestRun): Promise<void> {
    await this.#subscriptions.updateOne({ _id: id }, { $set: { lastRun: run } });
  }

  /** Every subscription, read in batches: the scheduler's start-up makes sure each has its job. */
  async *each(): AsyncGenerator<DigestSubscription> {
    for await (const doc of this.#subscriptions.find({}, { batchSize: 200 })) {
      yield fromDocument<DigestSubscription>(doc);
    }
  }
}
