import { randomBytes } from 'node:crypto';
import type { AnyBulkWriteOperation, Collection, Db, Filter } from 'mongodb';
import type { Action, ActionDraft, ActionState } from '../domain/actions/index.js';
import {
  ACTION_LIST_INDEXES,
  ACTION_LIST_SORT,
  type ActionQuery,
  actionListFilter,
} from './action-queries.js';
import type { CounterStore } from './counters.js';
import { fromDocument, insertSkippingDuplicates, type Stored, toDocument } from './documents.js';
import { DUE_WORK_INDEXES, DueWork } from './due-work.js';

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

/** Lists count their matches up to this many; beyond it `total` is this bound and `totalExact` false. */
export const COUNT_BOUND = 1_000;

export interface ActionPage {
  items: Action[];
  /** How many match, counted up to COUNT_BOUND. */
  total: number;
  /** False when more than COUNT_BOUND match (then `total` is COUNT_BOUND). */
  totalExact: boolean;
}

/** Indexes that an earlier version created and the current queries no longer use. */
const RETIRED_INDEXES = [
  'record.group_1_record.id_1_state_1',
  'state_1_start_1',
  'state_1_end_1',
  'ownerUserId_1_state_1_end_1',
  'templateId_1_state_1',
];

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
    const existing = new Set(
      (
        await this.#actions
          .listIndexes()
          .toArray()
          .catch(() => [])
      ).map((index) => index.name),
    );
    for (const name of RETIRED_INDEXES) if (existing.has(name)) await this.#actions.dropIndex(name);
    await this.#actions.createIndexes([
      { key: { identityKey: 1 }, unique: true },
      { key: { number: 1 }, unique: true },
      ...ACTION_LIST_INDEXES.map((index) => ({ key: { ...index.key } })),
      ...DUE_WORK_INDEXES.map((index) => ({ ...index, key: { ...index.key } })),
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

  /**
   * One page of the actions `query` asks for, by end then number, and how many match (bounded: counting
   * every match of a broad list would cost as much as reading them all).
   */
  async find(
    query: ActionQuery,
    page: { limit: number; skip: number } = { limit: 1000, skip: 0 },
    options: ReadOptions = {},
  ): Promise<ActionPage> {
    const filter = actionListFilter(query);
    if (!filter) return { items: [], total: 0, totalExact: true };
    const [docs, counted] = await Promise.all([
      this.#actions
        .find(filter, { sort: ACTION_LIST_SORT, skip: page.skip, limit: page.limit, ...readOptions(options) })
        .toArray(),
      this.#countBounded(filter, COUNT_BOUND, options),
    ]);
    return { items: docs.map((doc) => fromDocument<Action>(doc)), ...counted };
  }

  /** How many actions `query` matches, counted up to `bound`. */
  async count(query: ActionQuery, bound = COUNT_BOUND, options: ReadOptions = {}) {
    const filter = actionListFilter(query);
    return filter ? this.#countBounded(filter, bound, options) : { total: 0, totalExact: true };
  }

  /**
   * Matches of `query` per owner (null: unassigned), from at most `bound` actions: `exact` is false when
   * more matched, and the counts are then those of the first `bound` by end.
   */
  async countByOwner(query: ActionQuery, bound = COUNT_BOUND, options: ReadOptions = {}) {
    const filter = actionListFilter(query);
    if (!filter) return { counts: new Map<string | null, number>(), exact: true };
    const groups = await this.#actions
      .aggregate<{ _id: string | null; n: number }>(
        [
          { $match: filter },
          { $sort: ACTION_LIST_SORT },
          { $limit: bound + 1 },
          { $group: { _id: '$ownerUserId', n: { $sum: 1 } } },
        ],
        readOptions(options),
      )
      .toArray();
    const counts = new Map(groups.map((group) => [group._id, group.n] as const));
    const seen = groups.reduce((sum, group) => sum + group.n, 0);
    return { counts, exact: seen <= bound };
  }

  async #countBounded(filter: Filter<ActionDoc>, bound: number, options: ReadOptions) {
    const n = await this.#actions.countDocuments(filter, { limit: bound + 1, ...readOptions(options) });
    return n > bound ? { total: bound, totalExact: false } : { total: n, totalExact: true };
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

/** A time limit and a cancellation for a read, from the request that needs it. */
export interface ReadOptions {
  signal?: AbortSignal | undefined;
  /** Milliseconds the database may spend on the read (`maxTimeMS`). */
  maxTimeMS?: number | undefined;
}

function readOptions(options: ReadOptions): { signal?: AbortSignal; maxTimeMS?: number } {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.maxTimeMS ? { maxTimeMS: Math.max(1, Math.ceil(options.maxTimeMS)) } : {}),
  };
}
