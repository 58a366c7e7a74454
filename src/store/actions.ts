import { randomBytes } from 'node:crypto';
import type { AnyBulkWriteOperation, Collection, Db, Filter } from 'mongodb';
import type { Action, ActionDraft, ActionState } from '../domain/actions/index.js';
import type { RecordKind } from '../domain/dossiers/kinds.js';
import type { CounterStore } from './counters.js';
import { fromDocument, insertSkippingDuplicates, type Stored, toDocument } from './documents.js';
import { DueWork } from './due-work.js';

type ActionDoc = Stored<Action>;

const OPEN_STATES: ActionState[] = ['waiting', 'open'];

export function newActionId(): string {
  return `act_${randomBytes(8).toString('hex')}`;
}

/** Ids for a whole batch from one random read: a read per id costs more than the rest of the stamping. */
function newActionIds(count: number): string[] {
  const hex = randomBytes(8 * count).toString('hex');
  return Array.from({ length: count }, (_, index) => `act_${hex.slice(index * 16, index * 16 + 16)}`);
}

export interface ActionFilter {
  states?: ActionState[];
  ownerUserId?: string | null;
  record?: { group: RecordKind; id: string };
  /** Actions on records of this data group. */
  recordGroup?: RecordKind;
  /** Actions on this record, whatever its group (ids are unique across groups). */
  recordId?: string;
  templateId?: string;
  /** Actions whose end is before this moment (overdue when combined with open states). */
  endBefore?: Date;
  /** Actions whose window touches [from, to). */
  between?: { from: Date; to: Date };
  /** Role visibility pushed into the query: actions readable by these roles or owned by this user. */
  visibleTo?: { userId: string; roles: string[] };
}

/** Told after actions were written, so that whatever shows them (posted cards, App Homes) can follow. */
export type ActionChangeListener = (actions: readonly Action[]) => Promise<void>;

export class ActionStore {
  readonly #actions: Collection<ActionDoc>;
  readonly #counters: CounterStore;
  readonly #listeners: ActionChangeListener[] = [];

  /** The queries of the due-sweep. */
  readonly due: DueWork;

