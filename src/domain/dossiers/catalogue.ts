import type { RecordKind } from './kinds.js';
import {
  COURSE_STATUSES,
  INVOICE_STATES,
  PARTICIPANT_STATUSES,
  REQUEST_STAGES,
  REQUEST_STATUSES,
  SALES_STATUSES,
  WEB_REQUEST_STATUSES,
} from './values.js';

export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'enum' | 'string[]';

/**
 * One field of a kind of record. This catalogue is the single source that merge codes, conditions,
 * set-field, timing anchors and field-changed events are checked against.
 */
export interface FieldSpec {
  /** Path inside the record, e.g. 'startDate' or 'emails.business'. */
  readonly name: string;
  readonly type: FieldType;
  /** The allowed values of an enum field. */
  readonly values?: readonly string[];
  /** Merge-code names: `[Course:StartDate]` and `[Opleiding:Begindatum]`. */
  readonly en: string;
  readonly nl: string;
  /** Whether the set-field process may change it. Statuses change through set-status, ids never. */
  readonly writable: boolean;
  /** Computed by deriveFacts, never stored. */
  readonly derived?: boolean;
  /** A derived fact that changes as time passes, with no change to any record (an invoice falls overdue). */
  readonly changesWithTime?: boolean;
  /** The field holds the id of a record of this kind. */
  readonly relation?: RecordKind;
  /** Fixed decimals when rendered (amounts of money). */
  readonly decimals?: number;
}

export interface KindSpec {
  readonly kind: RecordKind;
  /** Entity names in merge codes: `[Course:…]`, `[Opleiding:…]`. */
  readonly en: string;
  readonly nl: string;
  readonly fields: readonly FieldSpec[];
}

type Options = Partial<Pick<FieldSpec, 'values' | 'derived' | 'changesWithTime' | 'relation' | 'decimals'>>;

function writable(name: string, type: FieldType, en: string, nl: string, options: Options = {}): FieldSpec {
  return { name, type, en, nl, writable: true, ...options };
}

function readOnly(name: string, type: FieldType, en: string, nl: string, options: Options = {}): FieldSpec {
  return { name, type, en, nl, writable: false, ...options };
}

function derived(
  name: string,
  type: FieldType,
  en: string,
  nl: string,
  options: Pick<Options, 'changesWithTime'> = {},
): FieldSpec {
  return readOnly(name, type, en, nl, { derived: true, ...options });
}

function relation(name: string, kind: RecordKind, en: string, nl: string): FieldSpec {
  return readOnly(name, 'string', en, nl, { relation: kind });
}

function status(name: string, values: readonly string[], en = 'Status', nl = 'Status'): FieldSpec {
  return readOnly(name, 'enum', en, nl, { values });
}

const COMMON: readonly FieldSpec[] = [
  readOnly('id', 'string', 'Id', 'Id'),
  readOnly('createdAt', 'date', 'CreatedAt', 'Aangemaakt'),
  readOnly('updatedAt', 'date', 'UpdatedAt', 'Gewijzigd'),
];

function kind(kind: RecordKind, en: string, nl: string, fields: readonly FieldSpec[]): KindSpec {
  return { kind, en, nl, fields: [...COMMON, ...fields] };
}

