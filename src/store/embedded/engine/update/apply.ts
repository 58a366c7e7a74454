/**
 * Applies parsed update operators to a private copy of a document. Numeric operators follow MongoDB's
 * type rules (int + int = int, promoted to long on overflow; anything with a double is a double), which
 * is why this is not delegated to mingo's updater.
 */
import { Timestamp } from 'bson';
import { badValue, ErrorCode, MongoCommandError, notSupported, typeMismatch } from '../../errors.js';
import { canonicalKey, compareValues, sameBson } from '../compare.js';
import { compileFilter, isOperatorObject } from '../filter.js';
import { formatValue } from '../format.js';
import { parseSort, sortDocuments } from '../sort.js';
import {
  bsonTypeName,
  cloneValue,
  type Doc,
  isPlainObject,
  makeNumber,
  type NumericKind,
  numericKind,
  toJsNumber,
} from '../values.js';
import type { Operation } from './parse.js';
import { assign, type PathContext, resolveTargets, type Target } from './targets.js';

export interface ApplyContext extends PathContext {
  readonly isInsert: boolean;
  readonly now: Date;
}

/** Mutates `doc`; returns whether anything changed. */
export function applyOperations(doc: Doc, operations: readonly Operation[], context: ApplyContext): boolean {
  let changed = false;
  for (const operation of operations) {
    if (applyOperation(doc, operation, context)) changed = true;
  }
  return changed;
}

function applyOperation(doc: Doc, operation: Operation, context: ApplyContext): boolean {
  const { operator, argument } = operation;
  switch (operator) {
    case '$setOnInsert':
      if (!context.isInsert) return false;
      return setEach(doc, operation, context, () => cloneValue(argument));
    case '$set':
      return setEach(doc, operation, context, () => cloneValue(argument));
    case '$unset':
      return resolveTargets(doc, operation.segments, false, context).reduce(
        (changed, t) => unset(t) || changed,
        false,
      );
    case '$inc':
    case '$mul':
      return setEach(doc, operation, context, (old) => arithmetic(operator, old, argument, doc, operation));
    case '$min':
    case '$max':
      return setEach(doc, operation, context, (old) => {
        if (old === undefined) return cloneValue(argument);
        const order = compareValues(argument, old);
        return (operator === '$min' ? order < 0 : order > 0) ? cloneValue(argument) : old;
      });
    case '$currentDate':
      return setEach(doc, operation, context, () =>
        isPlainObject(argument) && argument.$type === 'timestamp'
          ? new Timestamp({ t: Math.floor(context.now.getTime() / 1000), i: 1 })
          : new Date(context.now.getTime()),
      );
    case '$rename':
      return rename(doc, operation, context);
    case '$push':
      return setEach(doc, operation, context, (old) => push(arrayAt(old, doc, operation), argument));
    case '$addToSet':
      return setEach(doc, operation, context, (old) => addToSet(arrayAt(old, doc, operation), argument));
    case '$pop':
      return modifyExistingArray(doc, operation, context, (items) =>
        toJsNumber(argument) === 1 ? items.slice(0, -1) : items.slice(1),
      );
    case '$pull':
      return modifyExistingArray(doc, operation, context, (items) => items.filter(pullPredicate(argument)));
    case '$pullAll': {
      const removed = new Set((argument as unknown[]).map(canonicalKey));
      return modifyExistingArray(doc, operation, context, (items) =>
        items.filter((item) => !removed.has(canonicalKey(item))),
      );
    }
    case '$bit':
      return setEach(doc, operation, context, (old) => bitwise(old, argument as Doc, doc, operation));
  }
}

/** Replaces the value at every target with `next(old)`, reporting whether any value changed. */
function setEach(
  doc: Doc,
  operation: Operation,
  context: ApplyContext,
  next: (old: unknown) => unknown,
): boolean {
  let changed = false;
  for (const target of resolveTargets(doc, operation.segments, true, context)) {
    const old = read(target);
    const value = next(old);
    if (old !== undefined && sameBson(old, value)) continue;
    assign(target.container, target.key, value);
    changed = true;
  }
  return changed;
}

