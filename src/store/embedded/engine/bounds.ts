/**
 * Index bounds: which key values of one indexed field can hold documents that match a query's conditions
 * on that field, as ordered intervals (MongoDB's "index bounds"). Bounds may be wider than the matches,
 * never narrower: every candidate is tested against the whole filter afterwards. Conditions that cannot be
 * turned into bounds leave the field unbounded. `exact` says the bounds are precisely the matches, so a
 * count needs no document.
 */
import { compareValues, typeRank } from './compare.js';
import { isOperatorObject } from './filter.js';
import { HIGHEST, KeyBound, LOWEST } from './sorted-keys.js';
import { bsonTypeTag, type Doc, isPlainObject } from './values.js';

/** An interval in value order; `low`/`high` are values or KeyBounds. */
export interface Interval {
  readonly low: unknown;
  readonly lowInclusive: boolean;
  readonly high: unknown;
  readonly highInclusive: boolean;
}

export interface FieldBounds {
  /** Ascending, non-overlapping; empty means nothing can match. */
  readonly intervals: readonly Interval[];
  readonly exact: boolean;
}

export const FULL: FieldBounds = {
  intervals: [{ low: LOWEST, lowInclusive: true, high: HIGHEST, highInclusive: true }],
  exact: true,
};

const point = (value: unknown): Interval => ({
  low: value,
  lowInclusive: true,
  high: value,
  highInclusive: true,
});

export const isPoint = (interval: Interval): boolean =>
  interval.lowInclusive &&
  interval.highInclusive &&
  !(interval.low instanceof KeyBound) &&
  compareValues(interval.low, interval.high) === 0;

export const isFull = (bounds: FieldBounds): boolean =>
  bounds.intervals.length === 1 &&
  bounds.intervals[0]!.low === LOWEST &&
  bounds.intervals[0]!.high === HIGHEST;

/** Values an index holds as themselves and compares as MongoDB does: no arrays, regexes or min/max keys. */
function isBoundable(value: unknown): boolean {
  if (value === undefined || Array.isArray(value) || value instanceof RegExp) return false;
  if (typeof value === 'number' && Number.isNaN(value)) return false;
  const tag = bsonTypeTag(value);
  return tag !== 'MinKey' && tag !== 'MaxKey' && tag !== 'BSONRegExp';
}

/** Values whose equality in a query is exactly equality of index keys (null also matches missing fields). */
const isExactValue = (value: unknown) => value !== null && !isPlainObject(value);

interface Partial {
  intervals: Interval[];
  exact: boolean;
}

function pointBounds(value: unknown): Partial | undefined {
  if (!isBoundable(value)) return undefined;
  return { intervals: [point(value ?? null)], exact: isExactValue(value) };
}

function rangeBounds(operator: string, value: unknown): Partial | undefined {
  if (value === null) {
    // As in MongoDB: $gte/$lte null mean "null or missing"; $gt/$lt null match nothing.
    return operator === '$gte' || operator === '$lte'
      ? { intervals: [point(null)], exact: false }
      : { intervals: [], exact: true };
  }
  if (!isBoundable(value) || isPlainObject(value)) return undefined;
  // Type bracketing: a comparison only matches values of the same BSON type rank.
  const rank = typeRank(value);
  const below = new KeyBound(rank, false);
  const above = new KeyBound(rank, true);
  switch (operator) {
    case '$gt':
      return {
        intervals: [{ low: value, lowInclusive: false, high: above, highInclusive: true }],
        exact: true,
      };
    case '$gte':
      return {
        intervals: [{ low: value, lowInclusive: true, high: above, highInclusive: true }],
        exact: true,
      };
    case '$lt':
      return {
        intervals: [{ low: below, lowInclusive: true, high: value, highInclusive: false }],
        exact: true,
      };
    default:
      return {
        intervals: [{ low: below, lowInclusive: true, high: value, highInclusive: true }],
        exact: true,
      };
  }
}

