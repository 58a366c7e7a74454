/** Filtering a collection: index-assisted candidate selection, then the full filter on each candidate. */
import { badValue } from '../errors.js';
import type { Collection } from './collection.js';
import { compileFilter } from './filter.js';
import { sameKeyPattern } from './indexes.js';
import { type Doc, isPlainObject } from './values.js';

export function findMatches(
  collection: Collection | undefined,
  filter: Doc | undefined,
  variables?: Doc,
): Doc[] {
  const matcher = compileFilter(filter, { variables });
  if (!collection) return [];
  const matches: Doc[] = [];
  for (const doc of collection.candidates(filter)) if (matcher.test(doc)) matches.push(doc);
  return matches;
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
