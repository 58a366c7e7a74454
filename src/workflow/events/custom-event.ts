import { z } from 'zod';
import { DataGroupSchema, IdSchema, isDataGroup } from '../../domain/dossiers/index.js';
import { DomainError, fromZodError } from '../../domain/errors.js';
import type { User } from '../../domain/rights/user.js';
import { TEXT_LIMITS, text } from '../../domain/text.js';
import type { StoredEvent } from '../../store/events.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { processEvents } from './process-events.js';
import { eventsToStore } from './record-events.js';

export const CustomEventSchema = z.strictObject({
  group: DataGroupSchema,
  recordId: IdSchema,
  name: text({ max: TEXT_LIMITS.short }),
  /** The sender's own id for this occurrence: posting it again records nothing new. */
  externalId: text({ max: 200, trim: false }).optional(),
});
export type CustomEventCommand = z.input<typeof CustomEventSchema>;

export interface CustomEventResult {
  event: StoredEvent;
  /** True when an event with this externalId was posted before; nothing was recorded or stamped again. */
  duplicate: boolean;
  stampedActionIds: string[];
}

/**
 * Another system says something happened to a record (docs/domain.md §4, custom events): the event is recorded
 * and stamps the templates listening to it, exactly like a record change would. With an `externalId` a
 * retried post records the event once, also when two posts race (the unique index decides).
 */
export async function postCustomEvent(
  deps: WorkflowDeps,
  actor: User,
  input: unknown,
): Promise<CustomEventResult> {
  const parsed = CustomEventSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'event.invalid');
  const command = parsed.data;
  if (command.externalId) {
    const existing = await deps.stores.events.getByExternalId(command.externalId);
    if (existing) return duplicateOf(existing, command);
  }
  const record = await deps.stores.dossiers.get(command.recordId);
  if (!record || !isDataGroup(record.group) || record.group !== command.group) {
    throw notFound(command.group, command.recordId, 'recordId');
  }
  const events = eventsToStore(
    [{ type: 'custom', group: command.group, recordId: record.id, data: { name: command.name } }],
    deps.clock(),
    actor.id,
    command.externalId ? { externalId: command.externalId } : {},
  );
  // With an externalId the unique index decides between racing posts: the loser records nothing.
  if ((await deps.stores.events.insertNew(events)) === 'already-there') {
    const existing = command.externalId
      ? await deps.stores.events.getByExternalId(command.externalId)
      : undefined;
    if (!existing) throw new Error(`event ${events[0]!.id} could not be recorded`);
    return duplicateOf(existing, command);
  }
  const outcome = await processEvents(deps, events, actor.id);
  return {
    event: events[0]!,
    duplicate: false,
    stampedActionIds: outcome.stamped.map((action) => action.id),
  };
}

/** The same externalId for a different event is a mistake on the sender's side, not a retry. */
function duplicateOf(existing: StoredEvent, command: z.output<typeof CustomEventSchema>): CustomEventResult {
  const same =
    existing.type === 'custom' &&
    existing.group === command.group &&
    existing.recordId === command.recordId &&
    existing.data.name === command.name;
  if (!same) {
    throw new DomainError({
      category: 'conflict',
      code: 'event.external-id-reused',
      field: 'externalId',
      message: `externalId ${command.externalId} was already used for another event`,
      params: { externalId: command.externalId ?? '' },
      details: { eventId: existing.id },
    });
  }
  return { event: existing, duplicate: true, stampedActionIds: [] };
}