const read = ({ container, key }: Target): unknown => (container as Doc)[key];

function unset({ container, key }: Target): boolean {
  if (Array.isArray(container)) {
    // MongoDB keeps array positions stable: an unset element becomes null.
    const index = Number(key);
    if (index >= container.length || container[index] === null) return false;
    container[index] = null;
    return true;
  }
  if (!(key in container)) return false;
  delete container[key];
  return true;
}

const documentId = (doc: Doc) => `{_id: ${formatValue(doc._id)}}`;

function arithmetic(
  operator: '$inc' | '$mul',
  old: unknown,
  operand: unknown,
  doc: Doc,
  op: Operation,
): unknown {
  const operandKind = numericKind(operand)!;
  if (old === undefined) {
    return operator === '$inc'
      ? cloneValue(operand)
      : makeNumber(operandKind === 'decimal' ? 'double' : operandKind, 0);
  }
  const oldKind = numericKind(old);
  if (oldKind === undefined) {
    throw typeMismatch(
      `Cannot apply ${operator} to a value of non-numeric type. ${documentId(doc)} has the field '${op.segments.at(-1)}' of non-numeric type ${bsonTypeName(old)}`,
    );
  }
  if (oldKind === 'decimal' || operandKind === 'decimal')
    throw notSupported(`${operator} on Decimal128 values`);
  if (oldKind === 'double' || operandKind === 'double') {
    const [x, y] = [toJsNumber(old), toJsNumber(operand)];
    return makeNumber('double', operator === '$inc' ? x + y : x * y);
  }
  const [x, y] = [toBigInt(old), toBigInt(operand)];
  const result = operator === '$inc' ? x + y : x * y;
  return integerResult(result, oldKind === 'long' || operandKind === 'long', operator, doc);
}

function toBigInt(value: unknown): bigint {
  return numericKind(value) === 'long'
    ? (value as { toBigInt(): bigint }).toBigInt()
    : BigInt(toJsNumber(value));
}

/** int32 results that overflow become longs, as in MongoDB; long overflow is an error. */
function integerResult(result: bigint, isLong: boolean, operator: string, doc: Doc): unknown {
  const kind: Exclude<NumericKind, 'decimal'> =
    !isLong && result >= -2147483648n && result <= 2147483647n ? 'int' : 'long';
  if (result < -(2n ** 63n) || result >= 2n ** 63n) {
    throw badValue(
      `Failed to apply ${operator} operations to current value for document ${documentId(doc)}: overflow`,
    );
  }
  return makeNumber(kind, result);
}

function bitwise(old: unknown, operations: Doc, doc: Doc, op: Operation): unknown {
  const current = old === undefined ? 0 : old;
  const kind = numericKind(current);
  if (kind !== 'int' && kind !== 'long') {
    throw new MongoCommandError(
      ErrorCode.BadValue,
      `Cannot apply $bit to a value of non-integral type.${documentId(doc)} has the field ${op.segments.at(-1)} of non-integer type ${bsonTypeName(current)}`,
    );
  }
  let value = toBigInt(current);
  let isLong = kind === 'long';
  for (const [name, operand] of Object.entries(operations)) {
    const bits = toBigInt(operand);
    isLong ||= numericKind(operand) === 'long';
    value = name === 'and' ? value & bits : name === 'or' ? value | bits : value ^ bits;
  }
  return makeNumber(isLong ? 'long' : 'int', isLong ? BigInt.asIntN(64, value) : BigInt.asIntN(32, value));
}

function arrayAt(old: unknown, doc: Doc, op: Operation): unknown[] {
  if (old === undefined) return [];
  if (!Array.isArray(old)) {
    throw new MongoCommandError(
      ErrorCode.BadValue,
      `The field '${op.path}' must be an array but is of type ${bsonTypeName(old)} in document ${documentId(doc)}`,
    );
  }
  return old;
}

