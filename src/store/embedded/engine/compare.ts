/**
 * MongoDB's value ordering and equality, for sorting, index keys, `$min`/`$max` and `$addToSet`.
 * Numbers compare by value across int/long/double/decimal, as in MongoDB; other types follow the BSON
 * comparison order (null < numbers < strings < objects < arrays < binData < ObjectId < bool < date ...).
 */
import type { Binary, Long, ObjectId, Timestamp } from 'bson';
import { bsonTypeTag, isPlainObject, numericKind, toJsNumber } from './values.js';

export function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 2;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
    default:
      break;
  }
  if (Array.isArray(value)) return 6;
  if (value instanceof Date) return 10;
  if (value instanceof RegExp) return 12;
  switch (bsonTypeTag(value)) {
    case 'MinKey':
      return 1;
    case 'Double':
    case 'Int32':
    case 'Long':
    case 'Decimal128':
      return 3;
    case 'BSONSymbol':
      return 4;
    case 'Binary':
      return 7;
    case 'ObjectId':
      return 8;
    case 'Timestamp':
      return 11;
    case 'BSONRegExp':
      return 12;
    case 'Code':
      return 13;
    case 'MaxKey':
      return 14;
    default:
      return 5;
  }
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

function compareNumbers(a: unknown, b: unknown): number {
  if (numericKind(a) === 'long' && numericKind(b) === 'long') return (a as Long).compare(b as Long);
  const x = toJsNumber(a);
  const y = toJsNumber(b);
  // MongoDB orders NaN below every other number and equal to itself.
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
  return sign(x - y);
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const size = Math.min(a.length, b.length);
  for (let i = 0; i < size; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return sign(a.length - b.length);
}

function compareDocuments(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  const size = Math.min(keysA.length, keysB.length);
  for (let i = 0; i < size; i++) {
    const ka = keysA[i]!;
    const kb = keysB[i]!;
    const byType = typeRank(a[ka]) - typeRank(b[kb]);
    if (byType !== 0) return sign(byType);
    const byName = compareStrings(ka, kb);
    if (byName !== 0) return byName;
    const byValue = compareValues(a[ka], b[kb]);
    if (byValue !== 0) return byValue;
  }
  return sign(keysA.length - keysB.length);
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const size = Math.min(a.length, b.length);
  for (let i = 0; i < size; i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return sign(a.length - b.length);
}

export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return sign(rankA - rankB);
  switch (rankA) {
    case 3:
      return compareNumbers(a, b);
    case 4:
      return compareStrings(String(a), String(b));
    case 5:
      return compareDocuments(a as Record<string, unknown>, b as Record<string, unknown>);
    case 6:
      return compareArrays(a as unknown[], b as unknown[]);
    case 7: {
      const [x, y] = [a as Binary, b as Binary];
      if (x.position !== y.position) return sign(x.position - y.position);
      if (x.sub_type !== y.sub_type) return sign(x.sub_type - y.sub_type);
      return compareBytes(x.value(), y.value());
    }
    case 8:
      return compareStrings((a as ObjectId).toHexString(), (b as ObjectId).toHexString());
    case 9:
      return sign(Number(a) - Number(b));
    case 10:
      return sign((a as Date).getTime() - (b as Date).getTime());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    case 12:
      return compareStrings(String(a), String(b));
    default:
      return 0;
  }
}

/**
 * A string that is equal for two values exactly when MongoDB considers them equal (so `1`, `1.0` and
 * `NumberLong(1)` share a key). Used for `_id` lookups and index entries.
 */
export function canonicalKey(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'boolean':
      return value ? 'b1' : 'b0';
    case 'number':
      return `n${Object.is(value, -0) ? 0 : value}`;
    default:
      break;
  }
  if (Array.isArray(value)) return `a${JSON.stringify(value.map(canonicalKey))}`;
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value instanceof RegExp) return `r${value.source}/${value.flags}`;
  const tag = bsonTypeTag(value);
  switch (tag) {
    case 'ObjectId':
      return `o${(value as ObjectId).toHexString()}`;
    case 'Double':
    case 'Int32':
    case 'Decimal128':
      return `n${toJsNumber(value)}`;
    case 'Long': {
      const long = value as Long;
      const n = long.toNumber();
      return `n${Number.isSafeInteger(n) ? n : long.toString()}`;
    }
    case 'Binary': {
      const binary = value as Binary;
      return `x${binary.sub_type}:${Buffer.from(binary.value()).toString('base64')}`;
    }
    case undefined:
      if (isPlainObject(value)) {
        return `O${JSON.stringify(Object.entries(value).map(([k, v]) => [k, canonicalKey(v)]))}`;
      }
      return `?${String(value)}`;
    default:
      return `${tag}:${JSON.stringify(value)}`;
  }
}

/** Binary-identical, as MongoDB judges whether an update modified a document: types and field order count. */
export function sameBson(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Object.is(a, b);
  const kindA = numericKind(a);
  if (kindA || numericKind(b)) {
    return (
      kindA === numericKind(b) &&
      Object.is(toJsNumber(a), toJsNumber(b)) &&
      canonicalKey(a) === canonicalKey(b)
    );
  }
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameBson(v, b[i]));
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((k, i) => k === keysB[i] && sameBson(a[k], b[k]));
  }
  return typeRank(a) === typeRank(b) && canonicalKey(a) === canonicalKey(b);
}
