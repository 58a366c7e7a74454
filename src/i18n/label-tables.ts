import type { RecordKind } from '../domain/dossiers/kinds.js';
import type { Locale } from '../domain/i18n/locale.js';

/**
 * How people read the records' data: the name of each data group, each field and each status value, in
 * Dutch and English. Merge-code names (`PortalPublished`, `OpPortaal`) are identifiers for templates;
 * these are the words a planner reads on a card ("Op portaal: ja", "Status: definitief").
 */
export type Words = Readonly<Record<Locale, string>>;

export const GROUP_LABELS: Readonly<Record<RecordKind, Words>> = {
  course: { en: 'Course', nl: 'Opleiding' },
  participant: { en: 'Participant', nl: 'Deelnemer' },
  request: { en: 'Request', nl: 'Aanvraag' },
  invoice: { en: 'Invoice', nl: 'Factuur' },
  'web-request': { en: 'Web request', nl: 'Webaanvraag' },
  person: { en: 'Person', nl: 'Persoon' },
  company: { en: 'Company', nl: 'Bedrijf' },
  contact: { en: 'Contact', nl: 'Contactpersoon' },
  teacher: { en: 'Teacher', nl: 'Docent' },
  location: { en: 'Location', nl: 'Locatie' },
  'course-type': { en: 'Course type', nl: 'Opleidingssoort' },
};

/** Fields every record has. */
export const COMMON_FIELDS: Readonly<Record<string, Words>> = {
  id: { en: 'Id', nl: 'Id' },
  createdAt: { en: 'Created', nl: 'Aangemaakt' },
  updatedAt: { en: 'Changed', nl: 'Gewijzigd' },
};

export const FIELD_LABELS: Readonly<Record<RecordKind, Readonly<Record<string, Words>>>> = {
  course: {
    code: { en: 'Code', nl: 'Code' },
    name: { en: 'Name', nl: 'Naam' },
    courseTypeId: { en: 'Course type', nl: 'Opleidingssoort' },
    startDate: { en: 'Start date', nl: 'Begindatum' },
    endDate: { en: 'End date', nl: 'Einddatum' },
    status: { en: 'Status', nl: 'Status' },
    minParticipants: { en: 'Minimum participants', nl: 'Minimum aantal deelnemers' },
    maxParticipants: { en: 'Maximum participants', nl: 'Maximum aantal deelnemers' },
    portalPublished: { en: 'On the portal', nl: 'Op het portaal' },
    contactUserId: { en: 'Contact person', nl: 'Contactpersoon' },
    participantCount: { en: 'Number of participants', nl: 'Aantal deelnemers' },
    minimumReached: { en: 'Minimum reached', nl: 'Minimum bereikt' },
    full: { en: 'Full', nl: 'Vol' },
    teachersAgreed: { en: 'Teachers agreed', nl: 'Docenten akkoord' },
    locationsAgreed: { en: 'Locations agreed', nl: 'Locaties akkoord' },
  },
  participant: {
    courseId: { en: 'Course', nl: 'Opleiding' },
    requestId: { en: 'Request', nl: 'Aanvraag' },
    personId: { en: 'Person', nl: 'Persoon' },
    status: { en: 'Status', nl: 'Status' },
    attendanceMet: { en: 'Attendance met', nl: 'Aanwezigheid behaald' },
    passMet: { en: 'Passed', nl: 'Geslaagd' },
    active: { en: 'Active', nl: 'Actief' },
  },
  request: {
    number: { en: 'Number', nl: 'Nummer' },
    stage: { en: 'Stage', nl: 'Fase' },
    salesStatus: { en: 'Sales status', nl: 'Verkoopstatus' },
    status: { en: 'Status', nl: 'Status' },
    courseTypeId: { en: 'Course type', nl: 'Opleidingssoort' },
    companyId: { en: 'Company', nl: 'Bedrijf' },
    contactId: { en: 'Contact', nl: 'Contactpersoon' },
    courseId: { en: 'Course', nl: 'Opleiding' },
    amount: { en: 'Amount', nl: 'Bedrag' },
    paymentTermDays: { en: 'Payment term (days)', nl: 'Betalingstermijn (dagen)' },
  },
  invoice: {
    number: { en: 'Number', nl: 'Nummer' },
    state: { en: 'Status', nl: 'Status' },
    amount: { en: 'Amount', nl: 'Bedrag' },
    dueDate: { en: 'Due date', nl: 'Vervaldatum' },
    paid: { en: 'Paid', nl: 'Betaald' },
    requestId: { en: 'Request', nl: 'Aanvraag' },
    companyId: { en: 'Debtor', nl: 'Debiteur' },
    overdue: { en: 'Payment overdue', nl: 'Achterstallig' },
  },
  'web-request': {
    status: { en: 'Status', nl: 'Status' },
    courseId: { en: 'Course', nl: 'Opleiding' },
    courseTypeId: { en: 'Course type', nl: 'Opleidingssoort' },
    requestId: { en: 'Request', nl: 'Aanvraag' },
    personId: { en: 'Person', nl: 'Persoon' },
    companyId: { en: 'Company', nl: 'Bedrijf' },
  },
  person: {
    firstName: { en: 'First name', nl: 'Voornaam' },
    infix: { en: 'Infix', nl: 'Tussenvoegsel' },
    lastName: { en: 'Last name', nl: 'Achternaam' },
    name: { en: 'Name', nl: 'Naam' },
    'emails.business': { en: 'Business e-mail', nl: 'Zakelijk e-mailadres' },
    'emails.private': { en: 'Private e-mail', nl: 'Privé-e-mailadres' },
    active: { en: 'Active', nl: 'Actief' },
    categories: { en: 'Categories', nl: 'Categorieën' },
    companyId: { en: 'Company', nl: 'Bedrijf' },
  },
  company: {
    name: { en: 'Name', nl: 'Naam' },
    accountManagerUserId: { en: 'Account manager', nl: 'Accountmanager' },
    email: { en: 'E-mail', nl: 'E-mailadres' },
  },
  contact: {
    personId: { en: 'Person', nl: 'Persoon' },
    companyId: { en: 'Company', nl: 'Bedrijf' },
    role: { en: 'Role', nl: 'Functie' },
    email: { en: 'E-mail', nl: 'E-mailadres' },
  },
  teacher: {
    personId: { en: 'Person', nl: 'Persoon' },
    active: { en: 'Active', nl: 'Actief' },
  },
  location: {
    name: { en: 'Name', nl: 'Naam' },
    address: { en: 'Address', nl: 'Adres' },
    postalCode: { en: 'Postal code', nl: 'Postcode' },
    city: { en: 'City', nl: 'Plaats' },
  },
  'course-type': {
    key: { en: 'Key', nl: 'Sleutel' },
    name: { en: 'Name', nl: 'Naam' },
    contactUserId: { en: 'Contact person', nl: 'Contactpersoon' },
  },
};