function push(items: unknown[], argument: unknown): unknown[] {
  const modifiers = isPlainObject(argument) && '$each' in argument ? argument : { $each: [argument] };
  const each = (modifiers.$each as unknown[]).map(cloneValue);
  const result = items.slice();
  if (modifiers.$position === undefined) {
    result.push(...each);
  } else {
    const position = toJsNumber(modifiers.$position);
    const at = position < 0 ? Math.max(0, result.length + position) : Math.min(position, result.length);
    result.splice(at, 0, ...each);
  }
  const sorted = modifiers.$sort === undefined ? result : sortArray(result, modifiers.$sort);
  if (modifiers.$slice === undefined) return sorted;
  const slice = toJsNumber(modifiers.$slice);
  return slice >= 0 ? sorted.slice(0, slice) : sorted.slice(slice);
}

function sortArray(items: unknown[], spec: unknown): unknown[] {
  if (numericKind(spec) !== undefined) {
    const direction = toJsNumber(spec);
    if (direction !== 1 && direction !== -1) throw badValue('The $sort element value must be either 1 or -1');
    return items.slice().sort((a, b) => compareValues(a, b) * direction);
  }
  return sortDocuments(items as Doc[], parseSort(spec));
}

function addToSet(items: unknown[], argument: unknown): unknown[] {
  const candidates =
    isPlainObject(argument) && '$each' in argument ? (argument.$each as unknown[]) : [argument];
  const present = new Set(items.map(canonicalKey));
  const result = items.slice();
  for (const candidate of candidates) {
    const key = canonicalKey(candidate);
    if (present.has(key)) continue;
    present.add(key);
    result.push(cloneValue(candidate));
  }
  return result;
}

/** `$pop`/`$pull`/`$pullAll`: a missing field is left alone, a non-array one is an error. */
function modifyExistingArray(
  doc: Doc,
  operation: Operation,
  context: ApplyContext,
  modify: (items: unknown[]) => unknown[],
): boolean {
  let changed = false;
  for (const target of resolveTargets(doc, operation.segments, false, context)) {
    const old = read(target);
    if (old === undefined) continue;
    if (!Array.isArray(old)) {
      throw new MongoCommandError(
        ErrorCode.BadValue,
        `Cannot apply ${operation.operator} to a non-array value (field '${operation.path}' in ${documentId(doc)})`,
      );
    }
    const next = modify(old);
    if (next.length === old.length) continue;
    assign(target.container, target.key, next);
    changed = true;
  }
  return changed;
}

/** Keeps the elements `$pull` does not remove. */
function pullPredicate(condition: unknown): (item: unknown) => boolean {
  if (isOperatorObject(condition)) {
    const matcher = compileFilter({ v: condition });
    return (item) => !matcher.test({ v: item });
  }
  if (isPlainObject(condition)) {
    // A document condition is a query on the elements that are documents.
    const matcher = compileFilter(condition);
    return (item) => !(isPlainObject(item) && matcher.test(item));
  }
  const key = canonicalKey(condition);
  return (item) => canonicalKey(item) !== key;
}

function rename(doc: Doc, operation: Operation, context: ApplyContext): boolean {
  const source = plainPath(doc, operation.segments, 'source');
  if (!source || !(source.key in source.container)) return false;
  const value = source.container[source.key];
  delete source.container[source.key];
  const targetSegments = String(operation.argument).split('.');
  plainPath(doc, targetSegments, 'destination');
  for (const target of resolveTargets(doc, targetSegments, true, context))
    assign(target.container, target.key, value);
  return true;
}

/** Walks embedded documents only: `$rename` may not cross arrays. */
function plainPath(
  doc: Doc,
  segments: readonly string[],
  role: 'source' | 'destination',
): { container: Doc; key: string } | undefined {
  let container: Doc = doc;
  for (const segment of segments.slice(0, -1)) {
    const next = container[segment];
    if (Array.isArray(next)) {
      throw new MongoCommandError(
        ErrorCode.BadValue,
        `The ${role} field cannot be an array element, '${segments.join('.')}' in doc with _id: ${formatValue(doc._id)} has an array field called '${segment}'`,
      );
    }
    if (!isPlainObject(next)) return undefined;
    container = next;
  }
  return { container, key: segments.at(-1)! };
}
