import { describe, expect, it } from 'vitest';
import {
  ACTION_STATES,
  ACTION_TRIGGERS,
  type Action,
  type ActionState,
  type ActionTrigger,
  allowedTriggers,
  applyTrigger,
  isFinalState,
  isVisibleState,
  nextState,
  transition,
} from '../../../src/domain/actions/index.js';
import { DomainError } from '../../../src/domain/errors.js';
import { NOW } from '../support/records.js';

// The expected lifecycle, written out independently of the implementation's table (docs/domain.md §6).
const EXPECTED: Record<ActionState, Partial<Record<ActionTrigger, ActionState>>> = {
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

const everyPair = ACTION_STATES.flatMap((state) =>
  ACTION_TRIGGERS.map((trigger) => [state, trigger] as const),
);

describe('action state machine', () => {
  it.each(everyPair)('%s + %s', (state, trigger) => {
    const expected = EXPECTED[state][trigger];
    expect(nextState(state, trigger)).toBe(expected);
    if (expected) {
      expect(transition(state, trigger)).toBe(expected);
    } else {
      let thrown: unknown;
      try {
        transition(state, trigger);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({
        category: 'conflict',
        code: 'action.invalid-transition',
        details: { state, trigger },
      });
    }
  });

  it('makes done, executed and cancelled final', () => {
    expect(ACTION_STATES.filter(isFinalState)).toEqual(['done', 'executed', 'cancelled']);
  });

  it('hides only waiting actions', () => {
    expect(ACTION_STATES.filter((state) => !isVisibleState(state))).toEqual(['waiting']);
  });
});

describe('allowedTriggers', () => {
  it('offers manual actions no execution outcomes', () => {
    expect(allowedTriggers('open', 'manual')).toEqual(['hide', 'complete', 'cancel']);
  });

  it('lets semi-automatic actions be executed or marked done', () => {
    expect(allowedTriggers('open', 'semi-automatic')).toEqual([
      'hide',
      'complete',
      'execute-succeeded',
      'execute-failed',
      'reject',
      'cancel',
    ]);
  });

  it('does not let automatic actions be marked done by hand', () => {
    expect(allowedTriggers('open', 'automatic')).not.toContain('complete');
    expect(allowedTriggers('failed', 'automatic')).toContain('execute-succeeded');
  });

  it('only offers triggers the table allows', () => {
    for (const [state, trigger] of everyPair) {
      for (const execution of ['manual', 'semi-automatic', 'automatic'] as const) {
        if (allowedTriggers(state, execution).includes(trigger))
          expect(nextState(state, trigger)).toBeDefined();
      }
    }
  });

  it('offers nothing on final states', () => {
    expect(allowedTriggers('done', 'semi-automatic')).toEqual([]);
  });
});

describe('applyTrigger', () => {
  const action = {
    state: 'open',
    history: [],
    version: 3,
    stateReason: 'old reason',
  } as unknown as Action;

  it('moves the state, records history and bumps the version', () => {
    const failed = applyTrigger(action, 'execute-failed', {
      at: NOW,
      actorUserId: 'system',
      reason: 'SMTP 451',
    });
    expect(failed).toMatchObject({ state: 'failed', stateReason: 'SMTP 451', version: 4 });
    expect(failed.history).toEqual([
      {
        at: NOW,
        actorUserId: 'system',
        kind: 'execution-failed',
        before: 'open',
        after: 'failed',
        note: 'SMTP 451',
      },
    ]);
  });

  it('drops a stale state reason when the new state has none', () => {
    const done = applyTrigger(action, 'complete', { at: NOW, actorUserId: 'u-1', codes: ['by-hand'] });
    expect(done.stateReason).toBeUndefined();
    expect(done.history[0]).toMatchObject({ kind: 'completed', actorUserId: 'u-1', codes: ['by-hand'] });
  });

  it('refuses transitions the table does not allow, leaving the action alone', () => {
    const done = { ...action, state: 'done' } as Action;
    expect(() => applyTrigger(done, 'execute-succeeded', { at: NOW, actorUserId: 'system' })).toThrow(
      DomainError,
    );
  });
});
