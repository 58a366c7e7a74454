import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from './documents.js';

/** A response as sent on the wire, kept serialised so that a replay is byte for byte the first one. */
export interface StoredResponse {
  status: number;
  contentType?: string;
  payload?: string;
  headers?: Record<string, string>;
}

export interface IdempotencyKeyRecord {
  _id: string;
  requestHash: string;
  state: 'in-progress' | 'done';
  response?: StoredResponse;
  createdAt: Date;
}

/** How long a key is remembered; clients retry within minutes, a day is generous. */
const retentionSeconds = 24 * 60 * 60;

/** The `Idempotency-Key` records of the REST API; answers in the API's terms, never in driver errors. */
export class IdempotencyKeyStore {
  readonly #keys: Collection<IdempotencyKeyRecord>;

  constructor(db: Db) {
    this.#keys = db.collection<IdempotencyKeyRecord>('idempotencyKeys');
  }

  async ensureIndexes(): Promise<void> {
    await this.#keys.createIndexes([{ key: { createdAt: 1 }, expireAfterSeconds: retentionSeconds }]);
  }

  /** Claims a key for a request; 'already-there' when another request holds or held it. */
  async claim(id: string, requestHash: string, now: Date): Promise<'claimed' | 'already-there'> {
    try {
      await this.#keys.insertOne({ _id: id, requestHash, state: 'in-progress', createdAt: now });
      return 'claimed';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'already-there';
      throw error;
    }
  }

  get(id: string): Promise<IdempotencyKeyRecord | null> {
    return this.#keys.findOne({ _id: id });
  }

  /** Takes over an abandoned claim, conditional on it being unchanged: of several retries one wins. */
  async takeOver(existing: IdempotencyKeyRecord, now: Date): Promise<boolean> {
    const claimed = await this.#keys.updateOne(
      { _id: existing._id, state: 'in-progress', createdAt: existing.createdAt },
      { $set: { createdAt: now } },
    );
    return claimed.modifiedCount === 1;
  }

  async release(id: string): Promise<void> {
    await this.#keys.deleteOne({ _id: id, state: 'in-progress' });
  }

  async complete(id: string, response: StoredResponse): Promise<void> {
    await this.#keys.updateOne({ _id: id }, { $set: { state: 'done', response } });
  }
}
