/**
 * How BSON values are held in memory.
 *
 * Stored documents use plain JS numbers wherever BSON serialisation gives the same type back: int32
 * values and non-integral doubles. The few numbers that would change type on the way out keep their
 * bson wrapper: integral doubles (`Double(1)`, which would otherwise come back as int32), `Long` and
 * `Decimal128`. Everything else (ObjectId, Date, Binary, ...) is the bson/JS object itself.
 * Query evaluation happens on a numeric "view" of such documents (see view.ts).
 */
import { type Decimal128, Double, Long } from 'bson';

export type Doc = Record<string, unknown>;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function bsonTypeTag(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as { _bsontype?: string })._bsontype;
}

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A JS number that BSON serialises as int32 (so it needs no wrapper to keep its type). */
function isInt32Number(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0);
}

/**
 * Converts a value decoded with `promoteValues: false` into the stored form, in place for objects and
 * arrays (they are fresh from the decoder, nobody else holds them).
 */
export function fromWire(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fromWire(value[i]);
    return value;
  }
  switch (bsonTypeTag(value)) {
    case 'Int32':
      return (value as { value: number }).value;
    case 'Double': {
      const n = (value as Double).value;
      return isInt32Number(n) ? value : n;
    }
    case undefined:
      if (isPlainObject(value)) {
        for (const key of Object.keys(value)) value[key] = fromWire(value[key]);
      }
      return value;
    default:
      return value;
  }
}

export type NumericKind = 'int' | 'long' | 'double' | 'decimal';

export function numericKind(value: unknown): NumericKind | undefined {
  if (typeof value === 'number') return isInt32Number(value) ? 'int' : 'double';
  switch (bsonTypeTag(value)) {
    case 'Double':
      return 'double';
    case 'Int32':
      return 'int';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    default:
      return undefined;
  }
}

/** The JS number a numeric value stands for (Long beyond 2^53 and Decimal128 lose precision). */
export function toJsNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  switch (bsonTypeTag(value)) {
    case 'Double':
    case 'Int32':
      return (value as Double).value;
    case 'Long':
      return (value as Long).toNumber();
    case 'Decimal128':
      return Number((value as Decimal128).toString());
    default:
      return Number.NaN;
  }
}

/** The stored representation of a number of the given BSON numeric type. */
export function makeNumber(kind: Exclude<NumericKind, 'decimal'>, value: number | bigint): unknown {
  switch (kind) {
    case 'long':
      return Long.fromBigInt(BigInt(value));
    case 'int':
      return Number(value);
    case 'double': {
      const n = Number(value);
      return isInt32Number(n) ? new Double(n) : n;
    }
  }
}

/** Aliases accepted by `$type`, keyed by alias, valued by BSON type number. */
export const BSON_TYPE_NUMBERS: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  dbPointer: 12,
  javascript: 13,
  symbol: 14,
  javascriptWithScope: 15,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};

/** The `$type` alias of a stored value (arrays report 'array'; missing values report undefined). */
export function bsonTypeName(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return isInt32Number(value) ? 'int' : 'double';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'long';
    default:
      break;
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  switch (bsonTypeTag(value)) {
    case 'ObjectId':
      return 'objectId';
    case 'Double':
      return 'double';
    case 'Int32':
      return 'int';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    case 'Binary':
      return 'binData';
    case 'Timestamp':
      return 'timestamp';
    case 'MinKey':
      return 'minKey';
    case 'MaxKey':
      return 'maxKey';
    case 'BSONRegExp':
      return 'regex';
    case 'BSONSymbol':
      return 'symbol';
    case 'Code':
      return (value as { scope?: unknown }).scope ? 'javascriptWithScope' : 'javascript';
    default:
      return 'object';
  }
}

/** Deep copy of plain objects, arrays and Dates; bson values are immutable and shared. */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const copy: Doc = {};
    for (const key of Object.keys(value)) copy[key] = cloneValue(value[key]);
    return copy as T;
  }
  return value;
}
