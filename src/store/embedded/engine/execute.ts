/**
 * Running a plan: index keys in order (exploded scans merged when they provide the sort), documents
 * fetched and tested against the whole filter, stopping as soon as a sorted plan has produced what the
 * limit asks for. A sorted plan whose filter turns out selective is raced against the cheapest unsorted
 * one: it may examine at most as many keys as that plan would read before the unsorted plan takes over,
 * so the planner's choice never costs more than about twice the cheapest plan.
 */
import { ErrorCode, MongoCommandError } from '../errors.js';
import type { FieldBounds, Interval } from './bounds.js';
import type { Collection } from './collection.js';
import { canonicalKey, compareValues } from './compare.js';
import { compileFilter, type Matcher } from './filter.js';
import { recordIdOf } from './indexes.js';
import { mergeSorted } from './merge.js';
import { candidatePlans, type IndexPlan, type OrPlan, type Plan, providesSort } from './planner.js';
import { type SortSpec, sortDocuments, sortKey } from './sort.js';
import { compareKeyPart, type IndexKey } from './sorted-keys.js';
import type { Doc } from './values.js';

export interface QueryRequest {
  readonly filter?: Doc | undefined;
  readonly sort?: SortSpec | undefined;
  readonly skip?: number | undefined;
  /** 0 or undefined: no limit. */
  readonly limit?: number | undefined;
  readonly variables?: Doc | undefined;
  /** Epoch milliseconds after which the query fails with MaxTimeMSExpired (from `maxTimeMS`). */
  readonly deadline?: number | undefined;
}

export interface QueryStats {
  keysExamined: number;
  docsExamined: number;
}

export interface QueryOutcome {
  readonly docs: Doc[];
  readonly plan: Plan;
  /** The plans tried and given up on (a sorted plan that exceeded its budget). */
  readonly rejected: Plan[];
  readonly stats: QueryStats;
  /** A blocking sort of the candidates was needed. */
  readonly sortedInMemory: boolean;
}

class Budget {
  private ticks = 0;
  constructor(
    readonly stats: QueryStats,
    private readonly deadline: number | undefined,
    /** Keys the plan may examine; beyond them it is abandoned. */
    readonly maxKeys = Number.POSITIVE_INFINITY,
  ) {}

  tick(): void {
    if (this.deadline !== undefined && (++this.ticks & 255) === 0 && Date.now() > this.deadline) {
      throw new MongoCommandError(ErrorCode.MaxTimeMSExpired, 'operation exceeded time limit');
    }
  }
}

class OverBudget extends Error {}

export function runQuery(collection: Collection | undefined, request: QueryRequest): QueryOutcome {
  const stats: QueryStats = { keysExamined: 0, docsExamined: 0 };
  const matcher = compileFilter(request.filter, { variables: request.variables });
  if (!collection) {
    return { docs: [], plan: { kind: 'collscan', estimate: 0 }, rejected: [], stats, sortedInMemory: false };
  }
  const plans = candidatePlans(collection, request.filter, request.sort);
  const unsorted = plans.find((plan) => !providesSort(plan))!;
  const sorted = request.sort ? plans.find(providesSort) : undefined;
  const wanted = request.limit ? (request.skip ?? 0) + request.limit : undefined;
  // A small unsorted candidate set is cheaper to sort than any race is to run.
  const race = wanted !== undefined && unsorted.estimate > Math.max(wanted, 100);
  if (sorted && (sorted.estimate <= unsorted.estimate || race)) {
    const budget = sorted.estimate <= unsorted.estimate ? Number.POSITIVE_INFINITY : unsorted.estimate;
    try {
      const docs = collect(collection, sorted, matcher, request, new Budget(stats, request.deadline, budget));
      return { docs, plan: sorted, rejected: [], stats, sortedInMemory: false };
    } catch (error) {
      if (!(error instanceof OverBudget)) throw error;
    }
    const docs = collect(collection, unsorted, matcher, request, new Budget(stats, request.deadline));
    return { docs, plan: unsorted, rejected: [sorted], stats, sortedInMemory: request.sort !== undefined };
  }
  const docs = collect(collection, unsorted, matcher, request, new Budget(stats, request.deadline));
  return { docs, plan: unsorted, rejected: [], stats, sortedInMemory: request.sort !== undefined };
}