/** The words of every enum value, per group and field: `course.status` 'definitive' is "definitief". */
export const VALUE_LABELS: Readonly<
  Partial<Record<RecordKind, Readonly<Record<string, Readonly<Record<string, Words>>>>>>
> = {
  course: {
    status: {
      'to-start': { en: 'to start', nl: 'te starten' },
      definitive: { en: 'confirmed', nl: 'definitief' },
      executed: { en: 'held', nl: 'uitgevoerd' },
      closed: { en: 'closed', nl: 'afgesloten' },
      cancelled: { en: 'cancelled', nl: 'geannuleerd' },
    },
  },
  participant: {
    status: {
      planned: { en: 'planned', nl: 'ingepland' },
      'waiting-list': { en: 'on the waiting list', nl: 'op de wachtlijst' },
      completed: { en: 'completed', nl: 'afgerond' },
      cancelled: { en: 'cancelled', nl: 'geannuleerd' },
    },
  },
  request: {
    stage: { quote: { en: 'quote', nl: 'offerte' }, order: { en: 'order', nl: 'opdracht' } },
    salesStatus: {
      open: { en: 'open', nl: 'lopend' },
      won: { en: 'won', nl: 'gewonnen' },
      lost: { en: 'lost', nl: 'verloren' },
    },
    status: {
      open: { en: 'open', nl: 'lopend' },
      closed: { en: 'closed', nl: 'afgesloten' },
      cancelled: { en: 'cancelled', nl: 'geannuleerd' },
    },
  },
  invoice: { state: { draft: { en: 'draft', nl: 'concept' }, final: { en: 'final', nl: 'definitief' } } },
  'web-request': {
    status: {
      received: { en: 'received', nl: 'ontvangen' },
      processed: { en: 'processed', nl: 'verwerkt' },
      rejected: { en: 'rejected', nl: 'afgewezen' },
    },
  },
};

/** Planning answers of teachers and locations (course.teachers[].planningStatus). */
export const PLANNING_LABELS: Readonly<Record<string, Words>> = {
  requested: { en: 'requested', nl: 'aangevraagd' },
  agreed: { en: 'agreed', nl: 'akkoord' },
  declined: { en: 'declined', nl: 'afgezegd' },
};

/** The states of an action as words inside a sentence ("Actie 12 is al gedaan"). */
export const ACTION_STATE_WORDS: Readonly<Record<string, Words>> = {
  waiting: { en: 'waiting', nl: 'wachtend' },
  open: { en: 'open', nl: 'open' },
  done: { en: 'done', nl: 'gedaan' },
  executed: { en: 'executed', nl: 'uitgevoerd' },
  failed: { en: 'failed', nl: 'mislukt' },
  rejected: { en: 'rejected', nl: 'afgewezen' },
  cancelled: { en: 'cancelled', nl: 'geannuleerd' },
};

export const OTHER_GROUP_WORDS: Readonly<Record<string, Words>> = { user: { en: 'user', nl: 'gebruiker' } };

/** The symbolic recipients of an e-mail process, as a person says them. */
export const RECIPIENT_WORDS: Readonly<Record<string, Words>> = {
  participant: { en: 'the participant', nl: 'de deelnemer' },
  'person-business': { en: 'the person (business address)', nl: 'de persoon (zakelijk adres)' },
  'person-first': { en: 'the person', nl: 'de persoon' },
  contact: { en: 'the contact', nl: 'de contactpersoon' },
  debtor: { en: 'the debtor', nl: 'de debiteur' },
  'course-contact': { en: 'the course contact', nl: 'de contactpersoon van de opleiding' },
  owner: { en: 'the owner', nl: 'de eigenaar' },
};

export const PLATFORM_NAMES: Readonly<Record<string, Words>> = {
  slack: { en: 'Slack', nl: 'Slack' },
  teams: { en: 'Teams', nl: 'Teams' },
  console: { en: 'the console', nl: 'de console' },
};
