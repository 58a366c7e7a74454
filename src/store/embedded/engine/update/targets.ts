/**
 * Resolves an update path to the concrete (container, key) pairs it addresses, expanding the positional
 * operators `$`, `$[]` and `$[identifier]`, and creating missing intermediate documents for operators
 * that create fields.
 */
import { ErrorCode, MongoCommandError } from '../../errors.js';
import { formatValue } from '../format.js';
import { type Doc, isPlainObject } from '../values.js';
import type { ArrayFilters } from './parse.js';

export interface Target {
  readonly container: Doc | unknown[];
  readonly key: string;
}

export interface PathContext {
  readonly arrayFilters: ArrayFilters;
  /** Index of the array element the query matched, for the `$` operator on the array at `arrayPath`. */
  positional(arrayPath: string): number | undefined;
}

const isIndex = (segment: string) => /^\d+$/.test(segment);

const pathNotViable = (segment: string, parentKey: string, parent: unknown) =>
  new MongoCommandError(
    ErrorCode.PathNotViable,
    `Cannot create field '${segment}' in element {${parentKey}: ${formatValue(parent)}}`,
  );

export function resolveTargets(
  doc: Doc,
  segments: readonly string[],
  create: boolean,
  context: PathContext,
): Target[] {
  const targets: Target[] = [];
  walk(doc, '', 0);
  return targets;

  function walk(container: Doc | unknown[], containerKey: string, depth: number): void {
    const segment = segments[depth]!;
    const keys = keysFor(container, containerKey, segment, depth);
    const last = depth === segments.length - 1;
    for (const key of keys) {
      if (last) {
        targets.push({ container, key });
        continue;
      }
      const next = child(container, key, depth);
      if (next !== undefined) walk(next, key, depth + 1);
    }
  }

  function keysFor(
    container: Doc | unknown[],
    containerKey: string,
    segment: string,
    depth: number,
  ): string[] {
    const path = segments.slice(0, depth).join('.');
    if (segment === '$' || segment.startsWith('$[')) {
      if (!Array.isArray(container)) {
        throw new MongoCommandError(
          ErrorCode.BadValue,
          `Cannot apply array updates to non-array element ${containerKey}: ${formatValue(container)}`,
        );
      }
      if (segment === '$') {
        const index = context.positional(path);
        if (index === undefined) {
          throw new MongoCommandError(
            ErrorCode.BadValue,
            'The positional operator did not find the match needed from the query.',
          );
        }
        return [String(index)];
      }
      const identifier = segment.slice(2, -1);
      const matcher = identifier ? context.arrayFilters.get(identifier) : undefined;
      return container.flatMap((item, i) => (!matcher || matcher.test({ v: item }) ? [String(i)] : []));
    }
    if (Array.isArray(container) && !isIndex(segment)) {
      if (create) throw pathNotViable(segment, containerKey, container);
      return [];
    }
    return [segment];
  }

  /** The container at `container[key]`, created when allowed, or undefined when the walk stops here. */
  function child(container: Doc | unknown[], key: string, depth: number): Doc | unknown[] | undefined {
    const value = (container as Doc)[key];
    if (isPlainObject(value) || Array.isArray(value)) return value;
    const nextSegment = segments[depth + 1]!;
    if (!create) return undefined;
    if (value === undefined) {
      if (nextSegment === '$' || nextSegment.startsWith('$[')) {
        throw new MongoCommandError(
          ErrorCode.BadValue,
          `The path '${segments.slice(0, depth + 1).join('.')}' must exist in the document in order to apply array updates.`,
        );
      }
      const created: Doc = {};
      assign(container, key, created);
      return created;
    }
    throw pathNotViable(nextSegment, key, value);
  }
}

/** Sets `container[key]`, padding an array with nulls when the index lies beyond its end. */
export function assign(container: Doc | unknown[], key: string, value: unknown): void {
  if (Array.isArray(container)) {
    const index = Number(key);
    while (container.length < index) container.push(null);
    container[index] = value;
  } else {
    container[key] = value;
  }
}
