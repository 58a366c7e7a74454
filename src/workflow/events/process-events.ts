import type { Action, ActionDraft } from '../../domain/actions/index.js';
import { type DossierRecord, isRecordClosed } from '../../domain/dossiers/index.js';
import { recordsToRecheck } from '../../domain/events/recheck.js';
import type { DomainEvent } from '../../domain/events/types.js';
import type { StoredEvent } from '../../store/events.js';
import type { WorkflowDeps } from '../deps.js';
import { planReconcile, type ReconcilePlan, type ReconcileResult, writeReconcile } from './reconcile.js';
import { toDomainEvent } from './record-events.js';
import { draftsForEvent, insertStamped } from './stamp-for-event.js';

export interface EventOutcome {
  stamped: Action[];
  reconciled: ReconcileResult;
}

/** The consequences of events, worked out but not yet written. */
export interface EventPlan {
  events: readonly StoredEvent[];
  reconcile: ReconcilePlan;
  stamps: Array<{ event: DomainEvent; drafts: ActionDraft[] }>;
  at: Date;
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
  return commitEvents(deps, await planEvents(deps, events, actor, known));
}

/**
 * Works out what `processEvents` would write, reading but writing nothing. A change that cannot be
 * followed through (its consequences fail to compute) can then be undone before anything else is written,
 * so a record change and its consequences are one unit.
 */
export async function planEvents(
  deps: WorkflowDeps,
  events: readonly StoredEvent[],
  actor: string,
  known: readonly DossierRecord[] = [],
): Promise<EventPlan> {
  const { stores } = deps;
  const now = deps.clock();
  const plan: EventPlan = {
    events,
    at: now,
    stamps: [],
    reconcile: { updates: [], result: { revealed: 0, hidden: 0, rescheduled: 0, cancelled: 0 } },
  };
  if (events.length === 0) return plan;

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
  const recheck = recordsToRecheck(events, records);
  plan.reconcile = await planReconcile(deps, recheck.touched, {
    actor,
    closedRecordIds: closed,
    derivedOnlyIds: recheck.derivedOnly,
  });

  const byId = new Map(records.map((record) => [record.id, record]));
  for (const event of events) {
    const domainEvent = toDomainEvent(event);
    plan.stamps.push({
      event: domainEvent,
      drafts: await draftsForEvent(deps, domainEvent, byId.get(event.recordId), now),
    });
  }
  return plan;
}

/** Writes a plan: the reconciliations, the stamped actions, and the events as processed. */
export async function commitEvents(deps: WorkflowDeps, plan: EventPlan): Promise<EventOutcome> {
  const outcome: EventOutcome = { stamped: [], reconciled: plan.reconcile.result };
  if (plan.events.length === 0) return outcome;
  await writeReconcile(deps, plan.reconcile);
  for (const { event, drafts } of plan.stamps) {
    outcome.stamped.push(...(await insertStamped(deps, event, drafts, plan.at)));
  }
  await deps.stores.events.markProcessed(
    plan.events.map((event) => event.id),
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
