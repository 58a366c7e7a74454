/**
 * Secondary indexes: their specifications (as listIndexes reports them) and their ordered key lists,
 * which enforce `unique` and which the query planner scans for equality, `$in` and range conditions and
 * walks in order to provide sorts (planner.ts).
 */
import { ErrorCode, MongoCommandError, notSupported } from '../errors.js';
import { canonicalKey } from './compare.js';
import { compileFilter, type Matcher } from './filter.js';
import { formatDocument } from './format.js';
import { valuesAtPath } from './paths.js';
import { type IndexKey, SortedKeys } from './sorted-keys.js';
import { type Doc, isPlainObject, numericKind, toJsNumber } from './values.js';

const ALLOWED_OPTIONS = new Set([
  'key',
  'name',
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'background',
  'hidden',
  'v',
  'ns',
]);
const UNSUPPORTED_OPTIONS = new Set([
  'collation',
  'weights',
  'default_language',
  'language_override',
  'textIndexVersion',
  '2dsphereIndexVersion',
  'bits',
  'min',
  'max',
  'storageEngine',
  'wildcardProjection',
  'clustered',
  'prepareUnique',
]);

const invalidSpec = (message: string) => new MongoCommandError(ErrorCode.CannotCreateIndex, message);

/** Validates one `createIndexes` entry and returns the specification listIndexes will report. */
export function normalizeIndexSpec(raw: unknown): Doc {
  if (!isPlainObject(raw)) throw invalidSpec('index specification must be an object');
  for (const option of Object.keys(raw)) {
    if (UNSUPPORTED_OPTIONS.has(option)) throw notSupported(`the index option '${option}'`);
    if (!ALLOWED_OPTIONS.has(option)) {
      throw new MongoCommandError(
        ErrorCode.InvalidIndexSpecificationOption,
        `The field '${option}' is not valid for an index specification. Specification: ${formatDocument(raw)}`,
      );
    }
  }
  const { key, name } = raw;
  if (!isPlainObject(key) || Object.keys(key).length === 0)
    throw invalidSpec("The 'key' field must be a non-empty object");
  for (const [field, direction] of Object.entries(key)) {
    if (typeof direction === 'string') throw notSupported(`'${direction}' indexes (field '${field}')`);
    if (numericKind(direction) === undefined || toJsNumber(direction) === 0) {
      throw invalidSpec(
        `Values in the index key pattern can only be non-zero numbers, found ${String(direction)} for '${field}'`,
      );
    }
    if (field === '' || field.split('.').some((segment) => segment === '' || segment.startsWith('$'))) {
      throw invalidSpec(`Index key contains an illegal field name: '${field}'`);
    }
  }
  if (typeof name !== 'string' || name === '')
    throw invalidSpec("The 'name' field must be a non-empty string");
  const spec: Doc = { v: 2, key, name };
  for (const flag of ['unique', 'sparse', 'hidden'] as const) {
    if (raw[flag] !== undefined && raw[flag] !== false) spec[flag] = Boolean(raw[flag]);
  }
  if (raw.partialFilterExpression !== undefined) {
    if (!isPlainObject(raw.partialFilterExpression))
      throw invalidSpec('partialFilterExpression must be an object');
    spec.partialFilterExpression = raw.partialFilterExpression;
  }
  if (raw.expireAfterSeconds !== undefined) {
    const seconds = numericKind(raw.expireAfterSeconds) ? toJsNumber(raw.expireAfterSeconds) : Number.NaN;
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw invalidSpec(
        `TTL index 'expireAfterSeconds' option must be a non-negative integer, found ${String(raw.expireAfterSeconds)}`,
      );
    }
    if (Object.keys(key).length !== 1)
      throw invalidSpec('TTL indexes are single-field indexes, compound indexes do not support TTL');
    spec.expireAfterSeconds = seconds;
  }
  return spec;
}

/** Whether two specifications describe the same index (options that only affect building are ignored). */
export function sameIndexOptions(a: Doc, b: Doc): boolean {
  const relevant = (spec: Doc) =>
    JSON.stringify([
      spec.unique ?? false,
      spec.sparse ?? false,
      spec.partialFilterExpression ?? null,
      spec.expireAfterSeconds ?? null,
    ]);
  return relevant(a) === relevant(b);
}

export const sameKeyPattern = (a: Doc, b: Doc) =>
  JSON.stringify(Object.entries(a).map(([k, v]) => [k, toJsNumber(v)])) ===
  JSON.stringify(Object.entries(b).map(([k, v]) => [k, toJsNumber(v)]));

