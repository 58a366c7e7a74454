/** Filtering a collection through the planner (planner.ts, execute.ts), and hints. */
import { badValue } from '../errors.js';
import type { Collection } from './collection.js';
import { runQuery } from './execute.js';
import { sameKeyPattern } from './indexes.js';
import { type Doc, isPlainObject } from './values.js';

/** Every document matching `filter` (the first `limit` when given: what single-document writes need). */
export function findMatches(
  collection: Collection | undefined,
  filter: Doc | undefined,
  variables?: Doc,
  limit?: number,
): Doc[] {
  return runQuery(collection, { filter, variables, limit }).docs;
}

/** Hints cannot change results here, but one naming no existing index is an error, as in MongoDB. */
export function checkHint(collection: Collection | undefined, hint: unknown): void {
  if (hint === undefined || !collection) return;
  if (isPlainObject(hint) && '$natural' in hint) return;
  const specs = collection.indexSpecs();
  const found =
    typeof hint === 'string'
      ? specs.some((spec) => spec.name === hint)
      : isPlainObject(hint) && specs.some((spec) => sameKeyPattern(spec.key as Doc, hint));
  if (!found) throw badValue('hint provided does not correspond to an existing index');
}

/** The deadline `maxTimeMS` sets for a command, in epoch milliseconds (none for 0 or absent). */
export function deadlineOf(maxTimeMS: unknown): number | undefined {
  if (maxTimeMS === undefined || maxTimeMS === null) return undefined;
  const ms =
    typeof maxTimeMS === 'number' ? maxTimeMS : Number((maxTimeMS as { valueOf(): unknown }).valueOf());
  if (!Number.isInteger(ms) || ms < 0)
    throw badValue(`maxTimeMS must be a non-negative integer, got ${String(maxTimeMS)}`);
  return ms === 0 ? undefined : Date.now() + ms;
}
