import type { Action } from '../../domain/actions/index.js';
import { type DossierRecord, isRecordClosed } from '../../domain/dossiers/index.js';
import type { StoredEvent } from '../../store/events.js';
import type { WorkflowDeps } from '../deps.js';
import { type ReconcileResult, reconcileActions } from './reconcile.js';
import { toDomainEvent } from './record-events.js';
import { stampForEvent } from './stamp-for-event.js';

export interface EventOutcome {
  stamped: Action[];
  reconciled: ReconcileResult;
}

/**
 * Everything that follows from recorded events: existing actions on the records are reconciled first
 * (cancelled when their record ended, moved with their anchors, revealed or hidden), then new actions are
 * stamped — in that order so that a template reacting to a cancellation is not cancelled by it. Finally
 * the events are marked processed; if the process dies before that, `processPendingEvents` redoes it.
 */
export async function processEvents(
  deps: WorkflowDeps,
  events: readonly StoredEvent[],
  actor: string,
  /** Records the caller has just written, as they are now; others are read. */
  known: readonly DossierRecord[] = [],
): Promise<EventOutcome> {
  const { stores } = deps;
  const outcome: EventOutcome = {
    stamped: [],
    reconciled: { revealed: 0, hidden: 0, rescheduled: 0, cancelled: 0 },
  };
  if (events.length === 0) return outcome;

  const recordIds = [...new Set(events.map((event) => event.recordId))];
  const fresh = known.filter((record) => recordIds.includes(record.id));
  const unknownIds = recordIds.filter((id) => !fresh.some((record) => record.id === id));
  const records = [...fresh, ...(await stores.dossiers.getMany(unknownIds))];
  const found = new Set(records.map((record) => record.id));
  // A record's actions are cancelled when it ends — deleted, or closed by a status change in these events —
  // not on every later change of a closed record: that would cancel the follow-ups its closing stamped.
  const statusChanged = new Set(
    events.filter((event) => event.type === 'status-changed').map((event) => event.recordId),
  );
  const closed = new Set([
    ...records.filter((record) => statusChanged.has(record.id) && isRecordClosed(record)).map((r) => r.id),
    ...recordIds.filter((id) => !found.has(id)),
  ]);
  // A participant's changes alter its course's derived facts (count, full), so course actions are touched too.
  const courses = new Set<string>();
  for (const record of records) if (record.group === 'participant') courses.add(record.courseId);
  outcome.reconciled = await reconcileActions(deps, recordIds, {
    actor,
    closedRecordIds: closed,
    derivedOnlyIds: [...courses].filter((id) => !recordIds.includes(id)),
  });

  const byId = new Map(records.map((record) => [record.id, record]));
  for (const event of events) {
    outcome.stamped.push(...(await stampForEvent(deps, toDomainEvent(event), byId.get(event.recordId))));
  }
  await stores.events.markProcessed(
    events.map((event) => event.id),
    deps.clock(),
  );
  return outcome;
}

/** Crash repair: processes events that stayed pending longer than `graceMs`. */
/** Attempts at a pending event before it is marked failed and left for an administrator. */
const maxEventAttempts = 5;

export async function processPendingEvents(
  deps: WorkflowDeps,
  graceMs: number,
  limit = 100,
): Promise<number> {
  const pending = await deps.stores.events.pendingBefore(new Date(deps.clock().getTime() - graceMs), limit);
  for (const event of pending) {
    try {
      await processEvents(deps, [event], 'system');
    } catch (error) {
      // One broken event must not block the others, nor be retried for ever.
      deps.logger.error({ err: error, eventId: event.id }, 'processing a pending event failed');
      await deps.stores.events.recordFailure(event.id, (error as Error).message, maxEventAttempts);
    }
  }
  return pending.length;
}
