import { z } from 'zod';
import {
  COURSE_STATUSES,
  DateValueSchema,
  enumOf,
  IdSchema,
  INVOICE_STATES,
  PARTICIPANT_STATUSES,
  PLANNING_STATUSES,
  REQUEST_STAGES,
  REQUEST_STATUSES,
  SALES_STATUSES,
  WEB_REQUEST_STATUSES,
} from './values.js';

// The per-group field shapes, without defaults: the same shape is used for stored records, creation (with
// defaults added) and patches (all optional), and zod would apply defaults inside a partial patch.
// Optional fields are nullish so that a patch can clear them with null.

const text = z.string({ error: 'must be a text' });
const name = text.trim().min(1, { error: 'must not be empty' });
const flag = z.boolean({ error: 'must be true or false' });
const count = z.int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' });
const email = z.email({ error: 'must be an e-mail address' });

const teacherPlanning = z.object({ teacherId: IdSchema, planningStatus: enumOf(PLANNING_STATUSES) });
const locationPlanning = z.object({ locationId: IdSchema, planningStatus: enumOf(PLANNING_STATUSES) });

export const courseFields = {
  code: name,
  name,
  courseTypeId: IdSchema,
  startDate: DateValueSchema.nullish(),
  endDate: DateValueSchema.nullish(),
  status: enumOf(COURSE_STATUSES),
  minParticipants: count.nullish(),
  maxParticipants: count.nullish(),
  portalPublished: flag,
  contactUserId: IdSchema.nullish(),
  teachers: z.array(teacherPlanning),
  locations: z.array(locationPlanning),
};

export const participantFields = {
  courseId: IdSchema,
  personId: IdSchema,
  requestId: IdSchema.nullish(),
  status: enumOf(PARTICIPANT_STATUSES),
  attendanceMet: flag,
  passMet: flag,
  active: flag,
};

export const requestFields = {
  number: name,
  stage: enumOf(REQUEST_STAGES),
  salesStatus: enumOf(SALES_STATUSES),
  status: enumOf(REQUEST_STATUSES),
  courseTypeId: IdSchema.nullish(),
  companyId: IdSchema,
  contactId: IdSchema.nullish(),
  courseId: IdSchema.nullish(),
  /** The order value to bill; the create-invoice process copies it onto the draft invoice. */
  amount: z.number({ error: 'must be a number' }).nullish(),
  /** Days the debtor has to pay an invoice for this request; the workspace default when absent. */
  paymentTermDays: z.int({ error: 'must be a whole number' }).min(0).max(365).nullish(),
};

export const invoiceFields = {
  // Invoice numbers are usually assigned when the invoice is finalised.
  number: name.nullish(),
  state: enumOf(INVOICE_STATES),
  amount: z.number({ error: 'must be a number' }),
  dueDate: DateValueSchema.nullish(),
  paid: flag,
  requestId: IdSchema.nullish(),
  companyId: IdSchema,
};

export const webRequestFields = {
  payload: z.record(z.string(), z.unknown(), { error: 'must be an object' }),
  status: enumOf(WEB_REQUEST_STATUSES),
  // Filled in once the web request has been processed into dossiers.
  companyId: IdSchema.nullish(),
  personId: IdSchema.nullish(),
  requestId: IdSchema.nullish(),
};

export const personFields = {
  firstName: name,
  /** The Dutch tussenvoegsel ('van der'), kept apart so lists can sort on the last name. */
  infix: text.trim().nullish(),
  lastName: name,
  emails: z.object({ business: email.nullish(), private: email.nullish() }),
  active: flag,
  categories: z.array(name),
  companyId: IdSchema.nullish(),
};

export const companyFields = {
  name,
  accountManagerUserId: IdSchema.nullish(),
  email: email.nullish(),
};

export const contactFields = {
  personId: IdSchema,
  companyId: IdSchema,
  role: text.trim().nullish(),
  /** The address for this role at this company; the person's business address when absent. */
  email: email.nullish(),
};

export const teacherFields = {
  personId: IdSchema,
  active: flag,
};

export const locationFields = {
  name,
  address: text.trim().nullish(),
  postalCode: text.trim().nullish(),
  city: text.trim().nullish(),
};

export const courseTypeFields = {
  key: name,
  name,
  contactUserId: IdSchema.nullish(),
};

/** What creation fills in when the input leaves it out. */
export const createDefaults = {
  course: {
    status: courseFields.status.default('to-start'),
    portalPublished: flag.default(false),
    teachers: courseFields.teachers.default([]),
    locations: courseFields.locations.default([]),
  },
  participant: {
    status: participantFields.status.default('planned'),
    attendanceMet: flag.default(false),
    passMet: flag.default(false),
    active: flag.default(true),
  },
  request: {
    stage: requestFields.stage.default('quote'),
    salesStatus: requestFields.salesStatus.default('open'),
    status: requestFields.status.default('open'),
  },
  invoice: { state: invoiceFields.state.default('draft'), paid: flag.default(false) },
  'web-request': { status: webRequestFields.status.default('received') },
  person: {
    emails: personFields.emails.default({}),
    active: flag.default(true),
    categories: personFields.categories.default([]),
  },
  company: {},
  contact: {},
  teacher: { active: flag.default(true) },
  location: {},
  'course-type': {},
};
