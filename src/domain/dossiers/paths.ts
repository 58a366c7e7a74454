import { CATALOGUE, type FieldSpec, fieldSpec, readField } from './catalogue.js';
import type { ContextEntry, RecordContext } from './context.js';
import { type ContextKey, contextKeyOf, kindOfContextKey, type RecordKind } from './kinds.js';
import { contextKinds } from './relations.js';
import { CUSTOM_FIELD_NAME } from './values.js';

/** A field of a context addressed by path: a catalogue field or a custom field. */
export type FieldRef =
  | { readonly path: string; readonly key: ContextKey; readonly kind: RecordKind; readonly spec: FieldSpec }
  | { readonly path: string; readonly key: ContextKey; readonly kind: RecordKind; readonly custom: string };

/** A value as conditions and merge codes see it; absent values are null. */
export type FieldValue = string | number | boolean | Date | readonly string[] | null;

/**
 * Resolves a path such as 'course.startDate', 'person.emails.business' or 'course.custom.room' for a
 * template of data group `group`: the key must be the group's own record or one of its relations.
 */
export function resolveFieldPath(group: RecordKind, path: string): FieldRef | undefined {
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  const key = path.slice(0, dot);
  const rest = path.slice(dot + 1);
  const kind = kindOfContextKey(key);
  if (!kind || !contextKinds(group).includes(kind)) return undefined;
  const contextKey = contextKeyOf(kind);
  if (rest.startsWith('custom.')) {
    const custom = rest.slice('custom.'.length);
    return CUSTOM_FIELD_NAME.test(custom) ? { path, key: contextKey, kind, custom } : undefined;
  }
  const spec = fieldSpec(kind, rest);
  return spec ? { path, key: contextKey, kind, spec } : undefined;
}

/** Every catalogue field path a template of `group` can address, for error messages and pickers. */
export function availableFieldPaths(
  group: RecordKind,
  filter: (spec: FieldSpec) => boolean = () => true,
): string[] {
  return contextKinds(group).flatMap((kind) =>
    CATALOGUE[kind].fields.filter(filter).map((spec) => `${contextKeyOf(kind)}.${spec.name}`),
  );
}

/** The date fields of a group and its relations: the anchors a template's timing may use. */
export function dateFieldPaths(group: RecordKind): string[] {
  return availableFieldPaths(group, (spec) => spec.type === 'date');
}

export function readFieldRef(context: RecordContext, ref: FieldRef): FieldValue {
  const entry = context.records[ref.key];
  if (!entry) return null;
  const value = 'spec' in ref ? readField(entry, ref.spec) : readCustom(entry, ref.custom);
  return value === undefined ? null : (value as FieldValue);
}

/**
 * Custom field names are matched exactly, then ignoring case, because merge codes are case-insensitive
 * and people type `[Course:Custom.room]` for a field called `Room`.
 */
function readCustom(entry: ContextEntry, name: string): unknown {
  if (Object.hasOwn(entry.custom, name)) return entry.custom[name];
  const lower = name.toLowerCase();
  const key = Object.keys(entry.custom).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : entry.custom[key];
}

// Contexts are immutable and stamping asks for the dates of one context once per template, so they are
// remembered per context object — frozen, since every caller now shares them.
const datesByContext = new WeakMap<RecordContext, Readonly<Record<string, Date | undefined>>>();

/** The date values of a context by path ('course.startDate' → Date), for timing anchors. */
export function contextDates(context: RecordContext): Readonly<Record<string, Date | undefined>> {
  let dates = datesByContext.get(context);
  if (!dates) {
    dates = Object.freeze(readContextDates(context));
    datesByContext.set(context, dates);
  }
  return dates;
}

function readContextDates(context: RecordContext): Record<string, Date | undefined> {
  const dates: Record<string, Date | undefined> = {};
  for (const kind of contextKinds(context.group)) {
    const key = contextKeyOf(kind);
    for (const spec of CATALOGUE[kind].fields) {
      if (spec.type !== 'date') continue;
      const path = `${key}.${spec.name}`;
      const value = readFieldRef(context, { path, key, kind, spec });
      dates[path] = value instanceof Date ? value : undefined;
    }
  }
  return dates;
}
