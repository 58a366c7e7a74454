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

  /** The user a chat identity is linked to: a Slack user of one workspace, or a Teams (Entra ID) user. */
  async findByChatIdentity(identity: ChatIdentity): Promise<UserRecord | undefined> {
    const match =
      identity.platform === 'slack'
        ? { platform: 'slack', teamId: identity.teamId, userId: identity.userId }
        : { platform: 'teams', aadObjectId: identity.aadObjectId };
    const doc = await this.#users.findOne({ chatIdentities: { $elemMatch: match } });
    return doc ? fromDocument<UserRecord>(doc) : undefined;
  }

  /** Links an identity; false when the user is gone. Linking twice is a no-op. */
  async addChatIdentity(userId: string, identity: ChatIdentity, at: Date): Promise<boolean> {
    const existing = await this.get(userId);
    if (!existing) return false;
    if (existing.chatIdentities.some((known) => sameIdentity(known, identity))) return true;
    const result = await this.#users.updateOne(
      { _id: userId },
      { $push: { chatIdentities: identity }, $set: { updatedAt: at } },
    );
    return result.matchedCount === 1;
  }

  async removeChatIdentity(userId: string, identity: ChatIdentity, at: Date): Promise<boolean> {
    const user = await this.get(userId);
    if (!user) return false;
    const kept = user.chatIdentities.filter((known) => !sameIdentity(known, identity));
    if (kept.length === user.chatIdentities.length) return false;
    await this.#users.updateOne({ _id: userId }, { $set: { chatIdentities: kept, updatedAt: at } });
    return true;
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

export function sameIdentity(a: ChatIdentity, b: ChatIdentity): boolean {
  if (a.platform === 'slack' && b.platform === 'slack') return a.teamId === b.teamId && a.userId === b.userId;
  if (a.platform === 'teams' && b.platform === 'teams') return a.aadObjectId === b.aadObjectId;
  return false;
}