export class Index {
  readonly fields: readonly string[];
  readonly directions: readonly number[];
  private readonly partial: Matcher | undefined;
  readonly keys: SortedKeys;
  /**
   * Set once any document has an array on an indexed path, as MongoDB marks an index multikey (and never
   * unmarks it): such an index cannot intersect range bounds on a field or provide a sort.
   */
  multikey = false;

  constructor(readonly spec: Doc) {
    const key = spec.key as Doc;
    this.fields = Object.keys(key);
    this.directions = this.fields.map((field) => (toJsNumber(key[field]) < 0 ? -1 : 1));
    this.keys = new SortedKeys(this.directions, 2);
    this.partial = spec.partialFilterExpression
      ? compileFilter(spec.partialFilterExpression as Doc)
      : undefined;
  }

  get name(): string {
    return this.spec.name as string;
  }

  get unique(): boolean {
    return this.spec.unique === true;
  }

  get sparse(): boolean {
    return this.spec.sparse === true;
  }

  get partialFilter(): boolean {
    return this.partial !== undefined;
  }

  get expireAfterSeconds(): number | undefined {
    return this.spec.expireAfterSeconds as number | undefined;
  }

  /**
   * The keys a document has in this index: its values, its record id (so equal values keep insertion
   * order, as MongoDB's record ids do), then its canonical `_id`; none when sparse or partial leaves it out.
   */
  entriesFor(doc: Doc, id: string): IndexKey[] {
    const record = recordIdOf(doc);
    if (this.partial && !this.partial.test(doc)) return [];
    const perField = this.fields.map((field) => distinct(valuesAtPath(doc, field)));
    if (this.sparse && perField.every((values) => values.every((value) => value === undefined))) return [];
    if (perField.length === 1 && perField[0]!.length === 1) return [[perField[0]![0] ?? null, record, id]];
    let combinations: unknown[][] = [[]];
    for (const values of perField) {
      combinations = combinations.flatMap((prefix) => values.map((value) => [...prefix, value ?? null]));
    }
    return combinations.map((values) => [...values, record, id]);
  }

  /** The first of `entries` another document already holds, for unique indexes. */
  conflict(entries: readonly IndexKey[], ownId: string): IndexKey | undefined {
    if (!this.unique) return undefined;
    const width = this.fields.length;
    return entries.find((entry) => {
      for (const held of this.keys.withPrefix(entry.slice(0, width)))
        if (held[width + 1] !== ownId) return true;
      return false;
    });
  }

  add(doc: Doc, entries: readonly IndexKey[]): void {
    if (!this.multikey && (entries.length > 1 || this.fields.some((field) => touchesArray(doc, field))))
      this.multikey = true;
    for (const entry of entries) this.keys.insert(entry);
  }

  remove(entries: readonly IndexKey[]): void {
    for (const entry of entries) this.keys.delete(entry);
  }

  sameEntries(a: readonly IndexKey[], b: readonly IndexKey[]): boolean {
    return a.length === b.length && a.every((entry, i) => this.keys.compare(entry, b[i]!) === 0);
  }
}

const RECORD_ID = Symbol('embedded-mongo-record-id');

/** Gives a new document its record id, or carries an updated document's over from its earlier version. */
export function setRecordId(doc: Doc, record: number): void {
  Object.defineProperty(doc, RECORD_ID, { value: record, enumerable: false });
}

export function recordIdOf(doc: Doc): number {
  return (doc as { [RECORD_ID]?: number })[RECORD_ID] ?? 0;
}

/** Whether an array lies anywhere on `path` in `doc` (MongoDB's multikey test). */
function touchesArray(doc: unknown, path: string): boolean {
  let value = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(value)) return true;
    if (!isPlainObject(value)) return false;
    value = value[segment];
  }
  return Array.isArray(value);
}

function distinct(values: unknown[]): unknown[] {
  if (values.length < 2) return values.length ? values : [undefined];
  const seen = new Map<string, unknown>();
  for (const value of values) {
    const key = canonicalKey(value);
    if (!seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()];
}

export function duplicateKeyError(
  ns: string,
  index: { name: string; spec: Doc; fields: readonly string[] },
  values: readonly unknown[],
) {
  const keyValue = Object.fromEntries(index.fields.map((field, i) => [field, values[i] ?? null]));
  return new MongoCommandError(
    ErrorCode.DuplicateKey,
    `E11000 duplicate key error collection: ${ns} index: ${index.name} dup key: ${formatDocument(keyValue)}`,
    { keyPattern: index.spec.key, keyValue },
  );
}
