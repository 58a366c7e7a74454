import { z } from 'zod';
import {
  CompanySchema,
  ContactSchema,
  CourseSchema,
  CourseTypeSchema,
  CreateDossierSchemas,
  fieldsOf,
  InvoiceSchema,
  LocationSchema,
  ParticipantSchema,
  PatchDossierSchemas,
  PersonSchema,
  type RecordKind,
  RequestSchema,
  TeacherSchema,
  type VersionedDossier,
  WebRequestSchema,
} from '../../../domain/dossiers/index.js';
import { expectedVersionField, pagination, queryFlag } from './shared.js';

const recordSchemas = {
  course: CourseSchema,
  participant: ParticipantSchema,
  request: RequestSchema,
  invoice: InvoiceSchema,
  'web-request': WebRequestSchema,
  person: PersonSchema,
  company: CompanySchema,
  contact: ContactSchema,
  teacher: TeacherSchema,
  location: LocationSchema,
  'course-type': CourseTypeSchema,
} as const satisfies Record<RecordKind, z.ZodObject>;

const versionField = z.int().min(1).describe('Increases with every change; send it back in If-Match');

// The factories below serve every kind at once, so they return the schemas with the shape the generic
// routes see: a record, or a loose object the dossier use cases validate again by kind.
type Input = Record<string, unknown>;

/** A stored record as the API returns it: the domain record plus its version. */
export function storedRecordSchema(kind: RecordKind): z.ZodType<VersionedDossier> {
  return recordSchemas[kind].extend({ version: versionField }) as unknown as z.ZodType<VersionedDossier>;
}

/** Ids from the institute's own administration are kept, so records can mirror another system. */
const externalId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/)
  .optional()
  .describe('Your own id for the record (1–64 letters, digits or _ . : -); generated when absent');

export function createRecordSchema(kind: RecordKind): z.ZodType<Input & { id?: string | undefined }> {
  return CreateDossierSchemas[kind].extend({ id: externalId }) as z.ZodType<Input>;
}

export function patchRecordSchema(
  kind: RecordKind,
): z.ZodType<Input & { expectedVersion?: number | undefined }> {
  return PatchDossierSchemas[kind].extend({ expectedVersion: expectedVersionField }) as z.ZodType<Input>;
}

const filterableTypes = new Set(['string', 'enum', 'number', 'boolean']);

/**
 * List filters of a kind: equality on its stored top-level fields of simple types (status, courseId,
 * active, …), taken from the field catalogue so a new field is filterable without touching the API.
 */
export function recordFilterSchema(kind: RecordKind): z.ZodType<Input & { limit: number; skip: number }> {
  const stored = CreateDossierSchemas[kind].shape as Record<string, z.ZodType>;
  const filters: Record<string, z.ZodType> = {};
  for (const field of fieldsOf(kind)) {
    const schema = stored[field.name];
    if (field.derived || !schema || !filterableTypes.has(field.type)) continue;
    const value = innermost(schema);
    filters[field.name] = (
      field.type === 'boolean' ? queryFlag : value instanceof z.ZodNumber ? queryNumberLike(value) : value
    ).optional();
  }
  return z.strictObject({ ...filters, ...pagination });
}

/** The field's own schema without its optional, nullable and default wrappers: a filter's value obeys it. */
function innermost(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** A query string carries text: a number filter is the field's number schema, bounds included, coerced. */
function queryNumberLike(field: z.ZodNumber): z.ZodType {
  let number = z.coerce.number({ error: 'must be a number' });
  if (field.isInt) number = number.int({ error: 'must be a whole number' });
  if (field.minValue !== null && Number.isFinite(field.minValue))
    number = number.min(field.minValue, { error: `must be at least ${field.minValue}` });
  if (field.maxValue !== null && Number.isFinite(field.maxValue))
    number = number.max(field.maxValue, { error: `must be at most ${field.maxValue}` });
  return number;
}

/** The equality filters a parsed list query carries, without the paging fields. */
export function whereOf(query: Record<string, unknown>): Record<string, string | number | boolean> {
  const where: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'limit' || key === 'skip' || value === undefined) continue;
    where[key] = value as string | number | boolean;
  }
  return where;
}
