/**
 * `explain` of find, count and aggregate, in MongoDB's reply shape: `queryPlanner.winningPlan` (and
 * `rejectedPlans`), plus `executionStats` (keys and documents examined, documents returned) for the
 * verbosities that execute. Explaining any other command is refused.
 */
import { leadingQuery, parsePipeline } from '../engine/aggregate.js';
import { countQuery, type QueryRequest, runQuery } from '../engine/execute.js';
import { countPlanTree, findPlanTree, rejectedPlanTrees } from '../engine/explain.js';
import { checkHint, deadlineOf } from '../engine/query.js';
import type { Doc } from '../engine/values.js';
import { badValue, notSupported } from '../errors.js';
import { aggregate } from './aggregate.js';
import { CommandArgs } from './args.js';
import type { CommandContext, CommandDefinition } from './context.js';
import { count, countRequest, find, findRequest } from './read.js';

const VERBOSITIES = ['queryPlanner', 'executionStats', 'allPlansExecution'];

interface Explained {
  readonly namespace: string;
  readonly filter: Doc | undefined;
  readonly winningPlan: Doc;
  readonly rejectedPlans: Doc[];
  readonly nReturned: number;
  readonly keysExamined: number;
  readonly docsExamined: number;
  readonly millis: number;
  /** Aggregation stages after the planned query, reported as MongoDB reports them after `$cursor`. */
  readonly laterStages?: Doc[];
}

function explainQuery(
  context: CommandContext,
  collectionName: string,
  request: QueryRequest,
  counting?: boolean,
): Explained {
  const collection = context.state.catalog.collection(context.database, collectionName);
  const started = Date.now();
  const base = { namespace: `${context.database}.${collectionName}`, filter: request.filter };
  if (counting) {
    const outcome = countQuery(collection, request);
    return {
      ...base,
      winningPlan: countPlanTree(outcome, request),
      rejectedPlans: [],
      nReturned: outcome.n,
      keysExamined: outcome.stats.keysExamined,
      docsExamined: outcome.stats.docsExamined,
      millis: Date.now() - started,
    };
  }
  const outcome = runQuery(collection, request);
  return {
    ...base,
    winningPlan: findPlanTree(outcome, request),
    rejectedPlans: rejectedPlanTrees(outcome, request),
    nReturned: outcome.docs.length,
    keysExamined: outcome.stats.keysExamined,
    docsExamined: outcome.stats.docsExamined,
    millis: Date.now() - started,
  };
}

function innerArgs(inner: Doc, definition: CommandDefinition): CommandArgs {
  const name = Object.keys(inner)[0] ?? '';
  const args = new CommandArgs(name, inner);
  args.checkOptions(definition.options, definition.unsupported);
  return args;
}

function explainInner(inner: Doc, context: CommandContext): Explained {
  const name = Object.keys(inner)[0];
  const collectionOf = (args: CommandArgs) => {
    checkHint(context.state.catalog.collection(context.database, args.collectionName()), args.doc.hint);
    return args.collectionName();
  };
  switch (name) {
    case 'find': {
      const args = innerArgs(inner, find);
      return explainQuery(context, collectionOf(args), findRequest(args));
    }
    case 'count': {
      const args = innerArgs(inner, count);
      return explainQuery(context, collectionOf(args), countRequest(args), true);
    }
    case 'aggregate': {
      const args = innerArgs(inner, aggregate);
      const stages = parsePipeline(args.requiredArray('pipeline'), false);
      const collectionName = collectionOf(args);
      const input = {
        catalog: context.state.catalog,
        database: context.database,
        collection: context.state.catalog.collection(context.database, collectionName),
        variables: args.document('let'),
        deadline: deadlineOf(args.doc.maxTimeMS),
      };
      const leading = leadingQuery(input, stages);
      const explained = explainQuery(context, collectionName, leading.request, leading.count !== undefined);
      const later = stages.slice(leading.position).map(([stage, argument]) => ({ [stage]: argument }));
      return later.length ? { ...explained, laterStages: later } : explained;
    }
    default:
      throw notSupported(`explain of '${name ?? ''}'`);
  }
}

export const explain: CommandDefinition = {
  options: ['verbosity'],
  run(args, context) {
    const inner = args.document('explain');
    if (!inner) throw badValue('explain needs a command document');
    const verbosity = args.string('verbosity') ?? 'allPlansExecution';
    if (!VERBOSITIES.includes(verbosity))
      throw badValue(`verbosity string must be one of ${VERBOSITIES.join(', ')}`);
    const result = explainInner(inner, context);
    const queryPlanner = {
      namespace: result.namespace,
      parsedQuery: result.filter ?? {},
      indexFilterSet: false,
      winningPlan: result.winningPlan,
      rejectedPlans: result.rejectedPlans,
    };
    const executionStats =
      verbosity === 'queryPlanner'
        ? undefined
        : {
            executionSuccess: true,
            nReturned: result.nReturned,
            executionTimeMillis: result.millis,
            totalKeysExamined: result.keysExamined,
            totalDocsExamined: result.docsExamined,
            executionStages: { ...result.winningPlan, nReturned: result.nReturned },
          };
    const planner = { queryPlanner, ...(executionStats ? { executionStats } : {}) };
    const body = result.laterStages ? { stages: [{ $cursor: planner }, ...result.laterStages] } : planner;
    return {
      explainVersion: '1',
      ...body,
      command: inner,
      serverInfo: { host: 'embedded', version: '7.0.0' },
    };
  },
};
