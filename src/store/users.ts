import type { Collection, Db } from 'mongodb';
import type { User } from '../domain/rights/user.js';
import type { ChatPlatformId } from '../domain/templates/process.js';
import { fromDocument, type Stored, toDocument } from './documents.js';

/** A chat identity linked to a user: a Slack user in a workspace, or a Teams (Entra ID) user. */
export type ChatIdentity =
  | { platform: 'slack'; teamId: string; userId: string }
  | { platform: 'teams'; aadObjectId: string; tenantId?: string };

export interface UserRecord extends User {
  chatIdentities: ChatIdentity[];
  /** Where the user wants their chat messages when linked on several platforms (docs/delivery.md). */
  chatPreference?: ChatPlatformId;
  createdAt: Date;
  updatedAt: Date;
}

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

  async insert(user: UserRecord): Promise<void> {
    await this.#users.insertOne(
      toDocument({ ...user, ...(user.email ? { email: user.email.toLowerCase() } : {}) }),
    );
  }

  async replace(user: UserRecord): Promise<void> {
    await this.#users.replaceOne(
      { _id: user.id },
      toDocument({ ...user, ...(user.email ? { email: user.email.toLowerCase() } : {}) }),
    );
  }
}
