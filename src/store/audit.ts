import { randomBytes } from 'node:crypto';
import type { Collection, Db, Filter } from 'mongodb';
import { insertSkippingDuplicates } from './documents.js';

export const AUDIT_ENTITY_TYPES = [
  'dossier',
  'template',
  'action',
  'user',
  'sender',
  'settings',
  'event',
  'api-token',
  'delivery-target',
  'digest',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Who did what to which entity, when, with the state before and after. */
export interface AuditEntry {
  at: Date;
  /** A user id, 'system' for the bot itself, or 'token:<id>' is never used: tokens act as their user. */
  actor: string;
  /** E.g. 'dossier.updated', 'template.created', 'action.completed', 'actions.stamped'. */
  kind: string;
  entity: { type: AuditEntityType; id: string };
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

  /**
   * Appends entries. An entry with an `id` is written once however often it is written (the audit of a
   * dossier change is re-written when a crash interrupted its first write).
   */
  async write(
    entries: (AuditEntry & { id?: string }) | readonly (AuditEntry & { id?: string })[],
  ): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries as AuditEntry & { id?: string }];
    await insertSkippingDuplicates(
      this.#entries,
      list.map(({ id, ...entry }) => ({ _id: id ?? `aud_${randomBytes(8).toString('hex')}`, ...entry })),
    );
  }

  async list(filter: {
    entityType?: AuditEntityType;
    entityId?: string;
    limit: number;
    skip?: number;
  }): Promise<AuditEntry[]> {
    const docs = await this.#entries
      .find(auditQuery(filter), { sort: { at: -1, _id: -1 }, limit: filter.limit, skip: filter.skip ?? 0 })
      .toArray();
    return docs.map(({ _id, ...entry }) => entry);
  }

  count(filter: { entityType?: AuditEntityType; entityId?: string }): Promise<number> {
    return this.#entries.countDocuments(auditQuery(filter));
  }
}

function auditQuery(filter: { entityType?: AuditEntityType; entityId?: string }): Filter<AuditDoc> {
  const query: Filter<AuditDoc> = {};
  if (filter.entityType) query['entity.type'] = filter.entityType;
  if (filter.entityId) query['entity.id'] = filter.entityId;
  return query;
}
