/**
 * The query planner: which index scans can yield a query's candidates, and in which order. Like MongoDB's
 * it builds bounds per indexed field (equality and `$in` points, ranges, `$ne`), explodes point lists into
 * one scan per combination, walks a compound index in key order when that order is the query's sort
 * (merging the exploded scans), plans each `$or` branch on its own, and sizes every plan exactly from the
 * ordered keys before running any of them. Candidates are always tested against the whole filter, so a
 * plan can only change how much is examined, never the answer.
 */

import {
  boundsOf,
  type Conjunction,
  conjunctionOf,
  type FieldBounds,
  FULL,
  type Interval,
  isFull,
  isPoint,
  withBranch,
} from './bounds.js';
import type { Collection } from './collection.js';
import { canonicalKey } from './compare.js';
import { isOperatorObject } from './filter.js';
import type { Index } from './indexes.js';
import type { SortSpec } from './sort.js';
import { KeyBound, type KeyPosition } from './sorted-keys.js';
import type { Doc } from './values.js';

/** More exploded scans than this and the field is left to a per-key check instead. */
const MAX_SCANS = 1_000;

export interface Scan {
  readonly from: KeyPosition;
  readonly to: KeyPosition;
  /** The prefix values and the interval of this scan, for explain. */
  readonly prefix: readonly unknown[];
  readonly interval: Interval | undefined;
}

export interface IndexPlan {
  readonly kind: 'index';
  readonly index: Index;
  /** In output order: reversed already when the scan runs backward. */
  readonly scans: readonly Scan[];
  readonly backward: boolean;
  /** Bounds checked on each key before its document is fetched (fields after the scanned range). */
  readonly keyFilters: ReadonlyArray<readonly [position: number, bounds: FieldBounds]>;
  readonly bounds: readonly FieldBounds[];
  readonly estimate: number;
  readonly providesSort: boolean;
  /** The keys are exactly the matches: a count needs no document. */
  readonly exact: boolean;
}

export interface IdPlan {
  readonly kind: 'id';
  readonly keys: readonly string[];
  readonly estimate: number;
}

export interface OrPlan {
  readonly kind: 'or';
  readonly branches: readonly Plan[];
  readonly estimate: number;
  readonly providesSort: boolean;
}

export interface CollectionScanPlan {
  readonly kind: 'collscan';
  readonly estimate: number;
}

export type Plan = IndexPlan | IdPlan | OrPlan | CollectionScanPlan;

export const providesSort = (plan: Plan): boolean =>
  plan.kind === 'index' || plan.kind === 'or' ? plan.providesSort : false;

/** Every plan worth considering for `filter`, cheapest first, plus the collection scan. */
export function candidatePlans(
  collection: Collection,
  filter: Doc | undefined,
  sort: SortSpec | undefined,
): Plan[] {
  const plans = plansFor(collection, filter, sort, true);
  plans.push({ kind: 'collscan', estimate: collection.size });
  return plans.sort((a, b) => a.estimate - b.estimate);
}

function plansFor(
  collection: Collection,
  filter: Doc | undefined,
  sort: SortSpec | undefined,
  withOr: boolean,
): Plan[] {
  if (!filter) return indexPlans(collection, conjunctionOf(undefined), sort);
  const ids = idValues(filter._id);
  if (ids) {
    const keys = [...new Set(ids.map((id) => canonicalKey(id)))];
    return [{ kind: 'id', keys, estimate: keys.length }];
  }
  const conjunction = conjunctionOf(filter);
  const plans = indexPlans(collection, conjunction, sort);
  const firstOr = conjunction.ors[0];
  if (withOr && firstOr) {
    const or = orPlan(collection, filter, firstOr, sort);
    if (or) plans.push(or);
  }
  return plans;
}

/** Each branch planned with the rest of the filter; unusable when any branch needs a collection scan. */
function orPlan(
  collection: Collection,
  filter: Doc,
  branches: Doc[],
  sort: SortSpec | undefined,
): OrPlan | undefined {
  const outer = withoutFirstOr(filter);
  const planned: Plan[] = [];
  for (const branch of branches) {
    const options = plansFor(collection, withBranch(outer, branch), sort, true);
    if (options.length === 0) return undefined;
    const sorted = options.filter(providesSort).sort((a, b) => a.estimate - b.estimate)[0];
    const cheapest = options.sort((a, b) => a.estimate - b.estimate)[0]!;
    // A sorted branch lets the branches be merged instead of sorted; worth it unless far more to read.
    planned.push(sort && sorted && sorted.estimate <= cheapest.estimate * 4 + 100 ? sorted : cheapest);
  }
  return {
    kind: 'or',
    branches: planned,
    estimate: planned.reduce((sum, plan) => sum + plan.estimate, 0),
    providesSort: sort !== undefined && planned.every(providesSort),
  };
}

/** The filter without its first `$or` (found at the top level or inside `$and`). */
function withoutFirstOr(filter: Doc): Doc {
  let removed = false;
  const strip = (part: Doc): Doc => {
    const out: Doc = {};
    for (const [key, value] of Object.entries(part)) {
      if (!removed && key === '$or') {
        removed = true;
        continue;
      }
      out[key] = key === '$and' && Array.isArray(value) ? value.map((clause) => strip(clause as Doc)) : value;
    }
    return out;
  };
  return strip(filter);
}

