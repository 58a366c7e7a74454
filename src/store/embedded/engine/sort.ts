/** Sort specifications and MongoDB-ordered sorting of documents. */
import { badValue, notSupported } from '../errors.js';
import { compareValues } from './compare.js';
import { valuesAtPath } from './paths.js';
import { type Doc, isPlainObject, numericKind, toJsNumber } from './values.js';

export type SortSpec = ReadonlyArray<readonly [path: string, direction: 1 | -1]>;

export function parseSort(spec: unknown): SortSpec {
  if (!isPlainObject(spec)) throw badValue('sort specification must be an object');
  return Object.entries(spec).map(([path, value]) => {
    if (isPlainObject(value)) throw notSupported(`sort by ${JSON.stringify(value)} (field '${path}')`);
    const direction = numericKind(value) ? toJsNumber(value) : Number.NaN;
    if (direction !== 1 && direction !== -1) {
      throw badValue(
        `$sort key ordering must be 1 (for ascending) or -1 (for descending), got ${String(value)}`,
      );
    }
    if (path === '' || path.startsWith('$')) throw badValue(`invalid sort field name '${path}'`);
    return [path, direction] as const;
  });
}

/**
 * The value a document sorts by for one key: for array fields MongoDB uses the smallest element when
 * sorting ascending and the largest when descending.
 */
export function sortKey(doc: Doc, path: string, direction: 1 | -1): unknown {
  const values = valuesAtPath(doc, path);
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    if (compareValues(values[i], best) * direction < 0) best = values[i];
  }
  return best;
}

/** A stable sort returning a new array. */
export function sortDocuments<T extends Doc>(docs: readonly T[], spec: SortSpec): T[] {
  if (spec.length === 0) return docs.slice();
  const keyed = docs.map((doc, position) => ({
    doc,
    position,
    keys: spec.map(([path, direction]) => sortKey(doc, path, direction)),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < spec.length; i++) {
      const order = compareValues(a.keys[i], b.keys[i]) * spec[i]![1];
      if (order !== 0) return order;
    }
    return a.position - b.position;
  });
  return keyed.map((entry) => entry.doc);
}