function collect(
  collection: Collection,
  plan: Plan,
  matcher: Matcher,
  request: QueryRequest,
  budget: Budget,
): Doc[] {
  const skip = request.skip ?? 0;
  const wanted = request.limit ? skip + request.limit : Number.POSITIVE_INFINITY;
  const inOrder = !request.sort || providesSort(plan);
  if (!inOrder && plan.kind === 'or' && Number.isFinite(wanted)) {
    return topOfBranches(collection, plan, matcher, request, budget);
  }
  const matches: Doc[] = [];
  for (const doc of documents(collection, plan, request.sort, budget)) {
    if (!matcher.test(doc)) continue;
    matches.push(doc);
    if (inOrder && matches.length >= wanted) break;
  }
  const ordered = inOrder || !request.sort ? matches : sortDocuments(matches, request.sort);
  return skip || request.limit
    ? ordered.slice(skip, request.limit ? skip + request.limit : undefined)
    : ordered;
}

/**
 * An `$or` whose branches do not all provide the sort, with a limit: a branch that does provide it can
 * stop after `skip + limit` matches, since no later match of it can be among the first that many of the
 * union. The others are read whole; the union is then sorted. (The due-sweep's executions: the automatic
 * first runs come in start order, retries and expired leases do not.)
 */
function topOfBranches(
  collection: Collection,
  plan: OrPlan,
  matcher: Matcher,
  request: QueryRequest,
  budget: Budget,
): Doc[] {
  const skip = request.skip ?? 0;
  const wanted = skip + (request.limit ?? 0);
  const seen = new Set<string>();
  const matches: Doc[] = [];
  for (const branch of plan.branches) {
    let taken = 0;
    for (const doc of documents(collection, branch, request.sort, budget)) {
      if (!matcher.test(doc)) continue;
      const id = canonicalKey(doc._id);
      if (!seen.has(id)) {
        seen.add(id);
        matches.push(doc);
      }
      if (providesSort(branch) && ++taken >= wanted) break;
    }
  }
  return sortDocuments(matches, request.sort!).slice(skip, wanted);
}

export interface CountOutcome {
  readonly n: number;
  readonly plan: Plan;
  readonly stats: QueryStats;
  /** Counted from index keys alone. */
  readonly keysOnly: boolean;
}

/** How many documents match (after `skip`, at most `limit`): from the index keys when they are exact. */
export function countQuery(collection: Collection | undefined, request: QueryRequest): CountOutcome {
  const stats: QueryStats = { keysExamined: 0, docsExamined: 0 };
  const matcher = compileFilter(request.filter, { variables: request.variables });
  if (!collection) return { n: 0, plan: { kind: 'collscan', estimate: 0 }, stats, keysOnly: false };
  const plans = candidatePlans(collection, request.filter, undefined);
  const plan =
    plans.find(
      (candidate) =>
        candidate.kind === 'index' && candidate.exact && candidate.estimate <= plans[0]!.estimate,
    ) ?? plans[0]!;
  const skip = request.skip ?? 0;
  const wanted = request.limit ? skip + request.limit : Number.POSITIVE_INFINITY;
  const budget = new Budget(stats, request.deadline);
  let matched = 0;
  const keysOnly = plan.kind === 'index' && plan.exact;
  if (keysOnly && plan.keyFilters.length === 0) {
    matched = Math.min(plan.estimate, wanted);
    stats.keysExamined = matched;
  } else if (keysOnly) {
    for (const _key of indexKeys(plan, undefined, budget)) if (++matched >= wanted) break;
  } else {
    for (const doc of documents(collection, plan, undefined, budget)) {
      if (matcher.test(doc) && ++matched >= wanted) break;
    }
  }
  const n = Math.max(0, Math.min(matched, wanted) - skip);
  return { n: request.limit ? Math.min(n, request.limit) : n, plan, stats, keysOnly };
}

