import type { Collection, Db } from 'mongodb';
import type { ChatIdentity, UserRecord } from '../domain/rights/user.js';
import { fromDocument, type Stored, toDocument, writeUnlessTaken } from './documents.js';

// The shapes belong to the domain; re-exported for the repository's callers.
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

  /** The user a chat identity is linked to: a Slack user of one workspace, or a Teams (Entra ID) user. */
  async findByChatIdentity(identity: ChatIdentity): Promise<UserRecord | undefined> {
    const doc = await this.#users.findOne({ chatIdentities: { $elemMatch: identityMatch(identity) } });
    return doc ? fromDocument<UserRecord>(doc) : undefined;
  }

  /**
   * Links an identity in one conditional write, so two first requests at once link it once: 'added', or
   * 'known' when the user has it already, or 'missing' when the user is gone.
   */
  async addChatIdentity(
    userId: string,
    identity: ChatIdentity,
    at: Date,
  ): Promise<'added' | 'known' | 'missing'> {
    const result = await this.#users.updateOne(
      { _id: userId, chatIdentities: { $not: { $elemMatch: identityMatch(identity) } } },
      { $push: { chatIdentities: identity }, $set: { updatedAt: at } },
    );
    if (result.modifiedCount === 1) return 'added';
    return (await this.get(userId)) ? 'known' : 'missing';
  }

  /** Unlinks an identity in one write (a link made meanwhile stays); false when the user did not have it. */
  async removeChatIdentity(userId: string, identity: ChatIdentity, at: Date): Promise<boolean> {
    const result = await this.#users.updateOne(
      { _id: userId, chatIdentities: { $elemMatch: identityMatch(identity) } },
      { $pull: { chatIdentities: identityMatch(identity) }, $set: { updatedAt: at } },
    );
    return result.modifiedCount === 1;
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

/** What makes a stored identity this one (a Teams identity is its Entra object id, whatever the tenant). */
function identityMatch(identity: ChatIdentity): Record<string, string> {
  return identity.platform === 'slack'
    ? { platform: 'slack', teamId: identity.teamId, userId: identity.userId }
    : { platform: 'teams', aadObjectId: identity.aadObjectId };
}
