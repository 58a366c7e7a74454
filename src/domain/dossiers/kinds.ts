import { z } from 'zod';

/** The data groups of docs/domain.md §2: the kinds of record a template can be bound to. */
export const DATA_GROUPS = [
  'course',
  'participant',
  'request',
  'invoice',
  'web-request',
  'person',
  'company',
  'contact',
  'teacher',
  'location',
] as const;
export const DataGroupSchema = z.enum(DATA_GROUPS, { error: `must be one of: ${DATA_GROUPS.join(', ')}` });
export type DataGroup = z.infer<typeof DataGroupSchema>;

/**
 * Every kind of record a context can hold. A course type is a blueprint, not a dossier: it is reachable
 * through relations (merge codes, conditions) but no template is bound to it.
 */
export const RECORD_KINDS = [...DATA_GROUPS, 'course-type'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * The key a kind has in a record context and in field paths ('course.startDate', 'courseType.name',
 * 'webRequest.status'): camelCase, so paths read like property access.
 */
export const CONTEXT_KEYS = {
  course: 'course',
  participant: 'participant',
  request: 'request',
  invoice: 'invoice',
  'web-request': 'webRequest',
  person: 'person',
  company: 'company',
  contact: 'contact',
  teacher: 'teacher',
  location: 'location',
  'course-type': 'courseType',
} as const satisfies Record<RecordKind, string>;
export type ContextKey = (typeof CONTEXT_KEYS)[RecordKind];

export function contextKeyOf(kind: RecordKind): ContextKey {
  return CONTEXT_KEYS[kind];
}

const KIND_BY_CONTEXT_KEY = new Map<string, RecordKind>(
  RECORD_KINDS.map((kind) => [CONTEXT_KEYS[kind], kind] as const),
);

export function kindOfContextKey(key: string): RecordKind | undefined {
  return KIND_BY_CONTEXT_KEY.get(key);
}

export function isDataGroup(value: string): value is DataGroup {
  return (DATA_GROUPS as readonly string[]).includes(value);
}
