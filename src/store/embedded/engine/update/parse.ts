/**
 * Parsing and validation of update documents: replacement documents and `$`-operator updates.
 * Pipeline-style updates (an array of stages) are refused: evaluating them through mingo would lose the
 * numeric types of the fields they do not touch.
 */
import { ErrorCode, failedToParse, MongoCommandError, notSupported, typeMismatch } from '../../errors.js';
import { compileFilter, type Matcher } from '../filter.js';
import { formatDocument } from '../format.js';
import { type Doc, isPlainObject, numericKind, toJsNumber } from '../values.js';

const UPDATE_OPERATORS = [
  '$set',
  '$unset',
  '$setOnInsert',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$currentDate',
  '$push',
  '$addToSet',
  '$pop',
  '$pull',
  '$pullAll',
  '$bit',
] as const;

export type UpdateOperator = (typeof UPDATE_OPERATORS)[number];
const KNOWN = new Set<string>(UPDATE_OPERATORS);

export interface Operation {
  readonly operator: UpdateOperator;
  readonly path: string;
  readonly segments: readonly string[];
  readonly argument: unknown;
}

export type ParsedUpdate =
  | { readonly kind: 'replacement'; readonly document: Doc }
  | {
      readonly kind: 'operators';
      readonly operations: readonly Operation[];
      readonly arrayFilters: ArrayFilters;
    };

/** Array filter identifier → matcher of one array element. */
export type ArrayFilters = ReadonlyMap<string, Matcher>;

