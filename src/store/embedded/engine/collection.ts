/**
 * One collection: documents keyed by the canonical form of their `_id` (the `_id_` index), plus the
 * secondary indexes. Stored documents are never mutated; writes swap in new versions, which keeps
 * cursors and cached views consistent. Every method is synchronous, so each write is atomic.
 */
import { UUID } from 'bson';
import { ErrorCode, MongoCommandError } from '../errors.js';
import { canonicalKey } from './compare.js';
import { isOperatorObject } from './filter.js';
import { duplicateKeyError, Index, type IndexEntry } from './indexes.js';
import type { Doc } from './values.js';

const ID_INDEX_SPEC: Doc = { v: 2, key: { _id: 1 }, name: '_id_' };
const ID_INDEX = { name: '_id_', spec: ID_INDEX_SPEC, fields: ['_id'] };

export class Collection {
  readonly uuid = new UUID();
  private readonly docs = new Map<string, Doc>();
  private readonly indexes = new Map<string, Index>();

  constructor(
    readonly database: string,
    readonly name: string,
    readonly options: Doc = {},
  ) {}

  get ns(): string {
    return `${this.database}.${this.name}`;
  }

  get size(): number {
    return this.docs.size;
  }

  documents(): IterableIterator<Doc> {
    return this.docs.values();
  }

  /**
   * The documents that can match `filter`: found through the `_id_` index or a secondary index when
   * the filter has equality conditions on all its fields, otherwise every document. Callers still test
   * each candidate against the full filter.
   */
  candidates(filter: Doc | undefined): Iterable<Doc> {
    if (!filter) return this.docs.values();
    // Whichever narrows more: the filter's own indexed fields, or its `$or` branches. Plans are sized
    // before any id set is built, so a broad index (every open action) costs nothing when a narrow one wins.
    const plans = [this.indexPlan(filter), this.orPlan(filter)].filter((plan) => plan !== undefined);
    const best = plans.sort((a, b) => a.size - b.size)[0];
    if (!best) return this.docs.values();
    const docs: Doc[] = [];
    for (const id of best.ids()) {
      const doc = this.docs.get(id);
      if (doc) docs.push(doc);
    }
    return docs;
  }

  /**
   * How an index can narrow `filter`: by `_id`, by every field of an index, or by the first field of an
   * index (equality or `$in`). Undefined when no index helps.
   */
  private indexPlan(filter: Doc): CandidatePlan | undefined {
    const ids = equalityValues(filter._id);
    if (ids) return planOf(new Set(ids.map((id) => canonicalKey(id))));
    let best: CandidatePlan | undefined;
    for (const index of this.indexes.values()) {
      if (!index.complete) continue;
      const values = index.fields.map((field) => equalityValues(filter[field]));
      if (values.every((list) => list !== undefined)) {
        const lists = values as unknown[][];
        // A few `$in` values on every field: look each combination up rather than scanning.
        if (lists.reduce((product, list) => product * list.length, 1) <= 1_000) {
          const found = new Set<string>();
          for (const combination of combinations(lists))
            for (const id of index.lookup(index.keyOf(combination))) found.add(id);
          return planOf(found);
        }
      }
      const leading = values[0];
      if (!leading) continue;
      const size = leading.reduce<number>((sum, value) => sum + index.leadingCount(value), 0);
      if (!best || size < best.size) {
        best = {
          size,
          ids: () => {
            const found = new Set<string>();
            for (const value of leading) for (const id of index.lookupLeading(value)) found.add(id);
            return found;
          },
        };
      }
    }
    return best;
  }

  /** A top-level `$or` whose every branch an index narrows: the union of the branches' candidates. */
  private orPlan(filter: Doc): CandidatePlan | undefined {
    const branches = filter.$or;
    if (!Array.isArray(branches) || branches.length === 0) return undefined;
    const plans: CandidatePlan[] = [];
    for (const branch of branches as Doc[]) {
      const plan = this.indexPlan(branch);
      if (!plan) return undefined;
      plans.push(plan);
    }
    return {
      size: plans.reduce((sum, plan) => sum + plan.size, 0),
      ids: () => {
        const union = new Set<string>();
        for (const plan of plans) for (const id of plan.ids()) union.add(id);
        return union;
      },
    };
  }