/** The candidate documents of a plan, each once, in the plan's order. */
function* documents(
  collection: Collection,
  plan: Plan,
  sort: SortSpec | undefined,
  budget: Budget,
): Generator<Doc> {
  const { stats } = budget;
  switch (plan.kind) {
    case 'collscan':
      for (const doc of collection.documents()) {
        budget.tick();
        stats.docsExamined += 1;
        yield doc;
      }
      return;
    case 'id':
      for (const key of plan.keys) {
        stats.keysExamined += 1;
        const doc = collection.byKey(key);
        if (!doc) continue;
        stats.docsExamined += 1;
        yield doc;
      }
      return;
    case 'index': {
      const width = plan.index.fields.length;
      const seen = plan.index.multikey ? new Set<unknown>() : undefined;
      for (const key of indexKeys(plan, sort, budget)) {
        const id = key[width + 1];
        if (seen) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        const doc = collection.byKey(id as string);
        if (!doc) continue;
        stats.docsExamined += 1;
        yield doc;
      }
      return;
    }
    case 'or': {
      const streams = plan.branches.map((branch) => documents(collection, branch, sort, budget));
      const merged: Iterable<Doc> =
        plan.providesSort && sort ? mergeSorted<Doc>(streams, documentOrder(sort)) : concat<Doc>(streams);
      const seen = new Set<string>();
      for (const doc of merged) {
        const id = canonicalKey(doc._id);
        if (seen.has(id)) continue;
        seen.add(id);
        yield doc;
      }
    }
  }
}

function* concat<T>(streams: Iterable<Iterable<T>>): Generator<T> {
  for (const stream of streams) yield* stream;
}

/** The keys of an index plan that pass its key filters, merged into sort order when the plan provides it. */
function* indexKeys(plan: IndexPlan, sort: SortSpec | undefined, budget: Budget): Generator<IndexKey> {
  const { index } = plan;
  const scanKeys = function* (from: IndexPlan['scans'][number]): Generator<IndexKey> {
    for (const key of index.keys.between(from.from, from.to, plan.backward)) {
      budget.tick();
      budget.stats.keysExamined += 1;
      if (budget.stats.keysExamined > budget.maxKeys) throw new OverBudget();
      if (plan.keyFilters.every(([position, bounds]) => withinBounds(key[position], bounds))) yield key;
    }
  };
  const streams = plan.scans.map(scanKeys);
  if (plan.providesSort && sort && streams.length > 1) {
    const positions = sort.map(([path, direction]) => [index.fields.indexOf(path), direction] as const);
    const width = index.fields.length;
    yield* mergeSorted(streams, (a, b) => {
      for (const [position, direction] of positions) {
        const order = compareValues(a[position], b[position]) * direction;
        if (order !== 0) return order;
      }
      return compareValues(a[width], b[width]);
    });
    return;
  }
  yield* concat(streams);
}

function documentOrder(sort: SortSpec): (a: Doc, b: Doc) => number {
  return (a, b) => {
    for (const [path, direction] of sort) {
      const order = compareValues(sortKey(a, path, direction), sortKey(b, path, direction)) * direction;
      if (order !== 0) return order;
    }
    return recordIdOf(a) - recordIdOf(b);
  };
}

function withinBounds(value: unknown, bounds: FieldBounds): boolean {
  return bounds.intervals.some((interval) => withinInterval(value, interval));
}

function withinInterval(value: unknown, interval: Interval): boolean {
  const low = compareKeyPart(value, interval.low);
  if (low < 0 || (low === 0 && !interval.lowInclusive)) return false;
  const high = compareKeyPart(value, interval.high);
  return high < 0 || (high === 0 && interval.highInclusive);
}
