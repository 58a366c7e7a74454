import type { Company, Contact, Location, Person, Teacher } from '../domain/dossiers/index.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { createRecord } from './create-record.js';
import type { Staff } from './staff.js';
import { EXPIRED_FIRST_AID } from './templates/index.js';

/** Customers; Sanne (sales) manages all three accounts. */
const COMPANIES = {
  vanDijk: { name: 'Bouwbedrijf Van Dijk B.V.', email: 'opleidingen@vandijkbouw.example' },
  hetAnker: { name: 'Zorggroep Het Anker', email: 'p-o@hetanker.example' },
  mulder: { name: 'Transportbedrijf Mulder', email: 'planning@muldertransport.example' },
} as const;
type CompanyKey = keyof typeof COMPANIES;

interface PersonRow {
  first: string;
  infix?: string;
  last: string;
  email: string;
  /** Employees have a business address; private enrolments only a private one. */
  company?: CompanyKey;
  categories?: string[];
}

/**
 * Everyone the example needs: the customer's contact, the teachers and the participants. Participants of
 * open-enrolment courses without an employer enrol privately.
 */
const PEOPLE = {
  marieke: {
    first: 'Marieke',
    infix: 'van',
    last: 'Dijk',
    email: 'marieke@vandijkbouw.example',
    company: 'vanDijk',
  },
  henk: { first: 'Henk', last: 'Visser', email: 'henk.visser@docent.example' },
  fatima: { first: 'Fatima', last: 'El Amrani', email: 'fatima.elamrani@docent.example' },
  johan: {
    first: 'Johan',
    infix: 'de',
    last: 'Boer',
    email: 'johan.deboer@vandijkbouw.example',
    company: 'vanDijk',
  },
  ahmed: { first: 'Ahmed', last: 'Yilmaz', email: 'ahmed.yilmaz@vandijkbouw.example', company: 'vanDijk' },
  lotte: {
    first: 'Lotte',
    last: 'Vermeulen',
    email: 'lotte.vermeulen@vandijkbouw.example',
    company: 'vanDijk',
  },
  tom: { first: 'Tom', last: 'Hendriks', email: 'tom.hendriks@vandijkbouw.example', company: 'vanDijk' },
  fleur: {
    first: 'Fleur',
    infix: 'de',
    last: 'Wit',
    email: 'fleur.dewit@hetanker.example',
    company: 'hetAnker',
    categories: [EXPIRED_FIRST_AID],
  },
  sandra: { first: 'Sandra', last: 'Koster', email: 'sandra.koster@hetanker.example', company: 'hetAnker' },
  youssef: {
    first: 'Youssef',
    last: 'Benali',
    email: 'youssef.benali@hetanker.example',
    company: 'hetAnker',
  },
  ingrid: { first: 'Ingrid', last: 'Smit', email: 'ingrid.smit@hetanker.example', company: 'hetAnker' },
  daan: { first: 'Daan', last: 'Peters', email: 'daan.peters@hetanker.example', company: 'hetAnker' },
  bas: { first: 'Bas', last: 'Kuipers', email: 'bas.kuipers@muldertransport.example', company: 'mulder' },
  kevin: { first: 'Kevin', last: 'Dekker', email: 'kevin.dekker@muldertransport.example', company: 'mulder' },
  mark: { first: 'Mark', last: 'Willems', email: 'mark.willems@muldertransport.example', company: 'mulder' },
  emma: { first: 'Emma', last: 'Visser', email: 'emma.visser@post.example' },
  lucas: { first: 'Lucas', last: 'Meijer', email: 'lucas.meijer@post.example' },
  noor: {
    first: 'Noor',
    infix: 'de',
    last: 'Graaf',
    email: 'noor.degraaf@post.example',
    categories: [EXPIRED_FIRST_AID],
  },
  sem: { first: 'Sem', last: 'Bos', email: 'sem.bos@post.example' },
  julia: { first: 'Julia', last: 'Mulder', email: 'julia.mulder@post.example' },
  finn: { first: 'Finn', infix: 'de', last: 'Jong', email: 'finn.dejong@post.example' },
  sophie: { first: 'Sophie', infix: 'van', last: 'Leeuwen', email: 'sophie.vanleeuwen@post.example' },
} satisfies Record<string, PersonRow>;
export type PersonKey = keyof typeof PEOPLE;

const LOCATIONS = {
  utrecht: { name: 'De Brug Utrecht', address: 'Brugweg 12', postalCode: '3511 AB', city: 'Utrecht' },
  amersfoort: {
    name: 'De Brug Amersfoort',
    address: 'Stationsplein 4',
    postalCode: '3818 LE',
    city: 'Amersfoort',
  },
  vanDijk: {
    name: 'Bouwbedrijf Van Dijk (op locatie)',
    address: 'Industrieweg 8',
    postalCode: '3401 MA',
    city: 'IJsselstein',
  },
} as const;
export type LocationKey = keyof typeof LOCATIONS;

export interface Organisations {
  companies: Record<CompanyKey, Company>;
  people: Record<PersonKey, Person>;
  contact: Contact;
  teachers: { henk: Teacher; fatima: Teacher };
  locations: Record<LocationKey, Location>;
}

/** Sales enters the customers; planning enters people, teachers and locations, as at a real institute. */
export async function seedOrganisations(deps: WorkflowDeps, staff: Staff): Promise<Organisations> {
  const companies = await createEach(COMPANIES, (fields) =>
    createRecord(deps, staff.sanne, 'company', { ...fields, accountManagerUserId: staff.sanne.id }),
  );
  const people = await createEach(PEOPLE, (row: PersonRow) =>
    createRecord(deps, staff.ans, 'person', {
      firstName: row.first,
      infix: row.infix ?? null,
      lastName: row.last,
      emails: row.company ? { business: row.email } : { private: row.email },
      companyId: row.company ? companies[row.company].id : null,
      categories: row.categories ?? [],
    }),
  );
  const contact = await createRecord(deps, staff.sanne, 'contact', {
    personId: people.marieke.id,
    companyId: companies.vanDijk.id,
    role: 'HR-adviseur',
  });
  const teachers = await createEach({ henk: people.henk, fatima: people.fatima }, (person) =>
    createRecord(deps, staff.ans, 'teacher', { personId: person.id }),
  );
  const locations = await createEach(LOCATIONS, (fields) =>
    createRecord(deps, staff.ans, 'location', fields),
  );
  return { companies, people, contact, teachers, locations };
}

/** One record per entry, in order (so record numbers and events follow the table), keyed as the table. */
async function createEach<K extends string, I, R>(
  table: Record<K, I>,
  create: (input: I) => Promise<R>,
): Promise<Record<K, R>> {
  const created = {} as Record<K, R>;
  for (const key of Object.keys(table) as K[]) created[key] = await create(table[key]);
  return created;
}