  insert(doc: Doc): void {
    validateId(doc._id);
    const id = canonicalKey(doc._id);
    if (this.docs.has(id)) throw duplicateKeyError(this.ns, ID_INDEX, [doc._id]);
    const entries = this.checkedEntries(doc, id);
    this.docs.set(id, doc);
    for (const [index, list] of entries) index.add(id, list);
  }

  /** Swaps `next` in for `current` (same `_id`), keeping unique indexes consistent. */
  replace(current: Doc, next: Doc): void {
    const id = canonicalKey(current._id);
    const changes: Array<[Index, IndexEntry[], IndexEntry[]]> = [];
    for (const index of this.indexes.values()) {
      const before = index.entriesFor(current);
      const after = index.entriesFor(next);
      if (before.length === after.length && before.every((entry, i) => entry.key === after[i]!.key)) continue;
      const clash = index.conflict(after, id);
      if (clash) throw duplicateKeyError(this.ns, index, clash.values);
      changes.push([index, before, after]);
    }
    this.docs.set(id, next);
    for (const [index, before, after] of changes) {
      index.remove(id, before);
      index.add(id, after);
    }
  }

  remove(doc: Doc): void {
    const id = canonicalKey(doc._id);
    if (!this.docs.delete(id)) return;
    for (const index of this.indexes.values()) index.remove(id, index.entriesFor(doc));
  }

  /** Index entries of `doc`, after checking none collides in a unique index with another document. */
  private checkedEntries(doc: Doc, id: string): Array<[Index, IndexEntry[]]> {
    const all: Array<[Index, IndexEntry[]]> = [];
    for (const index of this.indexes.values()) {
      const entries = index.entriesFor(doc);
      const clash = index.conflict(entries, id);
      if (clash) throw duplicateKeyError(this.ns, index, clash.values);
      all.push([index, entries]);
    }
    return all;
  }

  indexSpecs(): Doc[] {
    return [ID_INDEX_SPEC, ...[...this.indexes.values()].map((index) => index.spec)];
  }

  secondaryIndexes(): Iterable<Index> {
    return this.indexes.values();
  }

  findIndex(name: string): Index | undefined {
    return this.indexes.get(name);
  }

  /** Builds an index over the existing documents; fails without side effects on duplicate keys. */
  addIndex(spec: Doc): void {
    const index = new Index(spec);
    for (const [id, doc] of this.docs) {
      const entries = index.entriesFor(doc);
      const clash = index.conflict(entries, id);
      if (clash) throw duplicateKeyError(this.ns, index, clash.values);
      index.add(id, entries);
    }
    this.indexes.set(index.name, index);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }
}

function validateId(id: unknown): void {
  if (Array.isArray(id))
    throw new MongoCommandError(ErrorCode.InvalidIdField, "The '_id' value cannot be of type array");
  if (id instanceof RegExp)
    throw new MongoCommandError(ErrorCode.InvalidIdField, "can't use a regex for _id");
  if (id === undefined) throw new MongoCommandError(ErrorCode.InvalidIdField, 'document is missing its _id');
}

/** The values an equality condition (`v`, `{$eq: v}` or `{$in: [...]}`) allows, when it is one. */
/** Candidates an index yields: an upper bound of their number, and how to list them. */
interface CandidatePlan {
  size: number;
  ids(): Iterable<string>;
}

function planOf(ids: ReadonlySet<string>): CandidatePlan {
  return { size: ids.size, ids: () => ids };
}

function combinations(lists: readonly (readonly unknown[])[]): unknown[][] {
  return lists.reduce<unknown[][]>(
    (prefixes, list) => prefixes.flatMap((prefix) => list.map((value) => [...prefix, value])),
    [[]],
  );
}

function equalityValues(condition: unknown): unknown[] | undefined {
  const usable = (value: unknown) =>
    !Array.isArray(value) && !(value instanceof RegExp) && !isOperatorObject(value);
  if (condition === undefined) return undefined;
  if (isOperatorObject(condition)) {
    const keys = Object.keys(condition);
    if (keys.length !== 1) return undefined;
    if (keys[0] === '$eq' && usable(condition.$eq)) return [condition.$eq];
    if (keys[0] === '$in' && Array.isArray(condition.$in) && condition.$in.every(usable))
      return condition.$in;
    return undefined;
  }
  return usable(condition) ? [condition] : undefined;
}
