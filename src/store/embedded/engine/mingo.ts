/**
 * The one mingo configuration the server uses. mingo supplies query, expression and aggregation
 * semantics; this context removes what the server refuses (server-side JavaScript, `$out`/`$merge`,
 * `$jsonSchema`) and replaces the operators whose mingo versions differ from MongoDB: `$type` (mingo
 * cannot tell int from double, or see ObjectIds), `$sort` (mingo's mixed-type order differs from
 * BSON's), `$count` (mingo counts an empty input as zero instead of producing nothing), `$bucket`,
 * range operators against null, the `$push`/`$addToSet` accumulators, and equality with embedded
 * documents, which MongoDB compares field by field in order (document-equality.ts).
 */
import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import { type Iterator, Lazy } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { AnyObject, CollectionResolver, Options } from 'mingo/types';
import { MingoError } from 'mingo/util';
import { badValue, MongoCommandError } from '../errors.js';
import { compareValues } from './compare.js';
import {
  exactExpressionOperators,
  exactGroup,
  exactQueryOperators,
  exactUnique,
} from './document-equality.js';
import { valuesAtPath } from './paths.js';
import { parseSort, sortDocuments } from './sort.js';
import { BSON_TYPE_NUMBERS, bsonTypeName, type Doc, isPlainObject } from './values.js';
import { sourceOf } from './view.js';

const NUMBER_TYPES = new Set(['int', 'long', 'double', 'decimal']);
const TYPE_NAMES_BY_NUMBER = new Map(Object.entries(BSON_TYPE_NUMBERS).map(([name, code]) => [code, name]));

function parseTypeAlias(alias: unknown): string {
  if (typeof alias === 'string') {
    if (alias === 'number' || alias in BSON_TYPE_NUMBERS) return alias;
    throw badValue(`Unknown type name alias: ${alias}`);
  }
  if (typeof alias === 'number' && TYPE_NAMES_BY_NUMBER.has(alias)) return TYPE_NAMES_BY_NUMBER.get(alias)!;
  throw badValue(`Invalid numerical type code: ${String(alias)}`);
}

function matchesType(value: unknown, wanted: ReadonlySet<string>): boolean {
  const name = bsonTypeName(value);
  if (name === undefined) return false;
  return wanted.has(name) || (wanted.has('number') && NUMBER_TYPES.has(name));
}

/** `$type` evaluated on the stored document, where the numeric types are still known. */
function $type(selector: string, value: unknown): (doc: AnyObject) => boolean {
  const aliases = Array.isArray(value) ? value : [value];
  if (aliases.length === 0) throw badValue(`${selector} must match at least one type`);
  const wanted = new Set(aliases.map(parseTypeAlias));
  // An array value matches 'array' itself, or through any of its elements.
  return (doc) =>
    valuesAtPath(sourceOf(doc), selector, false).some(
      (candidate) =>
        matchesType(candidate, wanted) ||
        (Array.isArray(candidate) && candidate.some((item) => matchesType(item, wanted))),
    );
}

type QueryOperatorFactory = (
  selector: string,
  value: unknown,
  options: Options,
) => (doc: AnyObject) => boolean;

/**
 * Range operators against null: MongoDB's `$gte`/`$lte` null match what `{$eq: null}` matches (null or
 * missing), and `$gt`/`$lt` null match nothing; mingo's type bracketing never matches a missing field.
 */
function nullAwareRange(base: QueryOperatorFactory, inclusive: boolean): QueryOperatorFactory {
  return (selector, value, options) => {
    if (value !== null) return base(selector, value, options);
    if (inclusive) return (queryOperators.$eq as QueryOperatorFactory)(selector, null, options);
    return () => false;
  };
}

/** `$sort` with MongoDB's BSON ordering instead of mingo's. */
function $sort(collection: Iterator, spec: unknown): Iterator {
  const parsed = parseSort(spec);
  return collection.transform((docs: unknown[]) => Lazy(sortDocuments(docs as Doc[], parsed)));
}

/** `$count` that, as in MongoDB, outputs nothing for empty input (mingo outputs a zero count). */
function $count(collection: Iterator, field: unknown): Iterator {
  if (typeof field !== 'string' || field === '' || field.startsWith('$') || field.includes('.')) {
    throw badValue('the count field must be a non-empty string that does not start with $ or contain .');
  }
  return collection.transform((docs: unknown[]) => Lazy(docs.length ? [{ [field]: docs.length }] : []));
}

const NO_BUCKET = '\u0000embedded-mongo-no-bucket';

/**
 * `$bucket` as MongoDB defines it, a `$group` on the matching boundary followed by a sort (mingo's own
 * puts values equal to a boundary in the bucket below and outputs empty buckets).
 */
