import { z } from 'zod';
import { type DataGroup, DataGroupSchema } from '../dossiers/kinds.js';
import { DateValueSchema, IdSchema } from '../dossiers/values.js';

export const EVENT_TYPES = [
  'created',
  'status-changed',
  'field-changed',
  'participant-added',
  'participant-removed',
  'stage-changed',
  'invoice-finalised',
  'category-added',
  'category-removed',
  'custom',
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES, {
  error: `type must be one of: ${EVENT_TYPES.join(', ')}`,
});
export type EventType = z.infer<typeof EventTypeSchema>;

const EVERY_GROUP: readonly EventType[] = ['created', 'field-changed', 'custom'];

/** Which events each data group can fire (docs/domain.md §4). */
export const EVENT_TYPES_BY_GROUP: Readonly<Record<DataGroup, readonly EventType[]>> = {
  course: [...EVERY_GROUP, 'status-changed', 'participant-added', 'participant-removed'],
  participant: [...EVERY_GROUP, 'status-changed', 'participant-added', 'participant-removed'],
  request: [...EVERY_GROUP, 'status-changed', 'stage-changed'],
  invoice: [...EVERY_GROUP, 'invoice-finalised'],
  'web-request': [...EVERY_GROUP, 'status-changed'],
  person: [...EVERY_GROUP, 'category-added', 'category-removed'],
  company: EVERY_GROUP,
  contact: EVERY_GROUP,
  teacher: EVERY_GROUP,
  location: EVERY_GROUP,
};

/**
 * Templates of a data group may also listen to events of these groups and fan out: a participant template
 * on a course event stamps one action per current participant of that course.
 */
export const FAN_OUT_SOURCES: Readonly<Partial<Record<DataGroup, readonly DataGroup[]>>> = {
  participant: ['course'],
};

export const EventDataSchema = z.strictObject({
  from: z.string().optional(),
  to: z.string().optional(),
  /** A field of the record: 'startDate', 'emails.business', 'custom.room'. */
  field: z.string().optional(),
  category: z.string().optional(),
  /** The name of a custom event. */
  name: z.string().optional(),
  participantId: IdSchema.optional(),
});

/** Something that happened to one record; what makes linked templates stamp. */
export const DomainEventSchema = z.object({
  id: IdSchema,
  type: EventTypeSchema,
  group: DataGroupSchema,
  recordId: IdSchema,
  at: DateValueSchema,
  actorUserId: IdSchema.optional(),
  data: EventDataSchema.default({}),
});
export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type EventData = z.infer<typeof EventDataSchema>;

/** An event as a record change produces it; the caller adds the id, the moment and the actor. */
export type EventDraft = Pick<DomainEvent, 'type' | 'group' | 'recordId' | 'data'>;
