/**
 * Aggregation pipelines. Leading `$match`/`$sort`/`$skip`/`$limit` stages run here on the stored
 * documents (using indexes for an initial `$match`, and keeping exact numeric types when the pipeline
 * is nothing more); the remaining stages run in mingo on numeric views of the documents.
 */
import { badValue, ErrorCode, MongoCommandError, notSupported } from '../errors.js';
import type { Catalog } from './catalog.js';
import type { Collection } from './collection.js';
import { countQuery, type QueryRequest, runQuery } from './execute.js';
import { validateStageArgument } from './expressions.js';
import { compileFilter, validateFilter } from './filter.js';
import { createAggregator, mingoOperatorNames, REFUSED_STAGES, withMingoErrors } from './mingo.js';
import { parseSort, type SortSpec, sortDocuments } from './sort.js';
import { cloneValue, type Doc, isPlainObject, numericKind, toJsNumber } from './values.js';
import { toView, viewOf } from './view.js';

const UNSUPPORTED_STAGES = new Set([
  ...REFUSED_STAGES,
  '$changeStream',
  '$changeStreamSplitLargeEvent',
  '$collStats',
  '$indexStats',
  '$currentOp',
  '$listSessions',
  '$listLocalSessions',
  '$planCacheStats',
  '$geoNear',
  '$search',
  '$searchMeta',
  '$vectorSearch',
  '$listSearchIndexes',
  '$queryStats',
]);

export type Stage = readonly [name: string, argument: unknown];

export function parsePipeline(pipeline: unknown[], collectionless: boolean): Stage[] {
  return pipeline.map((stage, position) => {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
      throw new MongoCommandError(
        ErrorCode.PipelineStageNotSingleField,
        'A pipeline stage specification object must contain exactly one field.',
      );
    }
    const [name, argument] = Object.entries(stage)[0]!;
    validateStage(name, toView(argument), position === 0 && collectionless);
    return [name, argument] as const;
  });
}

function validateStage(name: string, argument: unknown, mayProvideDocuments: boolean): void {
  if (UNSUPPORTED_STAGES.has(name)) throw notSupported(`the aggregation stage ${name}`);
  if (!mingoOperatorNames.stage.has(name)) {
    throw new MongoCommandError(
      ErrorCode.UnrecognizedPipelineStage,
      `Unrecognized pipeline stage name: '${name}'`,
    );
  }
  switch (name) {
    case '$match':
      if (!isPlainObject(argument)) throw badValue('the match filter must be an expression in an object');
      validateFilter(argument);
      return;
    case '$sort':
      parseSort(argument);
      return;
    case '$limit':
    case '$skip': {
      const n = numericKind(argument) ? toJsNumber(argument) : Number.NaN;
      if (!Number.isInteger(n) || n < (name === '$limit' ? 1 : 0)) {
        throw badValue(`invalid argument to ${name} stage: ${String(argument)}`);
      }
      return;
    }
    case '$documents':
      if (!mayProvideDocuments) {
        throw badValue(
          '$documents is only valid as the first stage of a collection-less aggregate ({aggregate: 1})',
        );
      }
      validateStageArgument(argument);
      return;
    case '$facet':
      if (!isPlainObject(argument)) throw badValue('$facet requires an object');
      for (const sub of Object.values(argument)) {
        if (!Array.isArray(sub)) throw badValue('$facet sub-pipelines must be arrays');
        parsePipeline(sub, false);
      }
      return;
    case '$lookup':
    case '$unionWith':
      validateJoin(name, argument);
      return;
    case '$graphLookup':
      if (isPlainObject(argument) && isPlainObject(argument.restrictSearchWithMatch)) {
        validateFilter(argument.restrictSearchWithMatch);
      }
      validateStageArgument({ ...(argument as Doc), restrictSearchWithMatch: undefined });
      return;
    default:
      validateStageArgument(argument);
  }
}

function validateJoin(name: string, argument: unknown): void {
  const spec = name === '$unionWith' && typeof argument === 'string' ? { coll: argument } : argument;
  if (!isPlainObject(spec)) throw badValue(`${name} requires an object`);
  const from = name === '$lookup' ? spec.from : spec.coll;
  if (from !== undefined && typeof from !== 'string') throw notSupported(`${name} from another database`);
  const { pipeline, ...rest } = spec;
  if (pipeline !== undefined) {
    if (!Array.isArray(pipeline)) throw badValue(`${name}.pipeline must be an array`);
    parsePipeline(pipeline, from === undefined);
  }
  validateStageArgument(rest);
}