function $bucket(collection: Iterator, spec: unknown, options: Options): Iterator {
  if (!isPlainObject(spec) || !Array.isArray(spec.boundaries) || spec.boundaries.length < 2) {
    throw badValue("$bucket requires 'groupBy' and at least two 'boundaries'");
  }
  const bounds = spec.boundaries;
  for (let i = 1; i < bounds.length; i++) {
    if (compareValues(bounds[i - 1], bounds[i]) >= 0) {
      throw badValue("The 'boundaries' option to $bucket must be sorted in ascending order");
    }
  }
  const branches = bounds.slice(0, -1).map((lower, i) => ({
    case: { $and: [{ $gte: [spec.groupBy, lower] }, { $lt: [spec.groupBy, bounds[i + 1]] }] },
    // biome-ignore lint/suspicious/noThenProperty: a MongoDB $switch branch, not a thenable.
    then: lower,
  }));
  const group = {
    _id: {
      $switch: { branches, default: spec.default === undefined ? { $literal: NO_BUCKET } : spec.default },
    },
    ...((spec.output as Doc | undefined) ?? { count: { $sum: 1 } }),
  };
  const grouped = pipelineOperators.$group(collection, group, options).map((bucket: AnyObject) => {
    if (bucket._id === NO_BUCKET) {
      throw badValue('$bucket could not find a matching branch for an input, and no default was specified.');
    }
    return bucket;
  });
  return $sort(grouped, { _id: 1 });
}

/**
 * `$push`/`$addToSet` accumulators that skip missing values as MongoDB does (mingo pushes null). A
 * missing value is marked through mingo's `$type` expression, which reports it as 'missing'.
 */
const MISSING_MARK = '\u0000embedded-mongo-missing';

function $push(items: AnyObject[], expression: unknown, options: Options): unknown[] {
  if (expression === null || expression === undefined) return items;
  const marked = {
    $cond: [{ $eq: [{ $type: expression }, 'missing'] }, { $literal: MISSING_MARK }, expression],
  };
  return accumulatorOperators.$push(items, marked, options).filter((value) => value !== MISSING_MARK);
}

function $addToSet(items: AnyObject[], expression: unknown, options: Options): unknown[] {
  return exactUnique($push(items, expression, options));
}

/** mingo stages left out: they write to collections, need scripting, or differ from MongoDB. */
export const REFUSED_STAGES = [
  '$out',
  '$merge',
  '$bucketAuto',
  '$setWindowFields',
  '$redact',
  '$densify',
  '$fill',
];

const { $where: _where, $jsonSchema: _jsonSchema, ...supportedQueryOperators } = queryOperators;
const { $function: _function, ...supportedExpressionOperators } = expressionOperators;
const { $accumulator: _accumulator, ...supportedAccumulators } = accumulatorOperators;
const supportedStages = Object.fromEntries(
  Object.entries(pipelineOperators).filter(([name]) => !REFUSED_STAGES.includes(name)),
);

const context = Context.init({
  query: {
    ...supportedQueryOperators,
    $type: $type as never,
    $gt: nullAwareRange(queryOperators.$gt as QueryOperatorFactory, false) as never,
    $gte: nullAwareRange(queryOperators.$gte as QueryOperatorFactory, true) as never,
    $lt: nullAwareRange(queryOperators.$lt as QueryOperatorFactory, false) as never,
    $lte: nullAwareRange(queryOperators.$lte as QueryOperatorFactory, true) as never,
    ...(exactQueryOperators as unknown as Record<string, never>),
  },
  expression: {
    ...supportedExpressionOperators,
    ...(exactExpressionOperators as unknown as Record<string, never>),
  },
  accumulator: { ...supportedAccumulators, $push: $push as never, $addToSet: $addToSet as never },
  pipeline: {
    ...supportedStages,
    $sort: $sort as never,
    $count: $count as never,
    $bucket: $bucket as never,
    $group: exactGroup as never,
  },
  projection: projectionOperators,
  window: windowOperators,
});

export const mingoOperatorNames = {
  query: new Set(Object.keys(supportedQueryOperators).concat('$type')),
  expression: new Set(Object.keys(supportedExpressionOperators)),
  accumulator: new Set(Object.keys(supportedAccumulators)),
  stage: new Set(Object.keys(supportedStages)),
  window: new Set(Object.keys(windowOperators)),
  projection: new Set(Object.keys(projectionOperators)),
};

export interface EvaluationOptions {
  variables?: Doc;
  collectionResolver?: CollectionResolver;
}

function options(extra: EvaluationOptions = {}): Options {
  return { context, scriptEnabled: false, useStrictMode: true, ...extra } as Options;
}

/** Runs mingo, reporting its errors as MongoDB BadValue errors (they name the offending operator). */
export function withMingoErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MongoCommandError) throw error;
    if (error instanceof MingoError || error instanceof Error) throw badValue(error.message);
    throw error;
  }
}

export function createQuery(filter: Doc, extra?: EvaluationOptions): Query {
  return withMingoErrors(() => new Query(filter, options(extra)));
}

export function createAggregator(pipeline: Doc[], extra?: EvaluationOptions): Aggregator {
  return new Aggregator(pipeline, options(extra));
}

/** Evaluates one aggregation expression against a (view) document. */
export function evaluateExpression(doc: Doc, expression: unknown, extra?: EvaluationOptions): unknown {
  return withMingoErrors(() => evalExpr(doc, expression, options(extra)));
}
