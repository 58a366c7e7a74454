/** Dotted-path access with MongoDB's implicit traversal of arrays. */
import { type Doc, isPlainObject } from './values.js';

const isIndex = (segment: string): boolean => /^\d+$/.test(segment);

/**
 * Every value a dotted path reaches, the way MongoDB evaluates index keys and sort keys: an array met
 * on the way is traversed element by element (and may also be indexed by a numeric segment), and an
 * array at the end contributes its elements. Missing values are reported as `undefined`.
 */
export function valuesAtPath(doc: unknown, path: string, expandLeafArrays = true): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out, expandLeafArrays);
  return out;
}

function collect(
  value: unknown,
  segments: string[],
  depth: number,
  out: unknown[],
  expandLeaf: boolean,
): void {
  if (depth === segments.length) {
    if (Array.isArray(value) && expandLeaf) out.push(...value);
    else out.push(value);
    return;
  }
  const segment = segments[depth]!;
  if (Array.isArray(value)) {
    if (isIndex(segment)) {
      collect(value[Number(segment)], segments, depth + 1, out, expandLeaf);
      return;
    }
    const before = out.length;
    for (const item of value) {
      if (isPlainObject(item)) collect(item, segments, depth, out, expandLeaf);
    }
    if (out.length === before) out.push(undefined);
    return;
  }
  if (isPlainObject(value)) {
    collect(value[segment], segments, depth + 1, out, expandLeaf);
    return;
  }
  out.push(undefined);
}

/** The value at a dotted path through embedded documents only (no array traversal), or undefined. */
export function valueAtPath(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(value) && isIndex(segment)) value = value[Number(segment)];
    else if (isPlainObject(value)) value = value[segment];
    else return undefined;
  }
  return value;
}