export function parseUpdate(update: unknown, arrayFilters: unknown[] | undefined): ParsedUpdate {
  if (Array.isArray(update))
    throw notSupported('pipeline-style updates (an update given as an array of stages)');
  if (!isPlainObject(update)) throw failedToParse('Update argument must be either an object or an array');
  const keys = Object.keys(update);
  if (!keys[0]?.startsWith('$')) {
    if (arrayFilters?.length)
      throw failedToParse('arrayFilters may not be specified for replacement-style updates');
    const dollar = keys.find((key) => key.startsWith('$'));
    if (dollar) throw dollarField(dollar, dollar);
    return { kind: 'replacement', document: update };
  }
  const operations: Operation[] = [];
  for (const operator of keys) {
    if (!KNOWN.has(operator)) {
      throw failedToParse(
        `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    const fields = update[operator];
    if (!isPlainObject(fields)) {
      throw failedToParse(
        `Modifiers operate on fields but we found type ${typeof fields} instead. For example: {$mod: {<field>: ...}} not {${operator}: ${String(fields)}}`,
      );
    }
    for (const [path, argument] of Object.entries(fields)) {
      const operation = { operator: operator as UpdateOperator, path, segments: parsePath(path), argument };
      validateArgument(operation);
      operations.push(operation);
    }
  }
  checkConflicts(operations);
  const filters = parseArrayFilters(arrayFilters ?? []);
  checkIdentifiers(operations, filters, update);
  return { kind: 'operators', operations: operations.sort(byPath), arrayFilters: filters };
}

const dollarField = (segment: string, path: string) =>
  new MongoCommandError(
    ErrorCode.DollarPrefixedFieldName,
    `The dollar ($) prefixed field '${segment}' in '${path}' is not valid for storage.`,
  );

const isPositional = (segment: string) => segment === '$' || /^\$\[[a-zA-Z0-9]*\]$/.test(segment);

function parsePath(path: string): string[] {
  const segments = path.split('.');
  if (segments.some((segment) => segment === '')) {
    throw new MongoCommandError(
      ErrorCode.EmptyFieldName,
      `The update path '${path}' contains an empty field name, which is not allowed.`,
    );
  }
  for (const segment of segments) {
    if (segment.startsWith('$') && !isPositional(segment)) throw dollarField(segment, path);
  }
  if (isPositional(segments[0]!)) throw dollarField(segments[0]!, path);
  if (segments.filter((segment) => segment === '$').length > 1) {
    throw failedToParse(`Too many positional (i.e. '$') elements found in path '${path}'`);
  }
  return segments;
}

function validateArgument({ operator, path, argument }: Operation): void {
  switch (operator) {
    case '$inc':
    case '$mul':
      if (numericKind(argument) === undefined) {
        const verb = operator === '$inc' ? 'increment' : 'multiply';
        throw typeMismatch(
          `Cannot ${verb} with non-numeric argument: {${path}: ${JSON.stringify(argument)}}`,
        );
      }
      return;
    case '$rename':
      validateRename(path, argument);
      return;
    case '$pop': {
      const direction = numericKind(argument) ? toJsNumber(argument) : Number.NaN;
      if (direction !== 1 && direction !== -1)
        throw failedToParse(`$pop expects 1 or -1, found: ${String(argument)}`);
      return;
    }
    case '$currentDate':
      if (argument === true) return;
      if (isPlainObject(argument) && (argument.$type === 'date' || argument.$type === 'timestamp')) return;
      throw new MongoCommandError(
        ErrorCode.BadValue,
        `${path} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).`,
      );
    case '$pullAll':
      if (!Array.isArray(argument))
        throw new MongoCommandError(ErrorCode.BadValue, '$pullAll requires an array argument');
      return;
    case '$push':
    case '$addToSet':
      validateEach(operator, argument);
      return;
    case '$bit':
      validateBit(path, argument);
      return;
    default:
      return;
  }
}

function validateRename(path: string, target: unknown): void {
  if (typeof target !== 'string') {
    throw new MongoCommandError(
      ErrorCode.BadValue,
      `The 'to' field for $rename must be a string: ${path}: ${target}`,
    );
  }
  const targetSegments = parsePath(target);
  if ([path.split('.'), targetSegments].some((segments) => segments.some(isPositional))) {
    throw new MongoCommandError(
      ErrorCode.BadValue,
      `The source and target field for $rename may not be dynamic: ${path}`,
    );
  }
  if (path === target) {
    throw new MongoCommandError(
      ErrorCode.BadValue,
      `The source and target field for $rename must differ: ${path}`,
    );
  }
  if (target.startsWith(`${path}.`) || path.startsWith(`${target}.`)) {
    throw new MongoCommandError(
      ErrorCode.BadValue,
      `The source and target field for $rename must not be on the same path: ${path}: "${target}"`,
    );
  }
}

const EACH_MODIFIERS: Record<string, ReadonlySet<string>> = {
  $push: new Set(['$each', '$slice', '$sort', '$position']),
  $addToSet: new Set(['$each']),
};

function validateEach(operator: '$push' | '$addToSet', argument: unknown): void {
  if (!isPlainObject(argument)) return;
  const keys = Object.keys(argument);
  if (!('$each' in argument)) {
    const dollar = keys.find((key) => key.startsWith('$'));
    if (dollar) throw dollarField(dollar, dollar);
    return;
  }
  for (const key of keys) {
    if (!EACH_MODIFIERS[operator]!.has(key)) {
      throw new MongoCommandError(ErrorCode.BadValue, `Unrecognized clause in ${operator}: ${key}`);
    }
  }
  if (!Array.isArray(argument.$each)) {
    throw new MongoCommandError(ErrorCode.BadValue, `The argument to $each in ${operator} must be an array`);
  }
  for (const modifier of ['$slice', '$position'] as const) {
    const value = argument[modifier];
    if (value !== undefined && !Number.isInteger(numericKind(value) ? toJsNumber(value) : Number.NaN)) {
      throw new MongoCommandError(ErrorCode.BadValue, `The value for ${modifier} must be an integer value`);
    }
  }
}

function validateBit(path: string, argument: unknown): void {
  const ok =
    isPlainObject(argument) &&
    Object.keys(argument).length > 0 &&
    Object.entries(argument).every(
      ([op, value]) =>
        ['and', 'or', 'xor'].includes(op) && ['int', 'long'].includes(numericKind(value) ?? ''),
    );
  if (!ok) {
    throw new MongoCommandError(
      ErrorCode.BadValue,
      `The $bit modifier for '${path}' must be an object of and/or/xor with int or long operands`,
    );
  }
}

/** Paths ordered as MongoDB applies them: field by field, numeric segments numerically. */
function compareSegments(a: readonly string[], b: readonly string[]): number {
  const size = Math.min(a.length, b.length);
  for (let i = 0; i < size; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const byPath = (a: Operation, b: Operation) => compareSegments(a.segments, b.segments);

function checkConflicts(operations: readonly Operation[]): void {
  const paths = operations.flatMap((op) =>
    op.operator === '$rename' ? [op.segments, String(op.argument).split('.')] : [op.segments],
  );
  paths.sort(compareSegments);
  for (let i = 1; i < paths.length; i++) {
    const [previous, current] = [paths[i - 1]!, paths[i]!];
    if (previous.length <= current.length && previous.every((segment, j) => segment === current[j])) {
      throw new MongoCommandError(
        ErrorCode.ConflictingUpdateOperators,
        `Updating the path '${current.join('.')}' would create a conflict at '${previous.join('.')}'`,
      );
    }
  }
}

function parseArrayFilters(filters: unknown[]): Map<string, Matcher> {
  const parsed = new Map<string, Matcher>();
  for (const filter of filters) {
    if (!isPlainObject(filter)) throw failedToParse('arrayFilters entries must be objects');
    const identifiers = new Set(Object.keys(filter).map((key) => key.split('.')[0]!));
    if (identifiers.size !== 1) {
      throw failedToParse('Each array filter must use a single top-level field name');
    }
    const [identifier] = identifiers as Set<string>;
    if (!/^[a-z][a-zA-Z0-9]*$/.test(identifier!)) {
      throw new MongoCommandError(
        ErrorCode.BadValue,
        `Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '${identifier}'`,
      );
    }
    if (parsed.has(identifier!)) {
      throw failedToParse(`Found multiple array filters with the same top-level field name ${identifier}`);
    }
    // Each element is tested as `{ v: element }`, so `x.f` becomes `v.f`.
    const renamed = Object.fromEntries(
      Object.entries(filter).map(([key, value]) => [`v${key.slice(identifier!.length)}`, value]),
    );
    parsed.set(identifier!, compileFilter(renamed));
  }
  return parsed;
}

function checkIdentifiers(operations: readonly Operation[], filters: ArrayFilters, update: Doc): void {
  const used = new Set<string>();
  for (const { segments, path } of operations) {
    for (const segment of segments) {
      const identifier = /^\$\[([a-zA-Z0-9]+)\]$/.exec(segment)?.[1];
      if (identifier === undefined) continue;
      if (!filters.has(identifier)) {
        throw new MongoCommandError(
          ErrorCode.BadValue,
          `No array filter found for identifier '${identifier}' in path '${path}'`,
        );
      }
      used.add(identifier);
    }
  }
  for (const identifier of filters.keys()) {
    if (!used.has(identifier)) {
      throw failedToParse(
        `The array filter for identifier '${identifier}' was not used in the update ${formatDocument(update)}`,
      );
    }
  }
}