export interface PipelineInput {
  readonly catalog: Catalog;
  readonly database: string;
  /** Undefined for `{aggregate: 1}` and for collections that do not exist. */
  readonly collection: Collection | undefined;
  readonly variables?: Doc | undefined;
  /** From `maxTimeMS`: epoch milliseconds after which the command fails. */
  readonly deadline?: number | undefined;
}

const NATIVE_STAGES = new Set(['$match', '$sort', '$skip', '$limit']);

/**
 * A leading `$match`, then at most one `$sort`, `$skip` and `$limit` in that order, become one planned
 * query (indexes, sorted scans, early stop); a count (`$group` of a constant `_id` summing 1, as drivers'
 * countDocuments sends) right after them is answered without materialising the documents.
 */
export interface LeadingQuery {
  readonly request: QueryRequest;
  /** The first stage the query does not cover. */
  readonly position: number;
  /** Set when the only stage after the query counts its documents. */
  readonly count: ((n: number) => Doc) | undefined;
}

export function leadingQuery(input: PipelineInput, stages: readonly Stage[]): LeadingQuery {
  const request: { filter?: Doc; sort?: SortSpec; skip?: number; limit?: number } = {};
  let position = 0;
  if (stages[0]?.[0] === '$match') {
    request.filter = stages[0][1] as Doc;
    position = 1;
  }
  if (stages[position]?.[0] === '$sort') request.sort = parseSort(stages[position++]![1]);
  if (stages[position]?.[0] === '$skip') request.skip = toJsNumber(stages[position++]![1]);
  if (stages[position]?.[0] === '$limit') request.limit = toJsNumber(stages[position++]![1]);
  const count = position === stages.length - 1 ? countGroup(stages[position]!) : undefined;
  return { request: { ...request, variables: input.variables, deadline: input.deadline }, position, count };
}

export function runPipeline(input: PipelineInput, stages: readonly Stage[]): Doc[] {
  const { collection } = input;
  let docs: Doc[] = [];
  let position = 0;
  if (collection) {
    const leading = leadingQuery(input, stages);
    if (leading.count) {
      const { n } = countQuery(collection, leading.request);
      return n === 0 ? [] : [leading.count(n)];
    }
    docs = runQuery(collection, leading.request).docs;
    for (
      position = leading.position;
      position < stages.length && NATIVE_STAGES.has(stages[position]![0]);
      position++
    ) {
      docs = runNativeStage(docs, stages[position]!, input.variables);
    }
  }
  if (position === stages.length) return docs;
  const resolveCollection = (name: string) =>
    [...(input.catalog.collection(input.database, name)?.documents() ?? [])].map((doc) =>
      cloneValue(viewOf(doc)),
    );
  const aggregator = createAggregator(
    stages.slice(position).map(([name, argument]) => ({ [name]: toView(argument) })),
    { variables: input.variables, collectionResolver: resolveCollection },
  );
  return withMingoErrors(() => aggregator.run(docs.map((doc) => cloneValue(viewOf(doc)))) as Doc[]);
}

/** `{$group: {_id: <constant>, n: {$sum: 1}, …}}`: the document it outputs for a count. */
function countGroup([name, argument]: Stage): ((n: number) => Doc) | undefined {
  if (name !== '$group' || !isPlainObject(argument) || !('_id' in argument)) return undefined;
  const { _id: id, ...accumulators } = argument;
  const constant = id === null || typeof id === 'number' || (typeof id === 'string' && !id.startsWith('$'));
  const counts = Object.values(accumulators).every(
    (value) => isPlainObject(value) && Object.keys(value).length === 1 && value.$sum === 1,
  );
  if (!constant || !counts) return undefined;
  return (n) => ({ _id: id, ...Object.fromEntries(Object.keys(accumulators).map((key) => [key, n])) });
}

function runNativeStage(docs: Doc[], [name, argument]: Stage, variables: Doc | undefined): Doc[] {
  switch (name) {
    case '$match': {
      const matcher = compileFilter(argument as Doc, { variables });
      return docs.filter((doc) => matcher.test(doc));
    }
    case '$sort':
      return sortDocuments(docs, parseSort(argument));
    case '$skip':
      return docs.slice(toJsNumber(argument));
    default:
      return docs.slice(0, toJsNumber(argument));
  }
}
