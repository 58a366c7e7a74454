import { CATALOGUE, type FieldSpec } from '../dossiers/catalogue.js';
import type { RecordKind } from '../dossiers/kinds.js';
import { CUSTOM_FIELD_NAME } from '../dossiers/values.js';

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

/**
 * Stored fields outside the catalogue, because they are lists or objects rather than values a merge code
 * or condition reads directly: a course's teachers and locations (read through the derived facts
 * teachersAgreed and locationsAgreed) and a web request's payload. Their changes fire field-changed too.
 */
export const STRUCTURED_FIELDS: Readonly<Partial<Record<RecordKind, readonly string[]>>> = {
  course: ['teachers', 'locations'],
  'web-request': ['payload'],
};

/** The fields whose change fires field-changed: stored ones, not derived facts or bookkeeping. */
export function changeableFields(kind: RecordKind): FieldSpec[] {
  return CATALOGUE[kind].fields.filter((spec) => !spec.derived && !BOOKKEEPING.has(spec.name));
}

/** Whether `field` ('startDate', 'custom.room') can fire field-changed on a record of `kind`. */
export function isChangeableField(kind: RecordKind, field: string): boolean {
  if (field.startsWith('custom.')) return CUSTOM_FIELD_NAME.test(field.slice('custom.'.length));
  return (
    changeableFields(kind).some((spec) => spec.name === field) ||
    (STRUCTURED_FIELDS[kind] ?? []).includes(field)
  );
}
