import { stateWord } from '../../i18n/labels.js';
import { DomainError } from '../errors.js';

export const ACTION_STATES = [
  'waiting',
  'open',
  'done',
  'executed',
  'failed',
  'rejected',
  'cancelled',
] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const ACTION_TRIGGERS = [
  'reveal',
  'hide',
  'complete',
  'execute-succeeded',
  'execute-failed',
  'reject',
  'cancel',
  'expire',
] as const;
export type ActionTrigger = (typeof ACTION_TRIGGERS)[number];

/**
 * The action lifecycle of docs/domain.md §6 as data: state → trigger → next state; anything missing is not
 * allowed. A rejected action may fail when Execute is pressed again (its cause fixed, the process can
 * still meet an SMTP or webhook error), so execute-failed leaves rejected too.
 */
export const ACTION_TRANSITIONS: Readonly<
  Record<ActionState, Readonly<Partial<Record<ActionTrigger, ActionState>>>>
> = {
  waiting: { reveal: 'open', cancel: 'cancelled', expire: 'cancelled' },
  open: {
    hide: 'waiting',
    complete: 'done',
    'execute-succeeded': 'executed',
    'execute-failed': 'failed',
    reject: 'rejected',
    cancel: 'cancelled',
  },
  failed: {
    'execute-succeeded': 'executed',
    'execute-failed': 'failed',
    reject: 'rejected',
    cancel: 'cancelled',
  },
  rejected: {
    'execute-succeeded': 'executed',
    'execute-failed': 'failed',
    reject: 'rejected',
    cancel: 'cancelled',
  },
  done: {},
  executed: {},
  cancelled: {},
};

/** Triggers that only exist for actions with a process. */
const PROCESS_TRIGGERS: readonly ActionTrigger[] = ['execute-succeeded', 'execute-failed', 'reject'];

export function nextState(state: ActionState, trigger: ActionTrigger): ActionState | undefined {
  return ACTION_TRANSITIONS[state][trigger];
}

/** @throws DomainError 'action.invalid-transition' (conflict) when `trigger` is not allowed in `state`. */
export function transition(state: ActionState, trigger: ActionTrigger): ActionState {
  const next = nextState(state, trigger);
  if (next) return next;
  throw new DomainError({
    category: 'conflict',
    code: 'action.invalid-transition',
    message: `An action that is ${state} cannot be ${trigger}`,
    details: { state, trigger },
    params: { state: stateWord(state) },
  });
}

/**
 * What may happen to an action in `state` given its execution. Manual actions have no process, so no
 * execution outcomes. Automatic actions cannot be marked done by hand: that would hide that their process
 * never ran; they are executed (also early, by a person) or cancelled. Semi-automatic actions may be
 * marked done by a person who did the work another way.
 */
export function allowedTriggers(
  state: ActionState,
  execution: 'manual' | 'semi-automatic' | 'automatic',
): ActionTrigger[] {
  return (Object.keys(ACTION_TRANSITIONS[state]) as ActionTrigger[]).filter((trigger) => {
    if (execution === 'manual') return !PROCESS_TRIGGERS.includes(trigger);
    if (execution === 'automatic') return trigger !== 'complete';
    return true;
  });
}

export function isFinalState(state: ActionState): boolean {
  return Object.keys(ACTION_TRANSITIONS[state]).length === 0;
}

/** Waiting actions are hidden from lists and digests until their conditions hold. */
export function isVisibleState(state: ActionState): boolean {
  return state !== 'waiting';
}
