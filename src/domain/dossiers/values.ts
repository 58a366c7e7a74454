import { z } from 'zod';
import { TEXT_LIMITS, text } from '../text.js';

/**
 * Dates a training institute works with. Outside them a date is a typo (0001 for 2001) or a fuzzer, and
 * calendar arithmetic on it (working days, holidays) fails or takes for ever, long after it was accepted.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;
/** As written in ISO 8601: the year in the text is what the sender meant. */
export const WRITTEN_YEAR = /^(19|2[01])\d\d-/;
// A moment's UTC year may lie a day outside its written one (offsets), so stored dates get that margin.
const earliest = Date.UTC(EARLIEST_YEAR - 1, 11, 31);
const latest = Date.UTC(LATEST_YEAR + 1, 0, 2);

export function isInDateRange(value: Date): boolean {
  const time = value.getTime();
  return Number.isFinite(time) && time >= earliest && time < latest;
}

/**
 * A moment: a Date (from the database) or an ISO 8601 date-time with an offset (from JSON). Bare dates
 * ('2026-11-14') are refused: the domain does not know the workspace's zone, so it cannot guess which
 * instant a bare date means.
 */
const outOfRange = `must be in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}`;

export const DateValueSchema = z.union(
  [
    z.date().refine(isInDateRange, { error: outOfRange }),
    z.iso
      .datetime({ offset: true })
      .regex(WRITTEN_YEAR, { error: outOfRange })
      .transform((value) => new Date(value)),
  ],
  { error: 'must be a date-time in ISO 8601 with a time zone, e.g. 2026-11-14T09:00:00+01:00' },
);

export const IdSchema = z
  .string({ error: 'must be an id' })
  .min(1, { error: 'must not be empty' })
  .max(TEXT_LIMITS.id, { error: `must be at most ${TEXT_LIMITS.id} characters` })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ids must not carry control characters.
  .regex(/^[^\s\u0000-\u001f\u007f]+$/, { error: 'must not contain spaces or control characters' });

export const CustomValueSchema = z.union(
  [
    text({ max: TEXT_LIMITS.note, multiline: true, required: false, trim: false }),
    z.number(),
    z.boolean(),
    z.date(),
    z.null(),
  ],
  {
    error: 'custom fields hold text, numbers, true/false, dates or null',
  },
);
export type CustomValue = z.infer<typeof CustomValueSchema>;

/** Custom field names become merge codes and condition paths, so they are plain identifiers. */
export const CUSTOM_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export const CustomFieldsSchema = z.record(
  z
    .string()
    .max(64, { error: 'custom field names are at most 64 characters' })
    .regex(CUSTOM_FIELD_NAME, { error: 'custom field names are letters, digits and _' }),
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
