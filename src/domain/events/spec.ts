import { z } from 'zod';
import { DataGroupSchema } from '../dossiers/kinds.js';
import { TEXT_LIMITS, text } from '../text.js';

const name = text({ max: TEXT_LIMITS.short });
const group = { group: DataGroupSchema };
const transition = { ...group, from: name.optional(), to: name.optional() };

/**
 * The event a template listens to. `group` is the data group whose event it is: the template's own, or
 * a group it fans out from (see FAN_OUT_SOURCES). Optional filters narrow the event: a status change to
 * 'definitive', a change of 'startDate', the category 'first-aid-expired'.
 */
export const EventSpecSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('created'), ...group }),
    z.strictObject({ type: z.literal('status-changed'), ...transition }),
    z.strictObject({ type: z.literal('field-changed'), ...group, field: name }),
    z.strictObject({ type: z.literal('participant-added'), ...group }),
    z.strictObject({ type: z.literal('participant-removed'), ...group }),
    z.strictObject({ type: z.literal('stage-changed'), ...transition }),
    z.strictObject({ type: z.literal('invoice-finalised'), ...group }),
    z.strictObject({ type: z.literal('category-added'), ...group, category: name.optional() }),
    z.strictObject({ type: z.literal('category-removed'), ...group, category: name.optional() }),
    z.strictObject({ type: z.literal('custom'), ...group, name }),
  ],
  { error: 'type must be a known event type' },
);
export type EventSpec = z.infer<typeof EventSpecSchema>;
