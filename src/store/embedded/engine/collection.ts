/**
 * One collection: documents keyed by the canonical form of their `_id` (the `_id_` index), plus the
 * secondary indexes. Stored documents are never mutated; writes swap in new versions, which keeps
 * cursors and cached views consistent. Every method is synchronous, so each write is atomic.
 */
import { UUID } from 'bson';
import { ErrorCode, MongoCommandError } from '../errors.js';
import { canonicalKey } from './compare.js';
import { duplicateKeyError, Index, recordIdOf, setRecordId } from './indexes.js';
import type { IndexKey } from './sorted-keys.js';
import type { Doc } from './values.js';

const ID_INDEX_SPEC: Doc = { v: 2, key: { _id: 1 }, name: '_id_' };
const ID_INDEX = { name: '_id_', spec: ID_INDEX_SPEC, fields: ['_id'] };

export class Collection {
  readonly uuid = new UUID();
  private readonly docs = new Map<string, Doc>();
  private readonly indexes = new Map<string, Index>();
  private lastRecordId = 0;

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

  /** The stored document with this canonical `_id` key. */
  byKey(key: string): Doc | undefined {
    return this.docs.get(key);
  }

  insert(doc: Doc): void {
    validateId(doc._id);
    const id = canonicalKey(doc._id);
    if (this.docs.has(id)) throw duplicateKeyError(this.ns, ID_INDEX, [doc._id]);
    setRecordId(doc, ++this.lastRecordId);
    const entries = this.checkedEntries(doc, id);
    this.docs.set(id, doc);
    for (const [index, list] of entries) index.add(doc, list);
  }

  /** Swaps `next` in for `current` (same `_id`), keeping unique indexes consistent. */
  replace(current: Doc, next: Doc): void {
    const id = canonicalKey(current._id);
    // An updated document keeps its place, as a document updated in place keeps its record id.
    setRecordId(next, recordIdOf(current));
    const changes: Array<[Index, IndexKey[], IndexKey[]]> = [];
    for (const index of this.indexes.values()) {
      const before = index.entriesFor(current, id);
      const after = index.entriesFor(next, id);
      if (index.sameEntries(before, after)) continue;
      const clash = index.conflict(after, id);
      if (clash) throw duplicateKeyError(this.ns, index, clash);
      changes.push([index, before, after]);
    }
    this.docs.set(id, next);
    for (const [index, before, after] of changes) {
      index.remove(before);
      index.add(next, after);
    }
  }

  remove(doc: Doc): void {
    const id = canonicalKey(doc._id);
    if (!this.docs.delete(id)) return;
    for (const index of this.indexes.values()) index.remove(index.entriesFor(doc, id));
  }

  /** Index entries of `doc`, after checking none collides in a unique index with another document. */
  private checkedEntries(doc: Doc, id: string): Array<[Index, IndexKey[]]> {
    const all: Array<[Index, IndexKey[]]> = [];
    for (const index of this.indexes.values()) {
      const entries = index.entriesFor(doc, id);
      const clash = index.conflict(entries, id);
      if (clash) throw duplicateKeyError(this.ns, index, clash);
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
      const entries = index.entriesFor(doc, id);
      const clash = index.conflict(entries, id);
      if (clash) throw duplicateKeyError(this.ns, index, clash);
      index.add(doc, entries);
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
