import { createHash, randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';

import type { ApiScope } from '../domain/access.js';

export { type ApiScope, apiScopes } from '../domain/access.js';

export interface ApiTokenDoc {
  _id: string;
  name: string;
  userId: string;
  scopes: ApiScope[];
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  hash: string;
  /** The first characters of the token, so people can tell tokens apart in listings. */
  preview: string;
  createdAt: Date;
  expiresAt?: Date;
  lastUsedAt?: Date;
  revokedAt?: Date;
}

const tokenPrefix = 'stp_';

/** Tokens carry 256 random bits, so a fast hash is enough: there is nothing to brute-force. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class ApiTokenStore {
  readonly #tokens: Collection<ApiTokenDoc>;

  constructor(db: Db) {
    this.#tokens = db.collection<ApiTokenDoc>('apiTokens');
  }

  async ensureIndexes(): Promise<void> {
    await this.#tokens.createIndexes([{ key: { hash: 1 }, unique: true }, { key: { userId: 1 } }]);
  }

  async create(input: {
    name: string;
    userId: string;
    scopes: ApiScope[];
    expiresAt?: Date;
    /** A caller-chosen secret (bootstrap configuration); random when absent. */
    token?: string;
    now: Date;
  }): Promise<{ id: string; token: string }> {
    const token = input.token ?? `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
    const id = `tok_${randomBytes(8).toString('hex')}`;
    await this.#tokens.insertOne({
      _id: id,
      name: input.name,
      userId: input.userId,
      scopes: input.scopes,
      hash: hashToken(token),
      preview: `${token.slice(0, 8)}…`,
      createdAt: input.now,
      ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    });
    return { id, token };
  }

  /** Creates the token unless one with the same secret exists; used for configured bootstrap tokens. */
  async ensure(input: {
    name: string;
    userId: string;
    scopes: ApiScope[];
    token: string;
    now: Date;
  }): Promise<void> {
    const existing = await this.#tokens.findOne({ hash: hashToken(input.token) });
    if (existing) return;
    await this.create(input).catch((error: { code?: number }) => {
      if (error.code !== 11000) throw error;
    });
  }

  /** Resolves a presented token to its record when it is valid now, and stamps its last use. */
  async verify(token: string, now: Date): Promise<ApiTokenDoc | undefined> {
    const doc = await this.#tokens.findOneAndUpdate(
      {
        hash: hashToken(token),
        revokedAt: { $exists: false },
        $or: [{ expiresAt: { $exists: false } }, { expiresAt: { $gt: now } }],
      },
      { $set: { lastUsedAt: now } },
      { returnDocument: 'after', projection: { hash: 0 } },
    );
    return doc ?? undefined;
  }

  list(): Promise<ApiTokenDoc[]> {
    return this.#tokens.find({}, { projection: { hash: 0 }, sort: { createdAt: 1 } }).toArray();
  }

  async revoke(id: string, now: Date): Promise<boolean> {
    const result = await this.#tokens.updateOne(
      { _id: id, revokedAt: { $exists: false } },
      { $set: { revokedAt: now } },
    );
    return result.modifiedCount === 1;
  }
}