// Relation fields are listed in the order their records are preferred when two paths lead to the same
// kind (see relationsToLoad): a participant's company is its request's debtor before the person's employer.
export const CATALOGUE: Readonly<Record<RecordKind, KindSpec>> = {
  course: kind('course', 'Course', 'Opleiding', [
    writable('code', 'string', 'Code', 'Code'),
    writable('name', 'string', 'Name', 'Naam'),
    relation('courseTypeId', 'course-type', 'CourseTypeId', 'OpleidingssoortId'),
    writable('startDate', 'date', 'StartDate', 'Begindatum'),
    writable('endDate', 'date', 'EndDate', 'Einddatum'),
    status('status', COURSE_STATUSES),
    writable('minParticipants', 'number', 'MinParticipants', 'MinimumDeelnemers'),
    writable('maxParticipants', 'number', 'MaxParticipants', 'MaximumDeelnemers'),
    writable('portalPublished', 'boolean', 'PortalPublished', 'OpPortaal'),
    writable('contactUserId', 'string', 'ContactUserId', 'ContactgebruikerId'),
    derived('participantCount', 'number', 'ParticipantCount', 'AantalDeelnemers'),
    derived('minimumReached', 'boolean', 'MinimumReached', 'MinimumBereikt'),
    derived('full', 'boolean', 'Full', 'Vol'),
    derived('teachersAgreed', 'boolean', 'TeachersAgreed', 'DocentenAkkoord'),
    derived('locationsAgreed', 'boolean', 'LocationsAgreed', 'LocatiesAkkoord'),
  ]),
  participant: kind('participant', 'Participant', 'Deelnemer', [
    relation('courseId', 'course', 'CourseId', 'OpleidingId'),
    relation('requestId', 'request', 'RequestId', 'AanvraagId'),
    relation('personId', 'person', 'PersonId', 'PersoonId'),
    status('status', PARTICIPANT_STATUSES),
    writable('attendanceMet', 'boolean', 'AttendanceMet', 'AanwezigheidBehaald'),
    writable('passMet', 'boolean', 'PassMet', 'Geslaagd'),
    writable('active', 'boolean', 'Active', 'Actief'),
  ]),
  request: kind('request', 'Request', 'Aanvraag', [
    writable('number', 'string', 'Number', 'Nummer'),
    status('stage', REQUEST_STAGES, 'Stage', 'Fase'),
    writable('salesStatus', 'enum', 'SalesStatus', 'Verkoopstatus', { values: SALES_STATUSES }),
    status('status', REQUEST_STATUSES),
    relation('courseTypeId', 'course-type', 'CourseTypeId', 'OpleidingssoortId'),
    relation('companyId', 'company', 'CompanyId', 'BedrijfId'),
    relation('contactId', 'contact', 'ContactId', 'ContactpersoonId'),
    relation('courseId', 'course', 'CourseId', 'OpleidingId'),
    writable('amount', 'number', 'Amount', 'Bedrag', { decimals: 2 }),
    writable('paymentTermDays', 'number', 'PaymentTermDays', 'Betalingstermijn'),
  ]),
  invoice: kind('invoice', 'Invoice', 'Factuur', [
    writable('number', 'string', 'Number', 'Nummer'),
    status('state', INVOICE_STATES, 'State', 'Status'),
    writable('amount', 'number', 'Amount', 'Bedrag', { decimals: 2 }),
    writable('dueDate', 'date', 'DueDate', 'Vervaldatum'),
    writable('paid', 'boolean', 'Paid', 'Betaald'),
    relation('requestId', 'request', 'RequestId', 'AanvraagId'),
    relation('companyId', 'company', 'CompanyId', 'BedrijfId'),
    derived('overdue', 'boolean', 'Overdue', 'Achterstallig', { changesWithTime: true }),
  ]),
  'web-request': kind('web-request', 'WebRequest', 'Webaanvraag', [
    status('status', WEB_REQUEST_STATUSES),
    relation('courseId', 'course', 'CourseId', 'OpleidingId'),
    relation('courseTypeId', 'course-type', 'CourseTypeId', 'OpleidingssoortId'),
    relation('requestId', 'request', 'RequestId', 'AanvraagId'),
    relation('personId', 'person', 'PersonId', 'PersoonId'),
    relation('companyId', 'company', 'CompanyId', 'BedrijfId'),
  ]),
  person: kind('person', 'Person', 'Persoon', [
    writable('firstName', 'string', 'FirstName', 'Voornaam'),
    writable('infix', 'string', 'Infix', 'Tussenvoegsel'),
    writable('lastName', 'string', 'LastName', 'Achternaam'),
    derived('name', 'string', 'Name', 'Naam'),
    writable('emails.business', 'string', 'BusinessEmail', 'EmailZakelijk'),
    writable('emails.private', 'string', 'PrivateEmail', 'EmailPrive'),
    writable('active', 'boolean', 'Active', 'Actief'),
    // Categories change through the person-category process, which fires category events.
    readOnly('categories', 'string[]', 'Categories', 'Categorieen'),
    relation('companyId', 'company', 'CompanyId', 'BedrijfId'),
  ]),
  company: kind('company', 'Company', 'Bedrijf', [
    writable('name', 'string', 'Name', 'Naam'),
    writable('accountManagerUserId', 'string', 'AccountManagerUserId', 'AccountmanagerId'),
    writable('email', 'string', 'Email', 'Email'),
  ]),
  contact: kind('contact', 'Contact', 'Contactpersoon', [
    relation('personId', 'person', 'PersonId', 'PersoonId'),
    relation('companyId', 'company', 'CompanyId', 'BedrijfId'),
    writable('role', 'string', 'Role', 'Functie'),
    writable('email', 'string', 'Email', 'Email'),
  ]),
  teacher: kind('teacher', 'Teacher', 'Docent', [
    relation('personId', 'person', 'PersonId', 'PersoonId'),
    writable('active', 'boolean', 'Active', 'Actief'),
  ]),
  location: kind('location', 'Location', 'Locatie', [
    writable('name', 'string', 'Name', 'Naam'),
    writable('address', 'string', 'Address', 'Adres'),
    writable('postalCode', 'string', 'PostalCode', 'Postcode'),
    writable('city', 'string', 'City', 'Plaats'),
  ]),
  'course-type': kind('course-type', 'CourseType', 'Opleidingssoort', [
    writable('key', 'string', 'Key', 'Sleutel'),
    writable('name', 'string', 'Name', 'Naam'),
    writable('contactUserId', 'string', 'ContactUserId', 'ContactgebruikerId'),
  ]),
};

export function fieldsOf(kind: RecordKind): readonly FieldSpec[] {
  return CATALOGUE[kind].fields;
}

export function fieldSpec(kind: RecordKind, name: string): FieldSpec | undefined {
  return CATALOGUE[kind].fields.find((field) => field.name === name);
}

/** The field's value read from a record or context entry by its (possibly dotted) path. */
export function readField(source: object, spec: FieldSpec): unknown {
  let value: unknown = source;
  for (const part of spec.name.split('.')) {
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}
