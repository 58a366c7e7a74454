import type { Company, Contact, Location, Person, Teacher } from '../domain/dossiers/index.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { createRecord } from './create-record.js';
import type { Staff } from './staff.js';
import { EXPIRED_FIRST_AID } from './templates/index.js';

/** Customers; Sanne (sales) manages all three accounts. */
const COMPANIES = {
  vanDijk: { name: 'Bouwbedrijf Van Dijk B.V.', domain: 'vandijkbouw.example', inbox: 'opleidingen' },
  hetAnker: { name: 'Zorggroep Het Anker', domain: 'hetanker.example', inbox: 'p-o' },
  mulder: { name: 'Transportbedrijf Mulder', domain: 'muldertransport.example', inbox: 'planning' },
} as const;
type CompanyKey = keyof typeof COMPANIES;

/** Where a person's address is: at the employer (business), or a private or freelance-teacher one. */
type Where = CompanyKey | 'private' | 'teacher';
const OTHER_DOMAINS = { private: 'post.example', teacher: 'docent.example' } as const;

/** First name, tussenvoegsel, last name, where, then any categories. */
type PersonRow = readonly [string, string, string, Where, ...string[]];

/**
 * Everyone the example needs: the customer's contact, the teachers and the participants. People who enrol
 * for an open course without an employer have only a private address.
 */
const PEOPLE = {
  marieke: ['Marieke', 'van', 'Dijk', 'vanDijk'],
  henk: ['Henk', '', 'Visser', 'teacher'],
  fatima: ['Fatima', '', 'El Amrani', 'teacher'],
  johan: ['Johan', 'de', 'Boer', 'vanDijk'],
  ahmed: ['Ahmed', '', 'Yilmaz', 'vanDijk'],
  lotte: ['Lotte', '', 'Vermeulen', 'vanDijk'],
  tom: ['Tom', '', 'Hendriks', 'vanDijk'],
  fleur: ['Fleur', 'de', 'Wit', 'hetAnker', EXPIRED_FIRST_AID],
  sandra: ['Sandra', '', 'Koster', 'hetAnker'],
  youssef: ['Youssef', '', 'Benali', 'hetAnker'],
  ingrid: ['Ingrid', '', 'Smit', 'hetAnker'],
  daan: ['Daan', '', 'Peters', 'hetAnker'],
  bas: ['Bas', '', 'Kuipers', 'mulder'],
  kevin: ['Kevin', '', 'Dekker', 'mulder'],
  mark: ['Mark', '', 'Willems', 'mulder'],
  emma: ['Emma', '', 'Visser', 'private'],
  lucas: ['Lucas', '', 'Meijer', 'private'],
  noor: ['Noor', 'de', 'Graaf', 'private', EXPIRED_FIRST_AID],
  sem: ['Sem', '', 'Bos', 'private'],
  julia: ['Julia', '', 'Mulder', 'private'],
  finn: ['Finn', 'de', 'Jong', 'private'],
  sophie: ['Sophie', 'van', 'Leeuwen', 'private'],
} as const satisfies Record<string, PersonRow>;
export type PersonKey = keyof typeof PEOPLE;

/** 'fleur.dewit@hetanker.example': first name, dot, the rest of the name without spaces. */
function emailOf([first, infix, last, where]: PersonRow): string {
  const local = `${first}.${infix}${last}`.toLowerCase().replace(/\s+/g, '');
  const domain = where === 'private' || where === 'teacher' ? OTHER_DOMAINS[where] : COMPANIES[where].domain;
  return `${local}@${domain}`;
}

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
  const companies = await createEach(COMPANIES, ({ name, domain, inbox }) =>
    createRecord(deps, staff.sanne, 'company', {
      name,
      email: `${inbox}@${domain}`,
      accountManagerUserId: staff.sanne.id,
    }),
  );
  const people = await createEach(PEOPLE, (row: PersonRow) => {
    const [firstName, infix, lastName, where, ...categories] = row;
    const employed = where !== 'private' && where !== 'teacher';
    return createRecord(deps, staff.ans, 'person', {
      firstName,
      infix: infix || null,
      lastName,
      emails: employed ? { business: emailOf(row) } : { private: emailOf(row) },
      companyId: employed ? companies[where].id : null,
      categories,
    });
  });
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

/** One record per entry, one at a time so events follow the table's order; keyed as the table. */
async function createEach<K extends string, I, R>(
  table: Record<K, I>,
  create: (input: I) => Promise<R>,
): Promise<Record<K, R>> {
  const created = {} as Record<K, R>;
  for (const key of Object.keys(table) as K[]) created[key] = await create(table[key]);
  return created;
}
