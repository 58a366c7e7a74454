import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from './documents.js';

interface SeenRequest {
  _id: string;
  at: Date;
}

/** Long enough to outlast any platform's retries (Slack retries within minutes); then forgotten. */
const SEEN_TTL_SECONDS = 60 * 60;

/**
 * Inbound requests already taken on, by the platform's own id (Slack's event id or trigger id, Teams'
 * activity id): a retry or replay of one is acknowledged and dropped, across instances.
 */
export class InboundRequestStore {
  readonly #seen: Collection<SeenRequest>;

  constructor(db: Db) {
    this.#seen = db.collection<SeenRequest>('inboundRequests');
  }

  async ensureIndexes(): Promise<void> {
    await this.#seen.createIndexes([{ key: { at: 1 }, expireAfterSeconds: SEEN_TTL_SECONDS }]);
  }

  /** True the first time `key` is seen, false for every repeat. */
  async firstSeen(key: string, at: Date): Promise<boolean> {
    try {
      await this.#seen.insertOne({ _id: key, at });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
