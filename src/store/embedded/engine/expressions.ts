/**
 * Validation of aggregation expressions before mingo sees them: mingo only notices an unknown operator
 * when it first evaluates it (never, on an empty collection), MongoDB rejects it up front.
 */
import { ErrorCode, MongoCommandError } from '../errors.js';
import { mingoOperatorNames } from './mingo.js';
import { isPlainObject } from './values.js';

const unrecognized = (operator: string) =>
  new MongoCommandError(ErrorCode.InvalidPipelineOperator, `Unrecognized expression '${operator}'`);

/** Operators that may appear inside an expression (accumulators double as array expressions). */
function isExpressionOperator(name: string): boolean {
  return mingoOperatorNames.expression.has(name) || mingoOperatorNames.accumulator.has(name);
}

export function validateExpression(expression: unknown): void {
  if (Array.isArray(expression)) {
    for (const item of expression) validateExpression(item);
    return;
  }
  if (!isPlainObject(expression)) return;
  const keys = Object.keys(expression);
  const operator = keys.find((key) => key.startsWith('$'));
  if (operator === undefined) {
    for (const key of keys) validateExpression(expression[key]);
    return;
  }
  if (keys.length !== 1) {
    throw new MongoCommandError(
      ErrorCode.ExpressionNotSingleField,
      `an expression specification must contain exactly one field, the name of the expression. Found ${keys.length} fields`,
    );
  }
  if (!isExpressionOperator(operator)) throw unrecognized(operator);
  if (operator !== '$literal') validateExpression(expression[operator]);
}

/**
 * Stage arguments mix plain option fields, expressions, accumulators and window functions; every
 * `$`-prefixed key must be one of those operators.
 */
export function validateStageArgument(argument: unknown): void {
  if (Array.isArray(argument)) {
    for (const item of argument) validateStageArgument(item);
    return;
  }
  if (!isPlainObject(argument)) return;
  for (const [key, value] of Object.entries(argument)) {
    if (key === '$literal') continue;
    if (key.startsWith('$') && !isExpressionOperator(key) && !mingoOperatorNames.window.has(key)) {
      throw unrecognized(key);
    }
    validateStageArgument(value);
  }
}
