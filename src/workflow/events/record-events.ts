import type { DomainEvent, EventDraft } from '../../domain/events/types.js';
import { newEventId, type StoredEvent } from '../../store/events.js';
import type { WorkflowDeps } from '../deps.js';

/** Writes events to the log as pending, before anything reacts to them (the outbox half of processing). */
export async function recordEvents(
  deps: WorkflowDeps,
  drafts: readonly EventDraft[],
  actorUserId: string | undefined,
  extra: { externalId?: string } = {},
): Promise<StoredEvent[]> {
  const at = deps.clock();
  const events: StoredEvent[] = drafts.map((draft) => ({
    ...draft,
    id: newEventId(),
    at,
    ...(actorUserId ? { actorUserId } : {}),
    ...(extra.externalId ? { externalId: extra.externalId } : {}),
    status: 'pending',
  }));
  await deps.stores.events.insertMany(events);
  return events;
}

export function toDomainEvent(event: StoredEvent): DomainEvent {
  const { status: _status, processedAt: _processedAt, externalId: _externalId, ...domain } = event;
  return domain;
}
