import { randomBytes } from 'node:crypto';
import type { Collection, Db, Filter } from 'mongodb';

/** Who did what to which entity, when, with the state before and after. */
export interface AuditEntry {
  at: Date;
  /** A user id, 'system' for the bot itself, or 'token:<id>' is never used: tokens act as their user. */
  actor: string;
  /** E.g. 'dossier.updated', 'template.created', 'action.completed', 'actions.stamped'. */
  kind: string;
  entity: { type: 'dossier' | 'template' | 'action' | 'user' | 'sender' | 'settings' | 'event'; id: string };
  before?: unknown;
  after?: unknown;
  /** Extra facts, e.g. the number of actions a batch stamped. */
  details?: Record<string, unknown>;
}

type AuditDoc = AuditEntry & { _id: string };

export class AuditLog {
  readonly #entries: Collection<AuditDoc>;

  constructor(db: Db) {
    this.#entries = db.collection<AuditDoc>('audit');
  }

  async ensureIndexes(): Promise<void> {
    await this.#entries.createIndexes([
      { key: { 'entity.type': 1, 'entity.id': 1, at: -1 } },
      { key: { at: -1 } },
    ]);
  }

  async write(entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
    if (list.length === 0) return;
    await this.#entries.insertMany(
      list.map((entry) => ({ _id: `aud_${randomBytes(8).toString('hex')}`, ...entry })),
      { ordered: false },
    );
  }

  async list(filter: { entityType?: string; entityId?: string; limit: number }): Promise<AuditEntry[]> {
    const query: Filter<AuditDoc> = {};
    if (filter.entityType) query['entity.type'] = filter.entityType as AuditEntry['entity']['type'];
    if (filter.entityId) query['entity.id'] = filter.entityId;
    const docs = await this.#entries.find(query, { sort: { at: -1 }, limit: filter.limit }).toArray();
    return docs.map(({ _id, ...entry }) => entry);
  }
}
