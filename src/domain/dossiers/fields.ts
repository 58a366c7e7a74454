import { z } from 'zod';
import { TEXT_LIMITS, text } from '../text.js';
import { WebRequestPayloadSchema } from './payload.js';
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

const name = text({ max: TEXT_LIMITS.name });
const short = text({ max: TEXT_LIMITS.short });
const code = text({ max: TEXT_LIMITS.id });
const optionalLine = (max: number) => text({ max, required: false });
const flag = z.boolean({ error: 'must be true or false' });
/** Amounts of money: negative for credit, bounded so that sums stay exact in floating point. */
const money = z
  .number({ error: 'must be a number' })
  .min(-1_000_000_000, { error: 'must be at least -1,000,000,000' })
  .max(1_000_000_000, { error: 'must be at most 1,000,000,000' });
const count = z
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must be 0 or more' })
  .max(100_000, { error: 'must be at most 100000' });
const email = z
  .email({ error: 'must be an e-mail address' })
  .max(254, { error: 'must be at most 254 characters' });

const teacherPlanning = z.strictObject({ teacherId: IdSchema, planningStatus: enumOf(PLANNING_STATUSES) });
const locationPlanning = z.strictObject({ locationId: IdSchema, planningStatus: enumOf(PLANNING_STATUSES) });
/** A course has a handful of teachers and locations; a thousand is a mistake, not a course. */
const plannings = <T extends z.ZodType>(item: T) =>
  z.array(item).max(100, { error: 'must have at most 100 entries' });

export const courseFields = {
  code,
  name,
  courseTypeId: IdSchema,
  startDate: DateValueSchema.nullish(),
  endDate: DateValueSchema.nullish(),
  status: enumOf(COURSE_STATUSES),
  minParticipants: count.nullish(),
  maxParticipants: count.nullish(),
  portalPublished: flag,
  contactUserId: IdSchema.nullish(),
  teachers: plannings(teacherPlanning),
  locations: plannings(locationPlanning),
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
  number: code,
  stage: enumOf(REQUEST_STAGES),
  salesStatus: enumOf(SALES_STATUSES),
  status: enumOf(REQUEST_STATUSES),
  courseTypeId: IdSchema.nullish(),
  companyId: IdSchema,
  contactId: IdSchema.nullish(),
  courseId: IdSchema.nullish(),
  /** The order value to bill; the create-invoice process copies it onto the draft invoice. */
  amount: money.nullish(),
  /** Days the debtor has to pay an invoice for this request; the workspace default when absent. */
  paymentTermDays: z.int({ error: 'must be a whole number' }).min(0).max(365).nullish(),
};

export const invoiceFields = {
  // Invoice numbers are usually assigned when the invoice is finalised.
  number: code.nullish(),
  state: enumOf(INVOICE_STATES),
  amount: money,
  dueDate: DateValueSchema.nullish(),
  paid: flag,
  requestId: IdSchema.nullish(),
  companyId: IdSchema,
};

export const webRequestFields = {
  payload: WebRequestPayloadSchema,
  status: enumOf(WEB_REQUEST_STATUSES),
  /** The course it enrols for; its course type is the web request's (docs/domain.md §4). */
  courseId: IdSchema.nullish(),
  /** The course type it asks for when it names no course (or the course's own, when it names both). */
  courseTypeId: IdSchema.nullish(),
  // Filled in once the web request has been processed into dossiers.
  companyId: IdSchema.nullish(),
  personId: IdSchema.nullish(),
  requestId: IdSchema.nullish(),
};

export const personFields = {
  firstName: short,
  /** The Dutch tussenvoegsel ('van der'), kept apart so lists can sort on the last name. */
  infix: optionalLine(30).nullish(),
  lastName: short,
  emails: z.strictObject({ business: email.nullish(), private: email.nullish() }),
  active: flag,
  categories: z.array(short).max(100, { error: 'must have at most 100 categories' }),
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
  role: optionalLine(TEXT_LIMITS.short).nullish(),
  /** The address for this role at this company; the person's business address when absent. */
  email: email.nullish(),
};

export const teacherFields = {
  personId: IdSchema,
  active: flag,
};

export const locationFields = {
  name,
  address: optionalLine(TEXT_LIMITS.name).nullish(),
  postalCode: optionalLine(20).nullish(),
  city: optionalLine(TEXT_LIMITS.short).nullish(),
};

export const courseTypeFields = {
  key: code,
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
