/**
 * Find projections (`find`, `findAndModify` fields). Implemented here rather than with mingo's
 * `$project`, which reorders fields and mutates its input for nested exclusions; computed fields are
 * still evaluated by mingo.
 */
import { badValue, ErrorCode, MongoCommandError, notSupported } from '../errors.js';
import { validateExpression } from './expressions.js';
import { compileFilter, type Matcher } from './filter.js';
import { evaluateExpression } from './mingo.js';
import { type Doc, isPlainObject, numericKind, toJsNumber } from './values.js';
import { viewOf } from './view.js';

type Leaf =
  | { kind: 'include' }
  | { kind: 'exclude' }
  | { kind: 'slice'; skip: number | undefined; limit: number }
  | { kind: 'elemMatch'; matcher: Matcher }
  | { kind: 'computed'; expression: unknown };

interface Node {
  kind: 'node';
  children: Map<string, Node | Leaf>;
}

export type Projector = (doc: Doc) => Doc;

interface ModeState {
  mode?: 'include' | 'exclude';
}

export function compileProjection(spec: Doc | undefined): Projector | undefined {
  if (!spec || Object.keys(spec).length === 0) return undefined;
  const root: Node = { kind: 'node', children: new Map() };
  const state: ModeState = {};
  for (const [path, value] of Object.entries(spec)) addPath(root, path, value, state);
  const inclusion = state.mode === 'include';
  if (inclusion && !root.children.has('_id')) root.children.set('_id', { kind: 'include' });
  return (doc) => project(doc, root, inclusion, doc);
}

const isFalsy = (value: unknown) =>
  value === false || (numericKind(value) !== undefined && toJsNumber(value) === 0);

function addPath(root: Node, path: string, value: unknown, state: ModeState): void {
  if (path.endsWith('.$') || path.includes('.$.')) throw notSupported(`the positional projection '${path}'`);
  if (path === '' || path.split('.').some((segment) => segment === '' || segment.startsWith('$'))) {
    throw badValue(`invalid projection field name '${path}'`);
  }
  const segments = path.split('.');
  let node = root;
  for (const segment of segments.slice(0, -1)) {
    const existing = node.children.get(segment);
    if (existing && existing.kind !== 'node') throw pathCollision(path);
    const next: Node = existing ?? { kind: 'node', children: new Map() };
    node.children.set(segment, next);
    node = next;
  }
  const last = segments.at(-1)!;
  if (node.children.has(last)) throw pathCollision(path);
  if (isPlainObject(value) && !Object.keys(value).some((key) => key.startsWith('$'))) {
    // `{a: {b: 1}}` is the same as `{'a.b': 1}`.
    for (const [key, inner] of Object.entries(value)) addPath(root, `${path}.${key}`, inner, state);
    return;
  }
  const leaf = parseLeaf(path, value);
  const mode = leaf.kind === 'computed' ? 'include' : leaf.kind;
  if ((mode === 'include' || mode === 'exclude') && path !== '_id') {
    if (state.mode && state.mode !== mode) {
      throw state.mode === 'include'
        ? new MongoCommandError(
            ErrorCode.ExclusionInInclusionProjection,
            `Cannot do exclusion on field ${path} in inclusion projection`,
          )
        : new MongoCommandError(
            ErrorCode.InclusionInExclusionProjection,
            `Cannot do inclusion on field ${path} in exclusion projection`,
          );
    }
    state.mode = mode;
  }
  node.children.set(last, leaf);
}

const pathCollision = (path: string) => badValue(`Path collision at ${path}`);

function parseLeaf(path: string, value: unknown): Leaf {
  if (typeof value === 'boolean' || numericKind(value) !== undefined) {
    return isFalsy(value) ? { kind: 'exclude' } : { kind: 'include' };
  }
  if (isPlainObject(value)) {
    const [operator] = Object.keys(value);
    const argument = value[operator!];
    switch (operator) {
      case '$slice':
        return parseSlice(path, argument);
      case '$elemMatch':
        if (!isPlainObject(argument)) throw badValue('elemMatch: Invalid argument, object required.');
        if (path.includes('.')) throw badValue(`Cannot use $elemMatch projection on a nested field: ${path}`);
        return { kind: 'elemMatch', matcher: compileFilter({ v: { $elemMatch: argument } }) };
      case '$meta':
        throw notSupported(`the projection operator $meta (field '${path}')`);
      default:
        break;
    }
  }
  validateExpression(value);
  return { kind: 'computed', expression: value };
}

function parseSlice(path: string, argument: unknown): Leaf {
  const asInt = (value: unknown) => (numericKind(value) ? Math.trunc(toJsNumber(value)) : undefined);
  if (Array.isArray(argument) && argument.length === 2) {
    const [skip, limit] = argument.map(asInt);
    if (skip !== undefined && limit !== undefined && limit > 0) return { kind: 'slice', skip, limit };
  } else {
    const limit = asInt(argument);
    if (limit !== undefined) return { kind: 'slice', skip: undefined, limit };
  }
  throw badValue(`$slice only supports numbers and [skip, limit] arrays (field '${path}')`);
}

function project(doc: Doc, node: Node, inclusion: boolean, root: Doc): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    const rule = node.children.get(key);
    const value = doc[key];
    if (!rule) {
      if (!inclusion) out[key] = value;
      continue;
    }
    const projected = applyRule(rule, value, inclusion, root);
    if (projected !== undefined) out[key] = projected;
  }
  for (const [key, rule] of node.children) {
    if (rule.kind === 'computed') out[key] = evaluateExpression(viewOf(root), rule.expression) ?? null;
  }
  return out;
}

function applyRule(rule: Node | Leaf, value: unknown, inclusion: boolean, root: Doc): unknown {
  switch (rule.kind) {
    case 'include':
      return value;
    case 'exclude':
    case 'computed':
      return undefined;
    case 'slice':
      return Array.isArray(value) ? slice(value, rule.skip, rule.limit) : value;
    case 'elemMatch':
      return Array.isArray(value) ? firstMatch(value, rule.matcher) : undefined;
    case 'node':
      if (isPlainObject(value)) return project(value, rule, inclusion, root);
      if (Array.isArray(value)) {
        const items = value.filter((item) => !inclusion || isPlainObject(item) || Array.isArray(item));
        return items.map((item) =>
          isPlainObject(item) || Array.isArray(item) ? applyRule(rule, item, inclusion, root) : item,
        );
      }
      return inclusion ? undefined : value;
  }
}

function slice(items: unknown[], skip: number | undefined, limit: number): unknown[] {
  if (skip === undefined) return limit >= 0 ? items.slice(0, limit) : items.slice(limit);
  const start = skip >= 0 ? skip : Math.max(0, items.length + skip);
  return items.slice(start, start + limit);
}

function firstMatch(items: unknown[], matcher: Matcher): unknown[] | undefined {
  const found = items.find((item) => matcher.test({ v: [item] }));
  return found === undefined ? undefined : [found];
}
