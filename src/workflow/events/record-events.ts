import type { DomainEvent, EventDraft } from '../../domain/events/types.js';
import { newEventId, type StoredEvent } from '../../store/events.js';
import type { WorkflowDeps } from '../deps.js';

/** Events ready for the log: ids given now, so writing them again after a crash cannot double them. */
export function eventsToStore(
  drafts: readonly EventDraft[],
  at: Date,
  actorUserId: string | undefined,
  extra: { externalId?: string } = {},
): StoredEvent[] {
  return drafts.map((draft) => ({
    ...draft,
    id: newEventId(),
    at,
    ...(actorUserId ? { actorUserId } : {}),
    ...(extra.externalId ? { externalId: extra.externalId } : {}),
    status: 'pending',
  }));
}

/** Writes events to the log as pending, before anything reacts to them (the outbox half of processing). */
export async function recordEvents(
  deps: WorkflowDeps,
  drafts: readonly EventDraft[],
  actorUserId: string | undefined,
  extra: { externalId?: string } = {},
): Promise<StoredEvent[]> {
  const events = eventsToStore(drafts, deps.clock(), actorUserId, extra);
  await deps.stores.events.insertMany(events);
  return events;
}

export function toDomainEvent(event: StoredEvent): DomainEvent {
  const { status: _status, processedAt: _processedAt, externalId: _externalId, ...domain } = event;
  return domain;
}
