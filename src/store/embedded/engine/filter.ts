/**
 * Query filters. mingo evaluates them, but only after this module has checked every operator against
 * what MongoDB accepts and what the server supports, because mingo alone would accept some things
 * MongoDB rejects and fail late (or not at all) on others.
 */
import { badValue, notSupported } from '../errors.js';
import { canonicalKey } from './compare.js';
import { validateExpression } from './expressions.js';
import { createQuery, type EvaluationOptions } from './mingo.js';
import { valuesAtPath } from './paths.js';
import { bsonTypeTag, type Doc, isPlainObject } from './values.js';
import { toView, viewOf } from './view.js';

export interface Matcher {
  test(doc: Doc): boolean;
}

const MATCH_ALL: Matcher = { test: () => true };

const LOGICAL = new Set(['$and', '$or', '$nor']);
const UNSUPPORTED_TOP_LEVEL = new Set(['$where', '$text', '$jsonSchema', '$sampleRate']);
/** Field-level operators whose arguments need no check beyond what mingo does itself. */
const PLAIN_FIELD_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$exists',
  '$type',
  '$bitsAllSet',
  '$bitsAllClear',
  '$bitsAnySet',
  '$bitsAnyClear',
]);
const UNSUPPORTED_FIELD_OPERATORS = new Set([
  '$near',
  '$nearSphere',
  '$geoWithin',
  '$geoIntersects',
  '$within',
  '$text',
  '$where',
]);

export function compileFilter(filter: Doc | undefined, options?: EvaluationOptions): Matcher {
  if (!filter || Object.keys(filter).length === 0) return MATCH_ALL;
  const view = toView(filter) as Doc;
  validateFilter(view);
  const { $comment: _comment, ...condition } = view;
  const keys = Object.keys(condition);
  if (keys.length === 0) return MATCH_ALL;
  if (keys.every((key) => isSimplePath(key) && isScalar(condition[key]))) return equalityMatcher(condition);
  const query = createQuery(condition, options);
  // mingo errors raised while matching surface through the command dispatcher as BadValue.
  return { test: (doc) => query.test(viewOf(doc)) };
}

const isSimplePath = (path: string) => !path.startsWith('$') && !/(^|\.)\d+(\.|$)/.test(path);

/** Values whose MongoDB equality is exactly equality of canonical keys. */
function isScalar(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return value instanceof Date || (bsonTypeTag(value) !== undefined && !(value instanceof RegExp));
}

/**
 * Plain field equalities (`{name: 'x', 'owner.id': id}`), the most common filters, without building a
 * mingo query: a field matches when any value it reaches (through arrays, as MongoDB does) has the same
 * canonical key; a missing field equals null.
 */
function equalityMatcher(condition: Doc): Matcher {
  const wanted = Object.entries(condition).map(([path, value]) => [path, canonicalKey(value)] as const);
  return {
    test: (doc) =>
      wanted.every(([path, key]) => valuesAtPath(doc, path).some((value) => canonicalKey(value) === key)),
  };
}

/** Throws a MongoDB-style error for anything the filter language does not allow. */
export function validateFilter(filter: Doc): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) validateTopLevelOperator(key, value);
    else validateFieldCondition(key, value);
  }
}

function validateTopLevelOperator(operator: string, value: unknown): void {
  if (LOGICAL.has(operator)) {
    if (!Array.isArray(value) || value.length === 0) throw badValue(`${operator} must be a nonempty array`);
    for (const clause of value) {
      if (!isPlainObject(clause)) throw badValue(`${operator}/$and/$or/$nor entries need to be full objects`);
      validateFilter(clause);
    }
    return;
  }
  if (operator === '$expr') {
    validateExpression(value);
    return;
  }
  if (operator === '$comment') return;
  if (UNSUPPORTED_TOP_LEVEL.has(operator)) throw notSupported(`the query operator ${operator}`);
  throw badValue(
    `unknown top level operator: ${operator}. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.`,
  );
}

/** An object value whose first key starts with '$' is an operator expression, otherwise a literal. */
export function isOperatorObject(value: unknown): value is Doc {
  if (!isPlainObject(value)) return false;
  const first = Object.keys(value)[0];
  return first?.startsWith('$') === true && first !== '$ref' && first !== '$id';
}

function validateFieldCondition(path: string, condition: unknown): void {
  if (path === '') throw badValue('empty field names are not allowed in a query');
  if (!isOperatorObject(condition)) return;
  for (const [operator, argument] of Object.entries(condition)) {
    validateFieldOperator(path, operator, argument, condition);
  }
}

function validateFieldOperator(path: string, operator: string, argument: unknown, condition: Doc): void {
  switch (operator) {
    case '$in':
    case '$nin':
    case '$all':
      if (!Array.isArray(argument)) throw badValue(`${operator} needs an array`);
      for (const item of argument) {
        if (operator !== '$all' && isOperatorObject(item)) throw badValue(`cannot nest $ under ${operator}`);
        if (operator === '$all' && isPlainObject(item) && '$elemMatch' in item) {
          validateFieldOperator(path, '$elemMatch', item.$elemMatch, item);
        }
      }
      return;
    case '$elemMatch':
      if (!isPlainObject(argument)) throw badValue('$elemMatch needs an Object');
      if (isOperatorObject(argument)) validateFieldCondition(path, argument);
      else validateFilter(argument);
      return;
    case '$not':
      if (argument instanceof RegExp) return;
      if (!isPlainObject(argument)) throw badValue('$not needs a regex or a document');
      if (Object.keys(argument).length === 0) throw badValue('$not cannot be empty');
      if (!isOperatorObject(argument)) throw badValue(`unknown operator: ${Object.keys(argument)[0]}`);
      validateFieldCondition(path, argument);
      return;
    case '$regex':
      if (typeof argument !== 'string' && !(argument instanceof RegExp))
        throw badValue('$regex has to be a string');
      return;
    case '$options':
      if (!('$regex' in condition)) throw badValue('$options needs a $regex');
      if (typeof argument !== 'string') throw badValue('$options has to be a string');
      return;
    case '$size':
      if (typeof argument !== 'number' || !Number.isInteger(argument) || argument < 0) {
        throw badValue('$size needs a non-negative integer');
      }
      return;
    case '$mod':
      if (
        !Array.isArray(argument) ||
        argument.length !== 2 ||
        !argument.every((n) => typeof n === 'number')
      ) {
        throw badValue('malformed mod, needs to be an array of two numbers [divisor, remainder]');
      }
      if (argument[0] === 0) throw badValue('divisor cannot be 0');
      return;
    default:
      if (UNSUPPORTED_FIELD_OPERATORS.has(operator)) throw notSupported(`the query operator ${operator}`);
      if (!PLAIN_FIELD_OPERATORS.has(operator)) throw badValue(`unknown operator: ${operator}`);
  }
}
