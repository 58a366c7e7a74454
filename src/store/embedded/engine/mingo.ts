/**
 * The one mingo configuration the server uses. mingo supplies query, expression and aggregation
 * semantics; this context removes what the server refuses (server-side JavaScript, `$out`/`$merge`,
 * `$jsonSchema`) and replaces the two operators whose mingo versions do not follow BSON rules:
 * `$type` (mingo cannot tell int from double, or see ObjectIds) and `$sort` (mingo's mixed-type order
 * differs from BSON's).
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
import { valuesAtPath } from './paths.js';
import { parseSort, sortDocuments } from './sort.js';
import { BSON_TYPE_NUMBERS, bsonTypeName, type Doc } from './values.js';
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

/** `$sort` with MongoDB's BSON ordering instead of mingo's. */
function $sort(collection: Iterator, spec: unknown): Iterator {
  const parsed = parseSort(spec);
  return collection.transform((docs: unknown[]) => Lazy(sortDocuments(docs as Doc[], parsed)));
}

const { $where: _where, $jsonSchema: _jsonSchema, ...supportedQueryOperators } = queryOperators;
const { $function: _function, ...supportedExpressionOperators } = expressionOperators;
const { $accumulator: _accumulator, ...supportedAccumulators } = accumulatorOperators;
const { $out: _out, $merge: _merge, ...supportedStages } = pipelineOperators;

const context = Context.init({
  query: { ...supportedQueryOperators, $type: $type as never },
  expression: supportedExpressionOperators,
  accumulator: supportedAccumulators,
  pipeline: { ...supportedStages, $sort: $sort as never },
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
