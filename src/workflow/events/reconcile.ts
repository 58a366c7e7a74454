import { type Action, type Actor, applyTrigger } from '../../domain/actions/index.js';
import { evaluateConditions, failureReasons, failuresCoded } from '../../domain/conditions/index.js';
import { contextDates, type DossierRecord } from '../../domain/dossiers/index.js';
import { type Rescheduled, rescheduleFor } from '../../domain/stamping/index.js';
import { type ActionTemplate, readsParticipantCounts } from '../../domain/templates/index.js';
import { pastStartDecision } from '../../domain/timing/index.js';
import { loadContexts } from '../contexts.js';
import type { WorkflowDeps } from '../deps.js';
import { hasActiveLease } from '../execution/lease.js';

export interface ReconcileResult {
  revealed: number;
  hidden: number;
  rescheduled: number;
  cancelled: number;
}

export interface ReconcileOptions {
  actor: string;
  closedRecordIds?: ReadonlySet<string>;
  closeCode?: string;
  /** Records of which only derived facts changed (a participant's course): see `actionsAffectedByFacts`. */
  derivedOnlyIds?: readonly string[];
}

/** What reconciling would write: conditional replacements of actions, and what they amount to. */
export interface ReconcilePlan {
  updates: Array<{ next: Action; expectedVersion: number }>;
  result: ReconcileResult;
}

/**
 * Brings the waiting and open actions on changed records up to date (docs/domain.md §6–§7): cancels them when
 * their record ended (see endsWith), moves them when an anchor date moved (unless edited by hand), and reveals
 * or hides them as their conditions start or stop holding. Every write is conditional on the version that
 * was read, so a concurrent change to the same action simply wins and is not overwritten.
 */
export async function reconcileActions(
  deps: WorkflowDeps,
  touchedRecordIds: readonly string[],
  options: ReconcileOptions,
): Promise<ReconcileResult> {
  const plan = await planReconcile(deps, touchedRecordIds, options);
  await writeReconcile(deps, plan);
  return plan.result;
}

export async function writeReconcile(deps: WorkflowDeps, plan: ReconcilePlan): Promise<void> {
  await deps.stores.actions.replaceManyIfVersion(plan.updates);
}

/** The reconciliation worked out without writing anything, so a failure while working it out leaves no trace. */
export async function planReconcile(
  deps: WorkflowDeps,
  touchedRecordIds: readonly string[],
  options: ReconcileOptions,
): Promise<ReconcilePlan> {
  const { stores } = deps;
  const result: ReconcileResult = { revealed: 0, hidden: 0, rescheduled: 0, cancelled: 0 };
  const now = deps.clock();
  const touched = [
    ...(await stores.actions.openTouching(touchedRecordIds)),
    ...(await actionsAffectedByFacts(deps, options.derivedOnlyIds ?? [])),
  ];
  const unique = [...new Map(touched.map((action) => [action.id, action])).values()];
  // An action being executed is left alone: its executor records the outcome, which settles it anyway.
  const actions = unique.filter((action) => !hasActiveLease(action, now));
  const updates: Array<{ next: Action; expectedVersion: number }> = [];
  if (actions.length === 0) return { updates, result };
  const closed = options.closedRecordIds ?? new Set<string>();

  const toCancel = actions.filter((action) => endsWith(action, closed));
  for (const action of toCancel) {
    const code = options.closeCode ?? 'record-closed';
    updates.push({
      next: applyTrigger(action, 'cancel', {
        at: now,
        actorUserId: options.actor,
        reason: code,
        codes: [code],
      }),
      expectedVersion: action.version,
    });
  }
  result.cancelled = toCancel.length;

  const cancelled = new Set(toCancel);
  const remaining = actions.filter((action) => !cancelled.has(action));
  if (remaining.length > 0) {
    const workspace = await deps.workspace.get();
    const templates = new Map(
      (await stores.templates.getMany(remaining.map((a) => a.templateId))).map((t) => [t.id, t]),
    );
    const records = new Map(
      (await stores.dossiers.getMany(remaining.map((action) => action.record.id))).map((r) => [
        r.id,
        r as DossierRecord,
      ]),
    );
    const withRecord = remaining.filter(
      (action) => records.has(action.record.id) && templates.has(action.templateId),
    );
    const contexts = await loadContexts(
      stores.dossiers,
      withRecord.map((action) => records.get(action.record.id)!),
      now,
      { participantCounts: [...templates.values()].some((template) => readsParticipantCounts(template)) },
    );
    withRecord.forEach((action, index) => {
      const template = templates.get(action.templateId)!;
      const context = contexts[index]!;
      let next = action;
      const moved = rescheduleFor(action, template.timing, contextDates(context), workspace.calendar);
      if (moved) {
        next = withMovedWindow(action, moved, template, { at: now, actorUserId: options.actor });
        result.rescheduled += 1;
      }
      const conditions = evaluateConditions(template.conditions, context, now);
      // A waiting action whose end passed never opens: the due-sweep cancels it (docs/domain.md §6).
      if (next.state === 'waiting' && conditions.holds && next.end.getTime() >= now.getTime()) {
        next = applyTrigger(next, 'reveal', {
          at: now,
          actorUserId: options.actor,
          codes: ['conditions-met'],
        });
        result.revealed += 1;
      } else if (next.state === 'open' && !conditions.holds) {
        const reason = failureReasons(conditions, {
          locale: 'en',
          timeZone: workspace.calendar.timeZone,
        }).join('; ');
        next = applyTrigger(next, 'hide', {
          at: now,
          actorUserId: options.actor,
          reason,
          codes: ['conditions-not-met'],
          coded: failuresCoded(conditions, workspace.calendar.timeZone),
        });
        result.hidden += 1;
      }
      // Rescheduling and a state change together are still one write, one version step.
      if (next !== action)
        updates.push({ next: { ...next, version: action.version + 1 }, expectedVersion: action.version });
    });
  }
  return { updates, result };
}

