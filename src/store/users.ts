import type { Collection, Db } from 'mongodb';
import type { ChatIdentity, UserRecord } from '../domain/rights/user.js';
import {
  fromDocument,
  insertSkippingDuplicates,
  type Stored,
  toDocument,
  writeUnlessTaken,
} from './documents.js';

// The shapes belong to the domain; re-exported for the repository's callers.
export type { ChatIdentity, UserRecord } from '../domain/rights/user.js';

/** A claim this old whose user does not hold its identity was left by a link cut off halfway. */
const STALE_CLAIM_MS = 60_000;

/** Fields a user may be without; a replacement without one removes it. */
const OPTIONAL_FIELDS = ['email', 'timeZone', 'chatPreference'] as const;

/** Which user holds a chat identity: one document per identity, so no two users can link the same one. */
interface IdentityClaim {
  _id: string;
  userId: string;
  at: Date;
}

export class UserStore {
  readonly #users: Collection<Stored<UserRecord>>;
  readonly #claims: Collection<IdentityClaim>;

  constructor(db: Db) {
    this.#users = db.collection<Stored<UserRecord>>('users');
    this.#claims = db.collection<IdentityClaim>('chatIdentityClaims');
  }

  async ensureIndexes(): Promise<void> {
    await this.#users.createIndexes([
      { key: { email: 1 }, unique: true, partialFilterExpression: { email: { $type: 'string' } } },
      { key: { 'chatIdentities.platform': 1, 'chatIdentities.userId': 1 } },
      { key: { 'chatIdentities.aadObjectId': 1 } },
      { key: { roles: 1 } },
    ]);
    // Identities linked before claims existed get theirs (the first user holding one, if two do).
    const linked = await this.#users
      .find({ chatIdentities: { $ne: [] } }, { projection: { chatIdentities: 1 } })
      .toArray();
    const at = new Date();
    await insertSkippingDuplicates(
      this.#claims,
      linked.flatMap((user) =>
        (user.chatIdentities ?? []).map((identity) => ({ _id: identityKey(identity), userId: user._id, at })),
      ),
    );
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
   * Links an identity to one user only, whoever links it at the same moment on whichever instance: the
   * identity is claimed first (one claim document per identity), then added in a conditional write, and
   * the claim is checked again after, so of two links to two users exactly one stays. 'added'; 'known'
   * when the user has it already; 'taken' when another user holds it; 'missing' when the user is gone.
   */
  async addChatIdentity(
    userId: string,
    identity: ChatIdentity,
    at: Date,
  ): Promise<'added' | 'known' | 'missing' | 'taken'> {
    if (!(await this.get(userId))) return 'missing';
    const key = identityKey(identity);
    if (!(await this.#claim(key, userId, identity, at))) return 'taken';
    const result = await this.#users.updateOne(
      { _id: userId, chatIdentities: { $not: { $elemMatch: identityMatch(identity) } } },
      { $push: { chatIdentities: identity }, $set: { updatedAt: at } },
    );
    if (result.modifiedCount === 0) return (await this.get(userId)) ? 'known' : 'missing';
    // Taken over meanwhile, as stale, by a link to someone else: that one stays, this one is undone.
    if ((await this.#claims.findOne({ _id: key }))?.userId !== userId) {
      await this.#users.updateOne({ _id: userId }, { $pull: { chatIdentities: identityMatch(identity) } });
      return 'taken';
    }
    return 'added';
  }

  /**
   * Claims an identity for a user; false when another user holds it. Every claim carries the moment it
   * was last taken, renewed by its own user before each link. A claim older than a minute whose user does
   * not hold the identity (a link cut off between its two writes) is stale and taken over, conditional on
   * that moment: a link of its own user in progress has renewed it, and keeps it.
   */
  async #claim(key: string, userId: string, identity: ChatIdentity, at: Date): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if ((await writeUnlessTaken(() => this.#claims.insertOne({ _id: key, userId, at }))) === 'written') {
        return true;
      }
      const holder = await this.#claims.findOne({ _id: key });
      if (!holder) continue;
      if (holder.userId === userId) {
        const renewed = await this.#claims.updateOne({ _id: key, userId }, { $set: { at } });
        if (renewed.matchedCount === 1) return true;
        continue;
      }
      if (at.getTime() - holder.at.getTime() < STALE_CLAIM_MS) return false;
      const holds = await this.#users.countDocuments(
        { _id: holder.userId, chatIdentities: { $elemMatch: identityMatch(identity) } },
        { limit: 1 },
      );
      if (holds > 0) return false;
      const moved = await this.#claims.updateOne(
        { _id: key, userId: holder.userId, at: holder.at },
        { $set: { userId, at } },
      );
      if (moved.modifiedCount === 1) return true;
    }
    return false;
  }

  /** Unlinks an identity in one write (a link made meanwhile stays); false when the user did not have it. */
  async removeChatIdentity(userId: string, identity: ChatIdentity, at: Date): Promise<boolean> {
    const key = identityKey(identity);
    // The claim as it was before: a link of the same user made meanwhile renews it, and keeps it.
    const claim = await this.#claims.findOne({ _id: key, userId });
    const result = await this.#users.updateOne(
      { _id: userId, chatIdentities: { $elemMatch: identityMatch(identity) } },
      { $pull: { chatIdentities: identityMatch(identity) }, $set: { updatedAt: at } },
    );
    if (result.modifiedCount === 0) return false;
    if (claim) await this.#claims.deleteOne({ _id: key, userId, at: claim.at });
    return true;
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

  /**
   * Writes the user's own fields. The chat identities are left as stored: they change only through
   * add/removeChatIdentity, so a link made while this user was being edited is not undone.
   */
  async replace(user: UserRecord): Promise<'replaced' | 'email-taken'> {
    const {
      id,
      chatIdentities: _identities,
      ...fields
    } = {
      ...user,
      ...(user.email ? { email: user.email.toLowerCase() } : {}),
    };
    const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const unset = OPTIONAL_FIELDS.filter((key) => set[key] === undefined);
    const written = await writeUnlessTaken(() =>
      this.#users.updateOne(
        { _id: id },
        {
          $set: set,
          ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((key) => [key, ''])) } : {}),
        },
      ),
    );
    return written === 'written' ? 'replaced' : 'email-taken';
  }
}

/** An identity as one string: the claim's id. */
function identityKey(identity: ChatIdentity): string {
  return identity.platform === 'slack'
    ? `slack:${identity.teamId}:${identity.userId}`
    : `teams:${identity.aadObjectId}`;
}

/** What makes a stored identity this one (a Teams identity is its Entra object id, whatever the tenant). */
function identityMatch(identity: ChatIdentity): Record<string, string> {
  return identity.platform === 'slack'
    ? { platform: 'slack', teamId: identity.teamId, userId: identity.userId }
    : { platform: 'teams', aadObjectId: identity.aadObjectId };
}
