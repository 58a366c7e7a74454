/**
 * Plans described the way MongoDB's `explain` describes them (`winningPlan` stage trees with IXSCAN,
 * FETCH, SORT_MERGE, OR, SORT, SKIP, LIMIT, COUNT_SCAN, COLLSCAN and IDHACK), so a test or benchmark can
 * check a query's plan against the embedded server and a real mongod alike.
 */
import type { Interval } from './bounds.js';
import type { CountOutcome, QueryOutcome, QueryRequest } from './execute.js';
import type { IndexPlan, Plan, Scan } from './planner.js';
import { HIGHEST, KeyBound, LOWEST } from './sorted-keys.js';
import type { Doc } from './values.js';

const BRACKET_EDGES: Record<number, [string, string]> = {
  3: ['-inf.0', 'inf.0'],
  4: ['""', '{}'],
  10: ['new Date(-9223372036854775808)', 'new Date(9223372036854775807)'],
};

function formatEdge(value: unknown): string {
  if (value === LOWEST) return 'MinKey';
  if (value === HIGHEST) return 'MaxKey';
  if (value instanceof KeyBound)
    return BRACKET_EDGES[value.rank]?.[value.high ? 1 : 0] ?? (value.high ? 'MaxKey' : 'MinKey');
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const formatInterval = (interval: Interval) =>
  `${interval.lowInclusive ? '[' : '('}${formatEdge(interval.low)}, ${formatEdge(interval.high)}${interval.highInclusive ? ']' : ')'}`;

function indexScan(plan: IndexPlan, scans: readonly Scan[] | undefined): Doc {
  const { index } = plan;
  const bounds: Doc = {};
  index.fields.forEach((field, position) => {
    const single = scans?.[0];
    if (single && position < single.prefix.length) {
      const value = formatEdge(single.prefix[position]);
      bounds[field] = [`[${value}, ${value}]`];
    } else if (single && position === single.prefix.length && single.interval)
      bounds[field] = [formatInterval(single.interval)];
    else bounds[field] = plan.bounds[position]!.intervals.map(formatInterval);
  });
  return {
    stage: 'IXSCAN',
    keyPattern: index.spec.key,
    indexName: index.name,
    isMultiKey: index.multikey,
    isUnique: index.unique,
    isSparse: index.sparse,
    isPartial: index.partialFilter,
    indexVersion: 2,
    direction: plan.backward ? 'backward' : 'forward',
    indexBounds: bounds,
  };
}

function describe(plan: Plan, request: QueryRequest, fetch: boolean): Doc {
  const filter = request.filter ?? {};
  switch (plan.kind) {
    case 'collscan':
      return { stage: 'COLLSCAN', filter, direction: 'forward' };
    case 'id':
      return { stage: 'IDHACK' };
    case 'or':
      return plan.providesSort
        ? {
            stage: 'SORT_MERGE',
            sortPattern: sortPattern(request),
            inputStages: plan.branches.map((branch) => describe(branch, request, true)),
          }
        : { stage: 'OR', inputStages: plan.branches.map((branch) => describe(branch, request, true)) };
    case 'index': {
      const merged = plan.providesSort && plan.scans.length > 1;
      const input = merged
        ? {
            stage: 'SORT_MERGE',
            sortPattern: sortPattern(request),
            inputStages: plan.scans.map((scan) => indexScan(plan, [scan])),
          }
        : indexScan(plan, undefined);
      return fetch ? { stage: 'FETCH', ...(plan.exact ? {} : { filter }), inputStage: input } : input;
    }
  }
}

function sortPattern(request: QueryRequest): Doc {
  return Object.fromEntries(request.sort ?? []);
}

/** The winning plan of a find (or a leading aggregation query). */
export function findPlanTree(outcome: QueryOutcome, request: QueryRequest): Doc {
  let tree = describe(outcome.plan, request, true);
  if (outcome.sortedInMemory) {
    tree = {
      stage: 'SORT',
      sortPattern: sortPattern(request),
      memLimit: 104857600,
      ...(request.limit ? { limitAmount: (request.skip ?? 0) + request.limit } : {}),
      type: 'simple',
      inputStage: tree,
    };
  }
  if (request.skip) tree = { stage: 'SKIP', skipAmount: request.skip, inputStage: tree };
  if (request.limit) tree = { stage: 'LIMIT', limitAmount: request.limit, inputStage: tree };
  return tree;
}

export function rejectedPlanTrees(outcome: QueryOutcome, request: QueryRequest): Doc[] {
  return outcome.rejected.map((plan) => describe(plan, request, true));
}

export function countPlanTree(outcome: CountOutcome, request: QueryRequest): Doc {
  const { plan } = outcome;
  const input =
    outcome.keysOnly && plan.kind === 'index'
      ? { ...indexScan(plan, undefined), stage: 'COUNT_SCAN' }
      : describe(plan, request, true);
  return {
    stage: 'COUNT',
    ...(request.skip ? { skipAmount: request.skip } : {}),
    ...(request.limit ? { limitAmount: request.limit } : {}),
    inputStage: input,
  };
}
