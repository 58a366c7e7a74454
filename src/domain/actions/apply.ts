import type { Coded } from '../../i18n/coded/index.js';
import type { Action, Actor, HistoryEntry } from './schema.js';
import { type ActionTrigger, transition } from './state-machine.js';

const HISTORY_KIND: Readonly<Record<ActionTrigger, HistoryEntry['kind']>> = {
  reveal: 'revealed',
  hide: 'hidden',
  complete: 'completed',
  'execute-succeeded': 'executed',
  'execute-failed': 'execution-failed',
  reject: 'rejected',
  cancel: 'cancelled',
  expire: 'expired',
};

export interface TriggerInput {
  readonly at: Date;
  readonly actorUserId: Actor;
  /** Why: the error, the rejection cause, the unmet conditions; kept as the state reason. */
  readonly reason?: string;
  readonly codes?: readonly string[];
  /** The reason coded for people to read (src/i18n/coded); kept as the state's coded reason. */
  readonly coded?: Coded;
}

/**
 * `action` after `trigger`: the next state, its reason, one history entry and the next version. The store
 * writes it conditional on the old state and version, which is what makes every transition atomic.
 * @throws DomainError 'action.invalid-transition' (conflict).
 */
export function applyTrigger(action: Action, trigger: ActionTrigger, input: TriggerInput): Action {
  const state = transition(action.state, trigger);
  const entry: HistoryEntry = {
    at: input.at,
    actorUserId: input.actorUserId,
    kind: HISTORY_KIND[trigger],
    before: action.state,
    after: state,
    ...(input.codes === undefined ? {} : { codes: [...input.codes] }),
    ...(input.reason === undefined ? {} : { note: input.reason }),
    ...(input.coded === undefined ? {} : { coded: input.coded }),
  };
  const { stateReason: _previous, stateReasonCoded: _previousCoded, ...rest } = action;
  return {
    ...rest,
    state,
    ...(input.reason === undefined ? {} : { stateReason: input.reason }),
    ...(input.coded === undefined ? {} : { stateReasonCoded: input.coded }),
    history: [...action.history, entry],
    version: action.version + 1,
  };
}
