import { type Action, applyTrigger } from '../../domain/actions/index.js';
import { DomainError } from '../../domain/errors.js';
import type { User } from '../../domain/rights/user.js';
import { computeMoment, moveLinked } from '../../domain/timing/index.js';
import { stateWord } from '../../i18n/labels.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { type ActionRef, changeAction } from './change-action.js';

/** What could not be done to an action that is not open, in both languages. */
const NOT_OPEN_WHAT = {
  'marked done': { en: 'marked done', nl: 'klaar gemeld' },
  snoozed: { en: 'snoozed', nl: 'uitgesteld' },
} as const;

function notOpen(action: Action, what: keyof typeof NOT_OPEN_WHAT): DomainError {
  return new DomainError({
    category: 'conflict',
    code: 'action.not-open',
    message: `Action ${action.number} is ${action.state}; only open actions can be ${what}`,
    details: { state: action.state },
    params: { number: action.number, state: stateWord(action.state), what: NOT_OPEN_WHAT[what] },
  });
}

/** A person marks the work done (manual and semi-automatic actions; docs/domain.md §6). */
export function completeAction(
  deps: WorkflowDeps,
  actor: User,
  command: { ref: ActionRef; note?: string | undefined },
) {
  return changeAction(
    deps,
    actor,
    command.ref,
    (action, now) => {
      if (action.execution === 'automatic') {
        throw new DomainError({
          category: 'conflict',
          code: 'action.automatic-cannot-complete',
          message: `Action ${action.number} is automatic: execute it, or cancel it, instead of marking it done`,
          params: { number: action.number },
        });
      }
      if (action.state !== 'open') throw notOpen(action, 'marked done');
      return applyTrigger(action, 'complete', {
        at: now,
        actorUserId: actor.id,
        ...(command.note ? { reason: command.note } : {}),
      });
    },
    { kind: 'action.completed' },
  );
}

/** A user removes an action (docs/domain.md §6: "deleted by a user"). */
export function cancelAction(
  deps: WorkflowDeps,
  actor: User,
  command: { ref: ActionRef; reason?: string | undefined },
) {
  return changeAction(
    deps,
    actor,
    command.ref,
    (action, now) =>
      applyTrigger(action, 'cancel', {
        at: now,
        actorUserId: actor.id,
        reason: command.reason ?? 'cancelled-by-user',
        codes: ['cancelled-by-user'],
      }),
    { kind: 'action.cancelled' },
  );
}

export async function assignAction(
  deps: WorkflowDeps,
  actor: User,
  command: { ref: ActionRef; ownerUserId: string | null },
): Promise<Action> {
  if (command.ownerUserId !== null) {
    const owner = await deps.stores.users.get(command.ownerUserId);
    if (!owner?.active) throw notFound('user', command.ownerUserId, 'ownerUserId');
  }
  return changeAction(
    deps,
    actor,
    command.ref,
    (action, now) => ({
      ...action,
      ownerUserId: command.ownerUserId,
      history: [
        ...action.history,
        {
          at: now,
          actorUserId: actor.id,
          kind: 'owner-changed',
          before: action.ownerUserId,
          after: command.ownerUserId,
        },
      ],
    }),
    { kind: 'action.assigned' },
  );
}

function withDates(
  action: Action,
  window: { start: Date; end: Date },
  actor: User,
  now: Date,
  code: string,
): Action {
  if (window.end.getTime() < window.start.getTime()) {
    throw new DomainError({
      category: 'invalid-input',
      code: 'action.end-before-start',
      field: 'end',
      message: 'end must not be before start',
    });
  }
  // New dates mean new moments to remind about.
  const { notified: _notified, ...rest } = action;
  return {
    ...rest,
    start: window.start,
    end: window.end,
    datesEditedByHand: true,
    history: [
      ...action.history,
      {
        at: now,
        actorUserId: actor.id,
        kind: 'dates-edited',
        before: { start: action.start, end: action.end },
        after: window,
        codes: [code],
      },
    ],
  };
}

