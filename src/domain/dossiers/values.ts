import { z } from 'zod';

/**
 * A moment: a Date (from the database) or an ISO 8601 date-time with an offset (from JSON). Bare dates
 * ('2026-11-14') are refused: the domain does not know the workspace's zone, so it cannot guess which
 * instant a bare date means.
 */
export const DateValueSchema = z.union(
  [z.date(), z.iso.datetime({ offset: true }).transform((value) => new Date(value))],
  { error: 'must be a date-time in ISO 8601 with a time zone, e.g. 2026-11-14T09:00:00+01:00' },
);

export const IdSchema = z.string({ error: 'must be an id' }).min(1, { error: 'must not be empty' });

export const CustomValueSchema = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null()], {
  error: 'custom fields hold text, numbers, true/false, dates or null',
});
export type CustomValue = z.infer<typeof CustomValueSchema>;

/** Custom field names become merge codes and condition paths, so they are plain identifiers. */
export const CUSTOM_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export const CustomFieldsSchema = z.record(
  z.string().regex(CUSTOM_FIELD_NAME, { error: 'custom field names are letters, digits and _' }),
  CustomValueSchema,
);
export type CustomFields = z.infer<typeof CustomFieldsSchema>;

export const COURSE_STATUSES = ['to-start', 'definitive', 'executed', 'closed', 'cancelled'] as const;
export const PARTICIPANT_STATUSES = ['planned', 'waiting-list', 'completed', 'cancelled'] as const;
export const PLANNING_STATUSES = ['requested', 'agreed', 'declined'] as const;
export const REQUEST_STAGES = ['quote', 'order'] as const;
export const REQUEST_STATUSES = ['open', 'closed', 'cancelled'] as const;
export const SALES_STATUSES = ['open', 'won', 'lost'] as const;
export const INVOICE_STATES = ['draft', 'final'] as const;
export const WEB_REQUEST_STATUSES = ['received', 'processed', 'rejected'] as const;

export function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}
