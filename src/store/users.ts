import type { Collection, Db } from 'mongodb';
import type { UserRecord } from '../domain/rights/user.js';
import { fromDocument, type Stored, toDocument, writeUnlessTaken } from './documents.js';

// The shape belongs to the domain; re-exported for the repository's callers.
export type { ChatIdentity, UserRecord } from '../domain/rights/user.js';

export class UserStore {
  readonly #users: Collection<Stored<UserRecord>>;

  constructor(db: Db) {
    this.#users = db.collection<Stored<UserRecord>>('users');
  }

  async ensureIndexes(): Promise<void> {
    await this.#users.createIndexes([
      { key: { email: 1 }, unique: true, partialFilterExpression: { email: { $type: 'string' } } },
      { key: { 'chatIdentities.platform': 1, 'chatIdentities.userId': 1 } },
      { key: { 'chatIdentities.aadObjectId': 1 } },
      { key: { roles: 1 } },
    ]);
  }

  async get(id: string): Promise<UserRecord | undefined> {
    const doc = await this.#users.findOne({ _id: id });
    return doc ? fromDocument<UserRecord>(doc) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.#users.find({ _id: { $in: [...new Set(ids)] } }).toArray();
    return docs.map((doc) => fromDocument<UserRecord>(doc));
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const doc = await this.#users.findOne({ email: email.toLowerCase() });
    return doc ? fromDocument<UserRecord>(doc) : undefined;
  }

  async list(filter: { role?: string; active?: boolean } = {}): Promise<UserRecord[]> {
    const query: Record<string, unknown> = {};
    if (filter.role) query.roles = filter.role;
    if (filter.active !== undefined) query.active = filter.active;
    const docs = await this.#users.find(query, { sort: { name: 1 } }).toArray();
    return docs.map((doc) => fromDocument<UserRecord>(doc));
  }

  /** 'email-taken' when another user has the address: e-mail addresses are unique. */
  async insert(user: UserRecord): Promise<'created' | 'email-taken'> {
    const written = await writeUnlessTaken(() =>
      this.#users.insertOne(
        toDocument({ ...user, ...(user.email ? { email: user.email.toLowerCase() } : {}) }),
      ),
    );
    return written === 'written' ? 'created' : 'email-taken';
  }

  async replace(user: UserRecord): Promise<'replaced' | 'email-taken'> {
    const written = await writeUnlessTaken(() =>
      this.#users.replaceOne(
        { _id: user.id },
        toDocument({ ...user, ...(user.email ? { email: user.email.toLowerCase() } : {}) }),
      ),
    );
    return written === 'written' ? 'replaced' : 'email-taken';
  }
}
