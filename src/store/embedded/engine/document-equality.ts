/**
 * Equality with embedded documents as MongoDB defines it: two documents are equal only with the same
 * fields in the same order (BSON comparison), so `{d: {b: 2, a: 1}}` does not match a stored
 * `{d: {a: 1, b: 2}}`. mingo compares documents regardless of field order; these replace its `$eq`,
 * `$ne`, `$in`, `$nin` and `$all` query operators, the `$eq`/`$ne`/`$in` expressions and the `$addToSet`
 * accumulator whenever a comparand holds an embedded document, and `$group` refuses keys that differ only
 * in field order. Comparands without documents keep mingo's semantics.
 */
import { evalExpr } from 'mingo/core';
import { type Iterator, Lazy } from 'mingo/lazy';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as queryOperators from 'mingo/operators/query';
import type { AnyObject, Options } from 'mingo/types';
import { notSupported } from '../errors.js';
import { canonicalKey, compareValues } from './compare.js';
import { valuesAtPath } from './paths.js';
import { isPlainObject } from './values.js';

type Predicate = (doc: AnyObject) => boolean;
type QueryOperator = (selector: string, value: unknown, options: Options) => Predicate;
type ExpressionOperator = (doc: AnyObject, expression: unknown, options: Options) => unknown;

/** Whether a value is or holds (in an array) an embedded document. */
function holdsDocument(value: unknown): boolean {
  if (isPlainObject(value)) return true;
  return Array.isArray(value) && value.some(holdsDocument);
}

/** A field matches a value when the field, or any element of an array it is, equals the value. */
function fieldEquals(selector: string, wanted: unknown): Predicate {
  return (doc) =>
    valuesAtPath(doc, selector, false).some(
      (value) =>
        compareValues(value, wanted) === 0 ||
        (Array.isArray(value) && value.some((item) => compareValues(item, wanted) === 0)),
    );
}

const base = queryOperators as unknown as Record<'$eq' | '$in' | '$all', QueryOperator>;

const $eq: QueryOperator = (selector, value, options) =>
  holdsDocument(value) ? fieldEquals(selector, value) : base.$eq(selector, value, options);

const $ne: QueryOperator = (selector, value, options) => {
  const equals = $eq(selector, value, options);
  return (doc) => !equals(doc);
};

/** `$in` with documents: exact matches for those, mingo's `$in` for the other values. */
const $in: QueryOperator = (selector, value, options) => {
  if (!Array.isArray(value) || !value.some(holdsDocument)) return base.$in(selector, value, options);
  const exact = value.filter(holdsDocument).map((entry) => fieldEquals(selector, entry));
  const rest = value.filter((entry) => !holdsDocument(entry));
  const others = rest.length ? base.$in(selector, rest, options) : () => false;
  return (doc) => exact.some((matches) => matches(doc)) || others(doc);
};

const $nin: QueryOperator = (selector, value, options) => {
  const within = $in(selector, value, options);
  return (doc) => !within(doc);
};

const isElemMatch = (entry: unknown) => isPlainObject(entry) && '$elemMatch' in entry;

/** `$all` with documents: each must be matched exactly; the other entries go to mingo's `$all`. */
const $all: QueryOperator = (selector, value, options) => {
  if (!Array.isArray(value)) return base.$all(selector, value, options);
  const documents = value.filter((entry) => holdsDocument(entry) && !isElemMatch(entry));
  if (documents.length === 0) return base.$all(selector, value, options);
  const exact = documents.map((entry) => fieldEquals(selector, entry));
  const rest = value.filter((entry) => !documents.includes(entry));
  const others = rest.length ? base.$all(selector, rest, options) : () => true;
  return (doc) => exact.every((matches) => matches(doc)) && others(doc);
};

export const exactQueryOperators = { $eq, $ne, $in, $nin, $all };

const baseExpressions = expressionOperators as unknown as Record<'$eq' | '$ne', ExpressionOperator>;

/** The expression `{$eq: [a, b]}` (and `$ne`), field-order exact when either side holds a document. */
function exactExpression(operator: '$eq' | '$ne'): ExpressionOperator {
  return (doc, expression, options) => {
    if (!Array.isArray(expression) || expression.length !== 2)
      return baseExpressions[operator](doc, expression, options);
    const [left, right] = evalExpr(doc, expression, options) as [unknown, unknown];
    if (!holdsDocument(left) && !holdsDocument(right)) {
      // Evaluated once: mingo compares the values as literals.
      return baseExpressions[operator](doc, [{ $literal: left }, { $literal: right }], options);
    }
    const equal = compareValues(left, right) === 0;
    return operator === '$eq' ? equal : !equal;
  };
}

/** The expression `{$in: [value, array]}`, field-order exact when a document is involved. */
const $inExpression: ExpressionOperator = (doc, expression, options) => {
  const base = (expressionOperators as unknown as Record<'$in', ExpressionOperator>).$in;
  if (!Array.isArray(expression) || expression.length !== 2) return base(doc, expression, options);
  const [value, list] = evalExpr(doc, expression, options) as [unknown, unknown];
  if (!Array.isArray(list) || (!holdsDocument(value) && !list.some(holdsDocument)))
    return base(doc, [{ $literal: value }, { $literal: list }], options);
  return list.some((item) => compareValues(item, value) === 0);
};

export const exactExpressionOperators = {
  $eq: exactExpression('$eq'),
  $ne: exactExpression('$ne'),
  $in: $inExpression,
};

/** A key equal for documents with the same fields in any order (how mingo groups). */
function looseKey(value: unknown): string {
  if (Array.isArray(value)) return `a${JSON.stringify(value.map(looseKey))}`;
  if (isPlainObject(value))
    return `O${JSON.stringify(
      Object.keys(value)
        .sort()
        .map((key) => [key, looseKey(value[key])]),
    )}`;
  return canonicalKey(value);
}

/**
 * `$group` refuses inputs whose group keys are documents differing only in field order: MongoDB makes a
 * group of each, mingo one of both, and the difference must not pass silently. Other inputs group in mingo.
 */
export function exactGroup(collection: Iterator, spec: unknown, options: Options): Iterator {
  return collection.transform((items: unknown[]) => {
    const idExpression = isPlainObject(spec) ? spec._id : undefined;
    const exactByLoose = new Map<string, string>();
    for (const item of items) {
      const key = evalExpr(item as AnyObject, idExpression, options);
      if (!holdsDocument(key)) continue;
      const [loose, exact] = [looseKey(key), canonicalKey(key)];
      const seen = exactByLoose.get(loose);
      if (seen !== undefined && seen !== exact)
        throw notSupported('$group by embedded documents that differ only in field order');
      exactByLoose.set(loose, exact);
    }
    return pipelineOperators.$group(Lazy(items), spec as never, options);
  });
}

/** Distinct values as MongoDB's `$addToSet` keeps them: documents compared field by field, in order. */
export function exactUnique(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = canonicalKey(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
