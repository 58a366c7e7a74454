/**
 * mingo compares plain JS numbers; it knows nothing of bson's Double/Long/Decimal128 wrappers. Queries
 * and aggregations therefore run on a "view" of each stored document in which those wrappers are plain
 * numbers. Documents without wrappers (nearly all) are their own view, so this costs one walk per stored
 * document version; stored documents are never mutated (updates replace them), so the cache stays valid.
 */
import { bsonTypeTag, type Doc, isPlainObject, toJsNumber } from './values.js';

/**
 * The view is cached on the stored document itself, under a non-enumerable symbol that BSON
 * serialisation, object spread and `Object.keys` all ignore (a WeakMap lookup per document and query
 * was measurably slower).
 */
const VIEW = Symbol('embedded-mongo-view');
/** From every object a view created back to the stored object it stands for (used by `$type`). */
const sources = new WeakMap<object, object>();

export function viewOf(doc: Doc): Doc {
  const cached = (doc as { [VIEW]?: Doc })[VIEW];
  if (cached) return cached;
  const view = toView(doc) as Doc;
  Object.defineProperty(doc, VIEW, { value: view, enumerable: false });
  return view;
}

/** The stored object a view object was made from, or the object itself when it needed no view. */
export function sourceOf(value: object): object {
  return sources.get(value) ?? value;
}

/** Replaces number wrappers with JS numbers, copying only the objects and arrays that contain them. */
export function toView(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = toView(value[i]);
      if (item !== value[i]) {
        copy ??= value.slice();
        copy[i] = item;
      }
    }
    if (!copy) return value;
    sources.set(copy, value);
    return copy;
  }
  switch (bsonTypeTag(value)) {
    case 'Double':
    case 'Int32':
    case 'Long':
    case 'Decimal128':
      return toJsNumber(value);
    case undefined:
      break;
    default:
      return value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Doc | undefined;
  for (const key of Object.keys(value)) {
    const item = toView(value[key]);
    if (item !== value[key]) {
      copy ??= { ...value };
      copy[key] = item;
    }
  }
  if (!copy) return value;
  sources.set(copy, value);
  return copy;
}
