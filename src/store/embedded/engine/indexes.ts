/**
 * Secondary indexes: their specifications (as listIndexes reports them) and in-memory key maps. The
 * maps enforce `unique` and let equality queries skip a collection scan; range queries and sorts scan.
 */
import { ErrorCode, MongoCommandError, notSupported } from '../errors.js';
import { canonicalKey } from './compare.js';
import { compileFilter, type Matcher } from './filter.js';
import { formatDocument } from './format.js';
import { valuesAtPath } from './paths.js';
import { type Doc, isPlainObject, numericKind, toJsNumber } from './values.js';

export interface IndexEntry {
  readonly key: string;
  readonly values: readonly unknown[];
}

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
  private readonly partial: Matcher | undefined;
  private readonly entries = new Map<string, Set<string>>();
  /** Documents by the value of the index's first field, with how many of their entries have it. */
  private readonly leading = new Map<string, Map<string, number>>();

  constructor(readonly spec: Doc) {
    this.fields = Object.keys(spec.key as Doc);
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

  /** Whether every document is in the index, so an equality lookup finds all matches. */
  get complete(): boolean {
    return !this.spec.sparse && !this.partial;
  }

  get expireAfterSeconds(): number | undefined {
    return this.spec.expireAfterSeconds as number | undefined;
  }

  keyOf(values: readonly unknown[]): string {
    return values.length === 1 ? canonicalKey(values[0]) : JSON.stringify(values.map(canonicalKey));
  }

  /** The keys a document has in this index; none when sparse or partial filtering leaves it out. */
  entriesFor(doc: Doc): IndexEntry[] {
    if (this.partial && !this.partial.test(doc)) return [];
    const perField = this.fields.map((field) => distinct(valuesAtPath(doc, field)));
    if (this.spec.sparse && perField.every((values) => values.every((value) => value === undefined)))
      return [];
    let combinations: unknown[][] = [[]];
    for (const values of perField) {
      combinations = combinations.flatMap((prefix) => values.map((value) => [...prefix, value ?? null]));
    }
    return combinations.map((values) => ({ key: this.keyOf(values), values }));
  }

  /** The first of `entries` another document already holds, for unique indexes. */
  conflict(entries: readonly IndexEntry[], ownId: string): IndexEntry | undefined {
    if (!this.unique) return undefined;
    return entries.find((entry) => {
      const holders = this.entries.get(entry.key);
      return holders !== undefined && (holders.size > 1 || !holders.has(ownId));
    });
  }

  add(id: string, entries: readonly IndexEntry[]): void {
    for (const { key, values } of entries) {
      let holders = this.entries.get(key);
      if (!holders) {
        holders = new Set();
        this.entries.set(key, holders);
      }
      holders.add(id);
      const first = canonicalKey(values[0] ?? null);
      let byFirst = this.leading.get(first);
      if (!byFirst) {
        byFirst = new Map();
        this.leading.set(first, byFirst);
      }
      byFirst.set(id, (byFirst.get(id) ?? 0) + 1);
    }
  }

  remove(id: string, entries: readonly IndexEntry[]): void {
    for (const { key, values } of entries) {
      const holders = this.entries.get(key);
      holders?.delete(id);
      if (holders?.size === 0) this.entries.delete(key);
      const first = canonicalKey(values[0] ?? null);
      const byFirst = this.leading.get(first);
      const count = byFirst?.get(id) ?? 0;
      if (count > 1) byFirst?.set(id, count - 1);
      else byFirst?.delete(id);
      if (byFirst?.size === 0) this.leading.delete(first);
    }
  }

  lookup(key: string): ReadonlySet<string> {
    return this.entries.get(key) ?? new Set();
  }

  /** How many documents `lookupLeading(value)` yields. */
  leadingCount(value: unknown): number {
    return this.leading.get(canonicalKey(value ?? null))?.size ?? 0;
  }

  /** The documents whose first indexed field equals `value`: a prefix lookup of a compound index. */
  lookupLeading(value: unknown): Iterable<string> {
    return this.leading.get(canonicalKey(value ?? null))?.keys() ?? [];
  }
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