function indexPlans(collection: Collection, conjunction: Conjunction, sort: SortSpec | undefined): Plan[] {
  const plans: Plan[] = [];
  for (const index of collection.secondaryIndexes()) {
    if (index.spec.hidden || index.partialFilter) continue;
    const plan = indexPlan(index, conjunction, sort);
    if (plan) plans.push(plan);
  }
  return plans;
}

function indexPlan(
  index: Index,
  conjunction: Conjunction,
  sort: SortSpec | undefined,
): IndexPlan | undefined {
  const bounds = index.fields.map((field) => {
    const conditions = conjunction.fields.get(field);
    return conditions ? boundsOf(conditions, index.multikey) : FULL;
  });
  // A sparse index lacks the documents missing all its fields: usable only when the query excludes them.
  if (index.sparse && !bounds.some((field) => !isFull(field) && !field.intervals.some(holdsNull)))
    return undefined;
  // Fields are scanned as point combinations up to the first range (or too many combinations).
  let prefixes: unknown[][] = [[]];
  let position = 0;
  for (; position < index.fields.length; position++) {
    const intervals = bounds[position]!.intervals;
    if (!intervals.every(isPoint) || prefixes.length * intervals.length > MAX_SCANS) break;
    prefixes = prefixes.flatMap((prefix) => intervals.map((interval) => [...prefix, interval.low]));
  }
  const rangeField = position < index.fields.length ? position : undefined;
  const rangeIntervals =
    rangeField === undefined ? [undefined] : ([...bounds[rangeField]!.intervals] as (Interval | undefined)[]);
  const keyFilters = bounds
    .map((field, at) => [at, field] as const)
    .filter(([at, field]) => rangeField !== undefined && at > rangeField && !isFull(field));
  const constrained = bounds.some((field) => !isFull(field));
  const order = sortOrder(index, prefixes[0]?.length ?? 0, sort);
  if (!constrained && order === undefined) return undefined;
  const backward = order === -1;
  const direction = rangeField === undefined ? 1 : index.directions[rangeField]!;
  const scans: Scan[] = [];
  for (const prefix of prefixes) {
    const intervals = direction === 1 ? rangeIntervals : [...rangeIntervals].reverse();
    for (const interval of intervals) scans.push(scanOf(index, prefix, interval, direction));
  }
  if (backward) scans.reverse();
  const conditionsCovered = [...conjunction.fields.keys()].every((path) => index.fields.includes(path));
  return {
    kind: 'index',
    index,
    scans,
    backward,
    keyFilters,
    bounds,
    estimate: scans.reduce((sum, scan) => sum + index.keys.countBetween(scan.from, scan.to), 0),
    providesSort: sort !== undefined && order !== undefined,
    exact:
      conditionsCovered &&
      conjunction.ors.length === 0 &&
      !conjunction.other &&
      !index.multikey &&
      bounds.every((field) => field.exact),
  };
}

const holdsNull = (interval: Interval): boolean =>
  interval.low instanceof KeyBound ? interval.low.rank <= 2 : interval.low === null;

/**
 * 1 or -1 when scanning the index (forward or backward) yields the sort order within each scan of the
 * fixed point prefix; undefined when it cannot. Prefix fields are constant within a scan, so the sort may
 * name them anywhere; the remaining sort fields must follow the prefix in the index, all in the index's
 * direction or all against it.
 */
function sortOrder(index: Index, fixed: number, sort: SortSpec | undefined): 1 | -1 | undefined {
  if (!sort || sort.length === 0 || index.multikey) return undefined;
  const rest = sort.filter(([path]) => !index.fields.slice(0, fixed).includes(path));
  if (!sort.every(([path]) => index.fields.includes(path))) return undefined;
  let sign: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const [path, direction] = rest[i]!;
    if (index.fields[fixed + i] !== path) return undefined;
    const relative = direction * index.directions[fixed + i]!;
    if (sign === undefined) sign = relative;
    else if (sign !== relative) return undefined;
  }
  return sign === -1 ? -1 : 1;
}

/** Index positions of one scan: `prefix` equal, then `interval` (value order) on the next field. */
function scanOf(
  index: Index,
  prefix: readonly unknown[],
  interval: Interval | undefined,
  direction: number,
): Scan {
  const keys = index.keys;
  if (!interval) return { from: keys.seek(prefix), to: keys.seekAfter(prefix), prefix, interval };
  // In index order a descending field starts at the interval's high end.
  const [start, startInclusive, end, endInclusive] =
    direction === 1
      ? [interval.low, interval.lowInclusive, interval.high, interval.highInclusive]
      : [interval.high, interval.highInclusive, interval.low, interval.lowInclusive];
  const from = startInclusive ? keys.seek([...prefix, start]) : keys.seekAfter([...prefix, start]);
  const to = endInclusive ? keys.seekAfter([...prefix, end]) : keys.seek([...prefix, end]);
  return { from, to, prefix, interval };
}

function idValues(condition: unknown): unknown[] | undefined {
  const usable = (value: unknown) =>
    value !== undefined && !Array.isArray(value) && !(value instanceof RegExp) && !isOperatorObject(value);
  if (condition === undefined) return undefined;
  if (isOperatorObject(condition)) {
    const keys = Object.keys(condition);
    if (keys.length !== 1) return undefined;
    if (keys[0] === '$eq' && usable(condition.$eq)) return [condition.$eq];
    if (keys[0] === '$in' && Array.isArray(condition.$in) && condition.$in.every(usable))
      return condition.$in;
    return undefined;
  }
  return usable(condition) ? [condition] : undefined;
}
