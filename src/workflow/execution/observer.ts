import type { Action } from '../../domain/actions/index.js';

export type ExecutionOutcome =
  | 'executed'
  | 'failed'
  | 'rejected'
  | 'conditions-not-met'
  | 'superseded'
  | 'crashed';

/**
 * What execution tells the outside about itself (the service feeds its metrics from this); optional, so
 * tests and the CLI run without one.
 */
export interface ExecutionObserver {
  /** An execution ended; 'sweep' when the due-sweep started it, 'person' for the Execute button or API. */
  executed(outcome: ExecutionOutcome, trigger: 'sweep' | 'person'): void;
  /** The due-sweep read one batch of due executions at `now`. */
  dueBatch(candidates: readonly Action[], now: Date): void;
}

/** When a piece of due work became due: its retry time, the end of a crashed run's lease, or its start. */
export function dueMomentOf(action: Pick<Action, 'start' | 'lease' | 'retry'>): Date {
  return action.retry?.at ?? action.lease?.until ?? action.start;
}