  constructor(db: Db, counters: CounterStore) {
    this.#actions = db.collection<ActionDoc>('actions');
    this.#counters = counters;
    this.due = new DueWork(this.#actions);
  }

  async ensureIndexes(): Promise<void> {
    await this.#actions.createIndexes([
      { key: { identityKey: 1 }, unique: true },
      { key: { number: 1 }, unique: true },
      { key: { 'record.group': 1, 'record.id': 1, state: 1 } },
      { key: { 'linkedRecords.id': 1, state: 1 } },
      { key: { 'record.id': 1, state: 1 } },
      { key: { state: 1, start: 1 } },
      { key: { state: 1, end: 1 } },
      { key: { ownerUserId: 1, state: 1, end: 1 } },
      { key: { templateId: 1, state: 1 } },
      { key: { 'retry.at': 1 }, sparse: true },
      { key: { 'lease.until': 1 }, sparse: true },
    ]);
  }

  /**
   * Inserts stamped drafts in one unordered batch. Drafts whose identity already exists are skipped by the
   * unique index, which is what makes repeated events, retries and concurrent instances harmless.
   */
  async insertDrafts(drafts: readonly ActionDraft[]): Promise<Action[]> {
    if (drafts.length === 0) return [];
    const first = await this.#counters.reserve('action-number', drafts.length);
    const ids = newActionIds(drafts.length);
    // Actions and their documents are both built straight from the drafts, key first: for thousands of
    // actions, copying each action again into a document cost more than the planning did.
    const actions: Action[] = drafts.map((draft, index) => ({
      id: ids[index]!,
      ...draft,
      number: first + index,
      version: 1,
    }));
    const documents: ActionDoc[] = drafts.map((draft, index) => ({
      _id: ids[index]!,
      ...draft,
      number: first + index,
      version: 1,
    }));
    const skipped = await insertSkippingDuplicates(this.#actions, documents);
    const inserted = skipped.size === 0 ? actions : actions.filter((_, index) => !skipped.has(index));
    await this.#changed(inserted);
    return inserted;
  }

  async get(id: string): Promise<Action | undefined> {
    const doc = await this.#actions.findOne({ _id: id });
    return doc ? fromDocument<Action>(doc) : undefined;
  }

  async getByNumber(number: number): Promise<Action | undefined> {
    const doc = await this.#actions.findOne({ number });
    return doc ? fromDocument<Action>(doc) : undefined;
  }

  async getByIdentity(identityKey: string): Promise<Action | undefined> {
    const doc = await this.#actions.findOne({ identityKey });
    return doc ? fromDocument<Action>(doc) : undefined;
  }

  /** Frees a cancelled action's identity for a new stamp; false when it changed meanwhile. */
  async retireIdentity(action: Action): Promise<boolean> {
    const result = await this.#actions.updateOne(
      { _id: action.id, version: action.version, state: 'cancelled' },
      { $set: { identityKey: `${action.identityKey}#retired:${action.id}` }, $inc: { version: 1 } },
    );
    return result.modifiedCount === 1;
  }

  async identityKeysOf(templateId: string): Promise<Set<string>> {
    const docs = await this.#actions.find({ templateId }, { projection: { identityKey: 1 } }).toArray();
    return new Set(docs.map((doc) => doc.identityKey));
  }

  async find(filter: ActionFilter, page: { limit: number; skip: number } = { limit: 1000, skip: 0 }) {
    const query = toQuery(filter);
    const [docs, total] = await Promise.all([
      this.#actions
        .find(query, { sort: { end: 1, number: 1 }, skip: page.skip, limit: page.limit })
        .toArray(),
      this.#actions.countDocuments(query),
    ]);
    return { items: docs.map((doc) => fromDocument<Action>(doc)), total };
  }

  /** Waiting and open actions on these records, whether as their own record or as a linked one. */
  async openTouching(recordIds: Iterable<string>): Promise<Action[]> {
    return this.#openOf(recordIds, (ids) => [{ 'linkedRecords.id': { $in: ids } }]);
  }

  /**
   * Waiting and open actions of these records themselves, plus those of other records linked to them but
   * only for the given templates: what a change of derived facts (a course's participant count) can affect.
   */
  async openOwnOrLinkedVia(recordIds: Iterable<string>, templateIds: readonly string[]): Promise<Action[]> {
    return this.#openOf(recordIds, (ids) =>
      templateIds.length > 0
        ? [{ 'linkedRecords.id': { $in: ids }, templateId: { $in: [...templateIds] } }]
        : [],
    );
  }

  /** Waiting and open actions whose own record is one of `recordIds`, or that match a `linked` branch. */
  async #openOf(
    recordIds: Iterable<string>,
    linked: (ids: string[]) => Filter<ActionDoc>[],
  ): Promise<Action[]> {
    const ids = [...new Set(recordIds)];
    if (ids.length === 0) return [];
    const docs = await this.#actions
      .find({ state: { $in: OPEN_STATES }, $or: [{ 'record.id': { $in: ids } }, ...linked(ids)] })
      .toArray();
    return docs.map((doc) => fromDocument<Action>(doc));
  }

  /**
   * Writes `next` only if the stored action still has the version it was read at, so of two concurrent
   * changes exactly one wins. Returns false for the loser.
   */
  async replaceIfVersion(next: Action, expectedVersion: number): Promise<boolean> {
    const result = await this.#actions.replaceOne(
      { _id: next.id, version: expectedVersion },
      toDocument(next),
    );
    if (result.matchedCount === 1) await this.#changed([next]);
    return result.matchedCount === 1;
  }

  /** Many conditional replacements in one round trip; returns the ids that were written. */
  async replaceManyIfVersion(
    updates: ReadonlyArray<{ next: Action; expectedVersion: number }>,
  ): Promise<number> {
    if (updates.length === 0) return 0;
    const operations: AnyBulkWriteOperation<ActionDoc>[] = updates.map(({ next, expectedVersion }) => ({
      replaceOne: { filter: { _id: next.id, version: expectedVersion }, replacement: toDocument(next) },
    }));
    const result = await this.#actions.bulkWrite(operations, { ordered: false });
    // The reply does not say which matched; telling about a loser too only costs a needless re-render.
    if (result.matchedCount > 0) await this.#changed(updates.map((update) => update.next));
    return result.matchedCount;
  }

  /** The current version of each of these actions (absent ones left out), for finding stale copies. */
  async versionsOf(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const docs = await this.#actions
      .find({ _id: { $in: [...new Set(ids)] } }, { projection: { version: 1 } })
      .toArray();
    return new Map(docs.map((doc) => [doc._id, doc.version]));
  }

  /**
   * Registers a listener for written actions. Listeners run after the write and must not fail it: what
   * they do is best effort, with its own repair (docs/delivery.md).
   */
  onChange(listener: ActionChangeListener): void {
    this.#listeners.push(listener);
  }

  async #changed(actions: readonly Action[]): Promise<void> {
    if (actions.length === 0) return;
    for (const listener of this.#listeners) await listener(actions).catch(() => undefined);
  }
}

function toQuery(filter: ActionFilter): Filter<ActionDoc> {
  const query: Filter<ActionDoc> & { $and: Filter<ActionDoc>[] } = { $and: [] };
  if (filter.states) query.$and.push({ state: { $in: filter.states } });
  if (filter.ownerUserId !== undefined) query.$and.push({ ownerUserId: filter.ownerUserId });
  if (filter.record) query.$and.push({ 'record.group': filter.record.group, 'record.id': filter.record.id });
  if (filter.recordGroup) query.$and.push({ 'record.group': filter.recordGroup });
  if (filter.recordId) query.$and.push({ 'record.id': filter.recordId });
  if (filter.templateId) query.$and.push({ templateId: filter.templateId });
  if (filter.endBefore) query.$and.push({ end: { $lt: filter.endBefore } });
  if (filter.between)
    query.$and.push({ start: { $lt: filter.between.to }, end: { $gte: filter.between.from } });
  if (filter.visibleTo) {
    const { userId, roles } = filter.visibleTo;
    query.$and.push({
      $or: [
        { ownerUserId: userId },
        { readRoles: { $size: 0 } },
        { readRoles: { $in: roles } },
        { writeRoles: { $in: roles } },
      ],
    });
  }
  return query.$and.length > 0 ? query : {};
}