function operatorBounds(operator: string, argument: unknown): Partial | undefined {
  switch (operator) {
    case '$eq':
      return pointBounds(argument);
    case '$in': {
      if (!Array.isArray(argument)) return undefined;
      const parts = argument.map(pointBounds);
      if (parts.some((part) => part === undefined)) return undefined;
      const values = parts.flatMap((part) => part!.intervals);
      return { intervals: normalise(values), exact: parts.every((part) => part!.exact) };
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return rangeBounds(operator, argument);
    case '$exists':
      // A missing field is indexed as null; whether it is missing or null takes the document.
      return argument === false || argument === 0 ? { intervals: [point(null)], exact: false } : undefined;
    case '$ne': {
      if (!isBoundable(argument) || isPlainObject(argument)) return undefined;
      const value = argument ?? null;
      return {
        intervals: [
          { low: LOWEST, lowInclusive: true, high: value, highInclusive: false },
          { low: value, lowInclusive: false, high: HIGHEST, highInclusive: true },
        ],
        exact: false,
      };
    }
    default:
      return undefined;
  }
}

/**
 * The conjunction of several bounds on one field: their intersection, and whether it is exact. A part
 * that cannot be bounded (undefined) only makes the result inexact. On a multikey field each condition
 * may be met by a different element, so bounds cannot be intersected: the first stands, inexact.
 */
function conjunction(parts: ReadonlyArray<Partial | undefined>, multikey: boolean) {
  let result: Partial | undefined;
  let exact = true;
  for (const part of parts) {
    if (!part) {
      exact = false;
      continue;
    }
    if (!result) result = part;
    else if (multikey) exact = false;
    else
      result = { intervals: intersect(result.intervals, part.intervals), exact: result.exact && part.exact };
  }
  return { result, exact };
}

/** Bounds of one condition on a field (a value, or an operator object whose operators all hold). */
function conditionBounds(condition: unknown, multikey: boolean): Partial | undefined {
  if (!isOperatorObject(condition)) return pointBounds(condition);
  const parts = Object.entries(condition).map(([operator, argument]) => operatorBounds(operator, argument));
  const { result, exact } = conjunction(parts, multikey);
  return result && { intervals: result.intervals, exact: exact && result.exact && !multikey };
}

/** The bounds of every condition the filter's conjunction places on `path`. */
export function boundsOf(conditions: readonly unknown[], multikey: boolean): FieldBounds {
  const { result, exact } = conjunction(
    conditions.map((condition) => conditionBounds(condition, multikey)),
    multikey,
  );
  if (!result) return { ...FULL, exact: conditions.length === 0 };
  return { intervals: result.intervals, exact: exact && result.exact };
}

/**
 * The conjunction a filter states: conditions per top-level path (also through `$and`), the `$or`
 * branch lists, and whether anything else (`$nor`, `$expr`, …) constrains it beyond those.
 */
export interface Conjunction {
  readonly fields: Map<string, unknown[]>;
  readonly ors: Doc[][];
  readonly other: boolean;
}

export function conjunctionOf(filter: Doc | undefined): Conjunction {
  const result: Conjunction = { fields: new Map(), ors: [], other: false };
  const visit = (part: Doc, into: Conjunction & { other: boolean }) => {
    for (const [key, value] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(value)) for (const clause of value) visit(clause as Doc, into);
      else if (key === '$or' && Array.isArray(value)) into.ors.push(value as Doc[]);
      else if (key === '$comment') continue;
      else if (key.startsWith('$')) into.other = true;
      else {
        const list = into.fields.get(key) ?? [];
        list.push(value);
        into.fields.set(key, list);
      }
    }
  };
  const mutable = result as Conjunction & { other: boolean };
  if (filter) visit(filter, mutable);
  return mutable;
}

/** A filter with the conjunction's other conditions added to one `$or` branch (for planning it). */
export function withBranch(filter: Doc, branch: Doc): Doc {
  const { $or: _or, ...rest } = filter;
  return Object.keys(rest).length === 0 ? branch : { $and: [rest, branch] };
}

function compareLow(a: Interval, b: Interval): number {
  const order = compareEdge(a.low, b.low);
  if (order !== 0) return order;
  return Number(b.lowInclusive) - Number(a.lowInclusive);
}

function compareEdge(a: unknown, b: unknown): number {
  if (a instanceof KeyBound || b instanceof KeyBound) {
    const rank = (value: unknown) => (value instanceof KeyBound ? value.rank : typeRank(value));
    const side = (value: unknown) => (value instanceof KeyBound ? (value.high ? 1 : -1) : 0);
    if (rank(a) !== rank(b)) return rank(a) < rank(b) ? -1 : 1;
    return side(a) - side(b);
  }
  return compareValues(a, b);
}

/** Sorts intervals and merges those that overlap or touch. */
function normalise(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort(compareLow);
  const out: Interval[] = [];
  for (const interval of sorted) {
    const last = out[out.length - 1];
    if (last) {
      const order = compareEdge(interval.low, last.high);
      if (order < 0 || (order === 0 && (interval.lowInclusive || last.highInclusive))) {
        const higher = compareEdge(interval.high, last.high);
        if (higher > 0 || (higher === 0 && interval.highInclusive))
          out[out.length - 1] = { ...last, high: interval.high, highInclusive: interval.highInclusive };
        continue;
      }
    }
    out.push(interval);
  }
  return out;
}

function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const lowOrder = compareEdge(x.low, y.low);
      const low = lowOrder > 0 || (lowOrder === 0 && !x.lowInclusive) ? x : y;
      const highOrder = compareEdge(x.high, y.high);
      const high = highOrder < 0 || (highOrder === 0 && !x.highInclusive) ? x : y;
      const span = compareEdge(low.low, high.high);
      if (span > 0 || (span === 0 && !(low.lowInclusive && high.highInclusive))) continue;
      out.push({
        low: low.low,
        lowInclusive: low.lowInclusive,
        high: high.high,
        highInclusive: high.highInclusive,
      });
    }
  }
  return normalise(out);
}
