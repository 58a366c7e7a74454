import { z } from 'zod';
import { DATA_GROUPS } from '../dossiers/kinds.js';
import { dateFieldPaths } from '../dossiers/paths.js';
import { TIME_OF_DAY_PATTERN } from './local-date.js';

export const TIME_UNITS = ['minutes', 'hours', 'days', 'working-days', 'weeks', 'months'] as const;

export const TimeUnitSchema = z.enum(TIME_UNITS, { error: `unit must be one of: ${TIME_UNITS.join(', ')}` });
export type TimeUnit = z.infer<typeof TimeUnitSchema>;

/** Ten years: far enough for any real process, small enough to keep working-day walks cheap. */
export const MAX_OFFSET_AMOUNT = 3650;

/** `<data group>.<date field>`; whether the field exists for a template's data group is checked elsewhere. */
const DATE_FIELD_PATH = /^[a-z][a-zA-Z-]*\.[a-zA-Z][a-zA-Z0-9]*$/;

/**
 * Every anchor some data group offers, for the published schema; which of them a template may use depends
 * on its group, which the template validation checks (listing the valid ones).
 */
const ANCHORS = [
  'created',
  'event',
  ...new Set(
    DATA_GROUPS.flatMap((group) => dateFieldPaths(group).filter((path) => !path.includes('.custom.'))),
  ),
].sort();

export const TimingAnchorSchema = z
  .string({ error: 'anchor must be text' })
  .refine((anchor) => anchor === 'created' || anchor === 'event' || DATE_FIELD_PATH.test(anchor), {
    error: "anchor must be 'created', 'event' or a date field such as 'course.startDate'",
  })
  .meta({
    enum: ANCHORS,
    description: "'created', 'event' or a date field of the template's data group or its relations",
  });

export const TimingOffsetSchema = z.strictObject({
  amount: z
    .int({ error: 'amount must be a whole number' })
    .min(0, { error: 'amount must be 0 or more' })
    .max(MAX_OFFSET_AMOUNT, { error: `amount must be at most ${MAX_OFFSET_AMOUNT}` }),
  unit: TimeUnitSchema,
  direction: z.enum(['before', 'after'], { error: "direction must be 'before' or 'after'" }),
  anchor: TimingAnchorSchema,
});
export type TimingOffset = z.infer<typeof TimingOffsetSchema>;

/** A schema for an 'HH:mm' field whose messages name `field`. */
export function timeOfDaySchema(field: string) {
  return z
    .string({ error: `${field} must be a time as HH:mm` })
    .regex(TIME_OF_DAY_PATTERN, { error: `${field} must be a time as HH:mm between 00:00 and 23:59` });
}

export const TemplateTimingSchema = z.strictObject({
  start: TimingOffsetSchema,
  end: TimingOffsetSchema,
  timeOfDay: timeOfDaySchema('timeOfDay').optional(),
  linkStartEnd: z.boolean({ error: 'linkStartEnd must be true or false' }).default(true),
  pastStartToleranceHours: z
    .number({ error: 'pastStartToleranceHours must be a number' })
    .min(0, { error: 'pastStartToleranceHours must be 0 or more' })
    .max(MAX_OFFSET_AMOUNT * 24, {
      error: `pastStartToleranceHours must be at most ${MAX_OFFSET_AMOUNT * 24}`,
    })
    .default(24),
});
/** A parsed template timing, defaults filled in. */
export type TemplateTiming = z.infer<typeof TemplateTimingSchema>;
/** What a template timing may look like before parsing (defaults optional). */
export type TemplateTimingInput = z.input<typeof TemplateTimingSchema>;