/**
 * Edits the window by hand. Given only one date on an action with linked dates, the other moves by the
 * same interval. Edited actions no longer follow their anchors (docs/domain.md §7).
 */
export async function editActionDates(
  deps: WorkflowDeps,
  actor: User,
  command: { ref: ActionRef; start?: Date | undefined; end?: Date | undefined },
): Promise<Action> {
  if (!command.start && !command.end) {
    throw new DomainError({
      category: 'invalid-input',
      code: 'action.no-dates',
      field: 'start',
      message: 'Give a new start, a new end, or both',
    });
  }
  const { calendar } = await deps.workspace.get();
  return changeAction(
    deps,
    actor,
    command.ref,
    (action, now) => {
      let window = { start: command.start ?? action.start, end: command.end ?? action.end };
      if (action.linkedDates && !(command.start && command.end)) {
        const change = command.start ? { start: command.start } : { end: command.end! };
        window = moveLinked(action, change, calendar.timeZone);
      }
      return withDates(action, window, actor, now, 'edited');
    },
    { kind: 'action.dates-edited' },
  );
}

export type SnoozeBy = { amount: number; unit: 'hours' | 'days' | 'working-days' | 'weeks' };

/**
 * Puts an open action off: to a given moment, or by an amount from now (day units land on the workspace's
 * default time, so "tomorrow" means tomorrow at 09:00). The end moves along with linked dates, and never
 * stays before the new start.
 */
export async function snoozeAction(
  deps: WorkflowDeps,
  actor: User,
  command: { ref: ActionRef; until?: Date | undefined; by?: SnoozeBy | undefined },
): Promise<Action> {
  const { calendar } = await deps.workspace.get();
  return changeAction(
    deps,
    actor,
    command.ref,
    (action, now) => {
      if (action.state !== 'open') throw notOpen(action, 'snoozed');
      const start =
        command.until ??
        (command.by
          ? computeMoment(
              { ...command.by, direction: 'after', anchor: 'created' },
              { created: now, dates: {} },
              calendar,
            )
          : undefined);
      if (!start) {
        throw new DomainError({
          category: 'invalid-input',
          code: 'action.snooze-needs-moment',
          field: 'until',
          message: 'Give either until (a moment) or by (an amount and unit)',
        });
      }
      if (start.getTime() <= now.getTime()) {
        throw new DomainError({
          category: 'invalid-input',
          code: 'action.snooze-in-past',
          field: command.until ? 'until' : 'by',
          message: 'A snooze must end in the future',
        });
      }
      const moved = action.linkedDates
        ? moveLinked(action, { start }, calendar.timeZone)
        : { start, end: action.end };
      const end = moved.end.getTime() < start.getTime() ? start : moved.end;
      return withDates(action, { start, end }, actor, now, 'snoozed');
    },
    { kind: 'action.snoozed' },
  );
}

export async function editActionDetails(
  deps: WorkflowDeps,
  actor: User,
  command: { ref: ActionRef; remarks?: string | undefined; priority?: Action['priority'] | undefined },
): Promise<Action> {
  return changeAction(
    deps,
    actor,
    command.ref,
    (action, now) => {
      const history = [...action.history];
      if (command.remarks !== undefined && command.remarks !== action.remarks) {
        history.push({
          at: now,
          actorUserId: actor.id,
          kind: 'remarks-edited',
          before: action.remarks,
          after: command.remarks,
        });
      }
      if (command.priority !== undefined && command.priority !== action.priority) {
        history.push({
          at: now,
          actorUserId: actor.id,
          kind: 'priority-changed',
          before: action.priority,
          after: command.priority,
        });
      }
      return {
        ...action,
        remarks: command.remarks ?? action.remarks,
        priority: command.priority ?? action.priority,
        history,
      };
    },
    { kind: 'action.edited' },
  );
}
