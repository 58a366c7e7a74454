export { eventsForCreated, eventsForRemoved, eventsForUpdate } from './changes.js';
export { changeableFields, isChangeableField } from './fields.js';
export { templateListensTo } from './match.js';
export { recordsToRecheck } from './recheck.js';
export { type EventSpec, EventSpecSchema } from './spec.js';
export {
  type DomainEvent,
  DomainEventSchema,
  EVENT_TYPES,
  EVENT_TYPES_BY_GROUP,
  type EventData,
  type EventDraft,
  type EventType,
  EventTypeSchema,
  FAN_OUT_SOURCES,
} from './types.js';
export { eventSpecIssues } from './validate.js';
