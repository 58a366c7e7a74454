/**
 * Update application as the write commands need it: produce the next version of a stored document (or
 * the document an upsert inserts) without touching the stored one.
 */
import { ObjectId } from 'bson';
import { badValue, ErrorCode, MongoCommandError } from '../../errors.js';
import { canonicalKey, sameBson } from '../compare.js';
import { compileFilter, isOperatorObject } from '../filter.js';
import { formatValue } from '../format.js';
import { valueAtPath } from '../paths.js';
import { cloneValue, type Doc, isPlainObject } from '../values.js';
import { applyOperations } from './apply.js';
import type { ParsedUpdate } from './parse.js';

export { type ParsedUpdate, parseUpdate } from './parse.js';

export interface UpdateResult {
  readonly doc: Doc;
  readonly changed: boolean;
}

export function updateDocument(original: Doc, update: ParsedUpdate, filter: Doc, now: Date): UpdateResult {
  if (update.kind === 'replacement') {
    const replacement = cloneValue(update.document);
    if (replacement._id !== undefined && canonicalKey(replacement._id) !== canonicalKey(original._id)) {
      throw new MongoCommandError(
        ErrorCode.ImmutableField,
        `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(replacement._id)}`,
      );
    }
    const doc = withIdFirst({ ...replacement, _id: original._id });
    return { doc, changed: !sameBson(original, doc) };
  }
  const doc = cloneValue(original);
  const changed = applyOperations(doc, update.operations, {
    isInsert: false,
    now,
    arrayFilters: update.arrayFilters,
    positional: (arrayPath) => positionalIndex(filter, original, arrayPath),
  });
  if (!('_id' in doc) || !sameBson(doc._id, original._id)) {
    throw new MongoCommandError(
      ErrorCode.ImmutableField,
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  return { doc, changed };
}

/** The document an upsert inserts: the query's equality fields, then the update applied as an insert. */
export function buildUpsertDocument(filter: Doc, update: ParsedUpdate, now: Date): Doc {
  const seed = equalityFields(filter);
  if (update.kind === 'replacement') {
    const doc = cloneValue(update.document);
    if (doc._id === undefined && seed._id !== undefined) doc._id = seed._id;
    return withIdFirst(doc);
  }
  applyOperations(seed, update.operations, {
    isInsert: true,
    now,
    arrayFilters: update.arrayFilters,
    positional: () => undefined,
  });
  return withIdFirst(seed);
}

function withIdFirst(doc: Doc): Doc {
  const { _id, ...rest } = doc;
  return { _id: _id === undefined ? new ObjectId() : _id, ...rest };
}

function equalityFields(filter: Doc): Doc {
  const seed: Doc = {};
  const visit = (condition: Doc) => {
    for (const [key, value] of Object.entries(condition)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const clause of value) if (isPlainObject(clause)) visit(clause);
        continue;
      }
      if (key.startsWith('$') || value instanceof RegExp) continue;
      if (isOperatorObject(value)) {
        if ('$eq' in value) setSeedPath(seed, key, value.$eq);
        continue;
      }
      setSeedPath(seed, key, value);
    }
  };
  visit(filter);
  return seed;
}

function setSeedPath(seed: Doc, path: string, value: unknown): void {
  const segments = path.split('.');
  let container = seed;
  for (const segment of segments.slice(0, -1)) {
    const next = container[segment] ?? {};
    if (!isPlainObject(next))
      throw badValue(`cannot infer query fields to set, path '${path}' is matched twice`);
    container[segment] = next;
    container = next;
  }
  const last = segments.at(-1)!;
  if (last in container) throw badValue(`cannot infer query fields to set, path '${path}' is matched twice`);
  container[last] = cloneValue(value);
}

/**
 * The `$` operator addresses the first element of the array at `arrayPath` that the query's condition on
 * that array matched.
 */
function positionalIndex(filter: Doc, doc: Doc, arrayPath: string): number | undefined {
  const items = valueAtPath(doc, arrayPath);
  if (!Array.isArray(items)) return undefined;
  const conditions = conditionsOn(filter, arrayPath);
  if (conditions.length === 0) return undefined;
  const matchers = conditions.map(([rest, condition]) => compileFilter({ [`v${rest}`]: condition }));
  const index = items.findIndex((item) => matchers.every((matcher) => matcher.test({ v: [item] })));
  return index < 0 ? undefined : index;
}

function conditionsOn(filter: Doc, arrayPath: string): Array<[rest: string, condition: unknown]> {
  const found: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) if (isPlainObject(clause)) found.push(...conditionsOn(clause, arrayPath));
    } else if (key === arrayPath || key.startsWith(`${arrayPath}.`)) {
      found.push([key.slice(arrayPath.length), value]);
    }
  }
  return found;
}
