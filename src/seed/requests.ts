import type { Action } from '../domain/actions/index.js';
import type { Request } from '../domain/dossiers/index.js';
import { stampByHand } from '../workflow/actions/stamp-by-hand.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import type { CourseTypes } from './course-types.js';
import type { Courses } from './courses.js';
import { createRecord } from './create-record.js';
import type { Organisations } from './organisations.js';
import type { Staff } from './staff.js';

export interface Requests {
  /** Zorggroep Het Anker asked for an in-company first-aid course; the quote went out today. */
  quote: Request;
  /** Bouwbedrijf Van Dijk's order for the in-company BHV course that was held on the last working day. */
  order: Request;
}

/** Sales enters both requests. */
export async function seedRequests(
  deps: WorkflowDeps,
  refs: { staff: Staff; courseTypes: CourseTypes; organisations: Organisations; courses: Courses },
): Promise<Requests> {
  const { staff, courseTypes, organisations, courses } = refs;
  const quote = await createRecord(deps, staff.sanne, 'request', {
    number: 'OFF-1042',
    companyId: organisations.companies.hetAnker.id,
    courseTypeId: courseTypes.ehbo.id,
    amount: 2_450,
  });
  const order = await createRecord(deps, staff.sanne, 'request', {
    number: 'ORD-1038',
    stage: 'order',
    salesStatus: 'won',
    companyId: organisations.companies.vanDijk.id,
    contactId: organisations.contact.id,
    courseTypeId: courseTypes.bhv.id,
    courseId: courses.held.id,
    amount: 1_860,
    paymentTermDays: 30,
  });
  return { quote, order };
}

/** docs/domain.md §8 example 1: the sales person stamps the call-back onto the quote herself. */
export function stampQuoteCallBack(deps: WorkflowDeps, staff: Staff, quote: Request): Promise<Action> {
  return stampByHand(deps, staff.sanne, { template: 'call-back-quote', recordId: quote.id });
}