/**
 * When only a record's derived facts changed (a participant joined, so its course's count did), its dates
 * did not move and it did not end: the actions that can change are its own, and those of linked records
 * whose templates read the course's participant count. Looking only at those keeps a course with
 * 2,000 participants from re-evaluating 2,000 actions each time one participant changes.
 */
async function actionsAffectedByFacts(deps: WorkflowDeps, recordIds: readonly string[]): Promise<Action[]> {
  if (recordIds.length === 0) return [];
  // Templates are few and actions many: find the templates that read the count first, then only their
  // actions, rather than going through every action linked to the course.
  const readers = (await deps.stores.templates.list({ includeArchived: true }))
    .filter((template) => readsParticipantCounts(template))
    .map((template) => template.id);
  return deps.stores.actions.openOwnOrLinkedVia(recordIds, readers);
}

/**
 * The action in its new window, with a history entry saying which anchor moved. An automatic action's
 * past-start check is redone for the new start (docs/timing.md): moved far into the past it no longer runs
 * by itself but opens for a person, and moved back into the future it runs again.
 */
function withMovedWindow(
  action: Action,
  moved: Rescheduled,
  template: ActionTemplate,
  entry: { at: Date; actorUserId: Actor },
): Action {
  const automatic = action.execution === 'automatic';
  const tooLate =
    automatic &&
    pastStartDecision(moved.start, entry.at, template.timing.pastStartToleranceHours) === 'too-late';
  // New dates mean new moments to remind about, so the notices given for the old ones are forgotten.
  const { stateReason, notified: _notified, ...rest } = action;
  const keptReason = stateReason === 'start-in-past' ? undefined : stateReason;
  const reason = tooLate && action.state === 'open' ? 'start-in-past' : keptReason;
  return {
    ...rest,
    ...(reason === undefined ? {} : { stateReason: reason }),
    start: moved.start,
    end: moved.end,
    anchorDates: moved.anchorDates,
    autoExecute: automatic && !tooLate,
    history: [
      ...action.history,
      {
        ...entry,
        kind: 'rescheduled',
        before: { start: action.start, end: action.end },
        after: { start: moved.start, end: moved.end },
        codes: tooLate ? ['anchor-moved', 'start-in-past'] : ['anchor-moved'],
        note: moved.moved.join(', '),
      },
    ],
  };
}

/**
 * Whether an action ends with one of the closed records: its own record, or for a participant action the
 * participant's course (a cancelled course has no participants left). Other links do not end an action:
 * a request for a cancelled course, or an invoice of it, is settled by its own status.
 */
function endsWith(action: Action, closed: ReadonlySet<string>): boolean {
  if (closed.has(action.record.id)) return true;
  return (
    action.record.group === 'participant' &&
    action.linkedRecords.some((ref) => ref.group === 'course' && closed.has(ref.id))
  );
}
