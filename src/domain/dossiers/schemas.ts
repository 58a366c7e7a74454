import { z } from 'zod';
import {
  companyFields,
  contactFields,
  courseFields,
  courseTypeFields,
  createDefaults,
  invoiceFields,
  locationFields,
  participantFields,
  personFields,
  requestFields,
  teacherFields,
  webRequestFields,
} from './fields.js';
import type { RecordKind } from './kinds.js';
import { CustomFieldsSchema, DateValueSchema, IdSchema } from './values.js';

function recordSchema<K extends RecordKind, F extends z.ZodRawShape>(kind: K, fields: F) {
  return z
    .object({
      id: IdSchema,
      group: z.literal(kind),
      custom: CustomFieldsSchema.default({}),
      createdAt: DateValueSchema,
      updatedAt: DateValueSchema,
    })
    .extend(fields);
}

export const CourseSchema = recordSchema('course', courseFields);
export const ParticipantSchema = recordSchema('participant', participantFields);
export const RequestSchema = recordSchema('request', requestFields);
export const InvoiceSchema = recordSchema('invoice', invoiceFields);
export const WebRequestSchema = recordSchema('web-request', webRequestFields);
export const PersonSchema = recordSchema('person', personFields);
export const CompanySchema = recordSchema('company', companyFields);
export const ContactSchema = recordSchema('contact', contactFields);
export const TeacherSchema = recordSchema('teacher', teacherFields);
export const LocationSchema = recordSchema('location', locationFields);
export const CourseTypeSchema = recordSchema('course-type', courseTypeFields);

/** A stored dossier record of any kind, told apart by `group`. */
export const DossierRecordSchema = z.discriminatedUnion('group', [
  CourseSchema,
  ParticipantSchema,
  RequestSchema,
  InvoiceSchema,
  WebRequestSchema,
  PersonSchema,
  CompanySchema,
  ContactSchema,
  TeacherSchema,
  LocationSchema,
  CourseTypeSchema,
]);

export type Course = z.infer<typeof CourseSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;
export type Request = z.infer<typeof RequestSchema>;
export type Invoice = z.infer<typeof InvoiceSchema>;
export type WebRequest = z.infer<typeof WebRequestSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Company = z.infer<typeof CompanySchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Teacher = z.infer<typeof TeacherSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type CourseType = z.infer<typeof CourseTypeSchema>;
export type DossierRecord = z.infer<typeof DossierRecordSchema>;
export type RecordOf<K extends RecordKind> = Extract<DossierRecord, { group: K }>;
/** A stored dossier: the record plus a version that makes every update conditional. */
export type VersionedDossier = DossierRecord & { version: number };

// Inputs are strict: a misspelt field is an error naming it, not silently dropped.
function createSchema<F extends z.ZodRawShape, D extends z.ZodRawShape>(fields: F, defaults: D) {
  return z
    .strictObject(fields)
    .extend(defaults)
    .extend({ custom: CustomFieldsSchema.default({}) });
}

function patchSchema<F extends z.ZodRawShape>(fields: F) {
  return z.strictObject(fields).extend({ custom: CustomFieldsSchema }).partial();
}

/** Write-side input for creating a record of each kind (id and timestamps are assigned by the domain). */
export const CreateDossierSchemas = {
  course: createSchema(courseFields, createDefaults.course),
  participant: createSchema(participantFields, createDefaults.participant),
  request: createSchema(requestFields, createDefaults.request),
  invoice: createSchema(invoiceFields, createDefaults.invoice),
  'web-request': createSchema(webRequestFields, createDefaults['web-request']),
  person: createSchema(personFields, createDefaults.person),
  company: createSchema(companyFields, createDefaults.company),
  contact: createSchema(contactFields, createDefaults.contact),
  teacher: createSchema(teacherFields, createDefaults.teacher),
  location: createSchema(locationFields, createDefaults.location),
  'course-type': createSchema(courseTypeFields, createDefaults['course-type']),
} as const;

/** Write-side input for changing a record: every field optional; null clears an optional field. */
export const PatchDossierSchemas = {
  course: patchSchema(courseFields),
  participant: patchSchema(participantFields),
  request: patchSchema(requestFields),
  invoice: patchSchema(invoiceFields),
  'web-request': patchSchema(webRequestFields),
  person: patchSchema(personFields),
  company: patchSchema(companyFields),
  contact: patchSchema(contactFields),
  teacher: patchSchema(teacherFields),
  location: patchSchema(locationFields),
  'course-type': patchSchema(courseTypeFields),
} as const;

export type CreateDossierInput<K extends RecordKind> = z.input<(typeof CreateDossierSchemas)[K]>;
export type PatchDossierInput<K extends RecordKind> = z.input<(typeof PatchDossierSchemas)[K]>;
