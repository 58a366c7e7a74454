import { type Action, applyTrigger } from '../../domain/actions/index.js';
import { failureReasons, failuresCoded } from '../../domain/conditions/index.js';
import { DomainError } from '../../domain/errors.js';
import { canWriteAction } from '../../domain/rights/index.js';
import type { User } from '../../domain/rights/user.js';
import type { Process } from '../../domain/templates/index.js';
import { type Coded, type ErrorCode, type TextParams, textParamsOf } from '../../i18n/coded/index.js';
import { stateWord } from '../../i18n/labels.js';
import { type ActionRef, readableAction } from '../actions/change-action.js';
import type { WorkflowDeps } from '../deps.js';
import type { DigestPorts } from '../digests/subscriptions.js';
import { forbidden } from '../errors.js';
import type { ProcessPorts, Rejection } from '../processes/index.js';
import {
  commitOutcome,
  type ExecutionSettings,
  hasActiveLease,
  newLeaseToken,
  retryDelayMs,
} from './lease.js';
import { notifyOwner } from './notify.js';
import type { ExecutionObserver } from './observer.js';
import { loadSubject, prepareFor } from './subject.js';

export interface ExecutionPorts {
  processes: ProcessPorts;
  settings: ExecutionSettings;
  observer?: ExecutionObserver;
  /** Channel digests (docs/digests.md); absent where no chat delivery is wired. */
  digests?: DigestPorts;
}

/**
 * What became of an execution. The English `summary`, `error`, `reason` and `reasons` are for logs and API
 * clients; `result` and `coded` are what people read, in their language (src/i18n/coded).
 */
export type ExecutionResult =
  | { outcome: 'executed'; action: Action; summary: string; result: Coded }
  | { outcome: 'failed'; action: Action; error: string; coded: Coded; retryAt?: Date }
  /** `repeated`: rejected again for the same reason as it already was; nothing new was recorded or told. */
  | { outcome: 'rejected'; action: Action; code: ErrorCode; reason: string; coded: Coded; repeated?: boolean }
  | { outcome: 'conditions-not-met'; action: Action; reasons: string[]; coded: Coded }
  /** The lease was lost to another instance: that one reports the outcome. */
  | { outcome: 'superseded' };

const executableStates = new Set(['open', 'failed', 'rejected']);

/**
 * A person presses Execute (semi-automatic actions; also re-running failed or rejected ones). The action
 * is claimed with a lease first, so a double click, a retried request or a second instance finds it
 * claimed and is refused instead of running the process again.
 */
export async function executeAction(
  deps: WorkflowDeps,
  ports: ExecutionPorts,
  actor: User,
  ref: ActionRef,
): Promise<ExecutionResult> {
  const action = await readableAction(deps, actor, ref);
  if (!canWriteAction(actor, action))
    throw forbidden('action.forbidden', `You may not execute action ${action.number}`, {
      number: action.number,
    });
  if (action.execution === 'manual') {
    throw new DomainError({
      category: 'conflict',
      code: 'action.manual-not-executable',
      message: `Action ${action.number} is manual: a person does the work and marks it done`,
      params: { number: action.number },
    });
  }
  const now = deps.clock();
  if (!executableStates.has(action.state) || hasActiveLease(action, now)) throw notExecutable(action, now);
  const token = newLeaseToken();
  // Taking the template's current settings is part of the claim: one write, and only for the one
  // execution that wins it.
  const repaired = withTemplateProcess(action, await repairProcess(deps, action), now, actor.id);
  const claimed: Action = {
    ...repaired,
    lease: { token, until: new Date(now.getTime() + ports.settings.leaseMs), attempt: nextAttempt(action) },
    version: action.version + 1,
  };
  if (!(await deps.stores.actions.replaceIfVersion(claimed, action.version))) {
    const latest = await readableAction(deps, actor, ref);
    throw notExecutable(latest, deps.clock());
  }
  const result = await runClaimed(deps, ports, claimed, actor.id);
  ports.observer?.executed(result.outcome, 'person');
  return result;
}

/**
 * The process a person's Execute of a rejected or failed action runs with: the template's current one.
 * Such an action's snapshot has proven not to work, and the fix is made where it belongs — in the
 * template (a sender added, a URL corrected) — so pressing Execute again after fixing it works, as in
 * Coachview. Open actions keep the snapshot they were stamped with. Undefined when nothing changes.
 */
export async function repairProcess(deps: WorkflowDeps, action: Action): Promise<Process | undefined> {
  if (action.state !== 'rejected' && action.state !== 'failed') return undefined;
  const template = await deps.stores.templates.get(action.templateId);
  if (!template?.process) return undefined;
  const same = JSON.stringify(template.process) === JSON.stringify(action.processSnapshot);
  return same ? undefined : template.process;
}

function withTemplateProcess(action: Action, process: Process | undefined, at: Date, actorUserId: string) {
  if (!process) return action;
  return {
    ...action,
    processSnapshot: process,
    history: [
      ...action.history,
      {
        at,
        actorUserId,
        kind: 'process-updated' as const,
        before: action.processSnapshot,
        after: process,
        codes: ['template-process'],
      },
    ],
  };
}

/** Attempts count per execution run: a retry continues the count, a fresh Execute after a final failure too. */
export function nextAttempt(action: Pick<Action, 'lease' | 'retry'>): number {
  return Math.max(action.lease?.attempt ?? 0, action.retry?.attempt ?? 0) + 1;
}

function isRejectedFor(action: Action, code: ErrorCode, reason: string): boolean {
  if (action.state !== 'rejected' || action.stateReason !== reason) return false;
  const last = action.history.findLast((entry) => entry.kind === 'rejected');
  return last?.codes?.[0] === code;
}

function notExecutable(action: Action, now: Date): DomainError {
  if (hasActiveLease(action, now)) {
    return new DomainError({
      category: 'conflict',
      code: 'action.executing',
      message: `Action ${action.number} is already being executed`,
      params: { number: action.number },
    });
  }
  return new DomainError({
    category: 'conflict',
    code: 'action.not-executable',
    message: `Action ${action.number} is ${action.state} and cannot be executed`,
    details: { state: action.state },
    params: { number: action.number, state: stateWord(action.state) },
  });
}

/**
 * Runs an action whose lease the caller holds (from the Execute button or the due-sweep): re-checks the
 * conditions, validates the setup, runs the process and records executed, failed (perhaps retrying with
 * backoff) or rejected — then tells the owner about failures and rejections.
 */
export async function runClaimed(
  deps: WorkflowDeps,
  ports: ExecutionPorts,
  action: Action,
  actorUserId: string,
): Promise<ExecutionResult> {
  const lease = action.lease!;
  const release = ({ lease: _lease, retry: _retry, ...rest }: Action): Action => rest;
  const commit = (apply: (current: Action) => Action) => commitOutcome(deps, action, lease.token, apply);
  const at = () => deps.clock();
  const subject = await loadSubject(deps, action);
  const reject = async (code: ErrorCode, reason: string, params?: TextParams): Promise<ExecutionResult> => {
    const coded: Coded = { code, ...(params ? { params } : {}) };
    let repeated = false;
    const next = await commit((current) => {
      // Rejected again for the very reason it is rejected for: the attempt found nothing new, so it adds
      // no history entry and tells nobody again (a burst of presses would otherwise flood both).
      repeated = isRejectedFor(current, code, reason);
      return repeated
        ? release(current)
        : applyTrigger(release(current), 'reject', { at: at(), actorUserId, reason, codes: [code], coded });
    });
    if (!next) return { outcome: 'superseded' };
    if (repeated) return { outcome: 'rejected', action: next, code, reason, coded, repeated: true };
    await notifyOwner(deps, ports.processes.chat, next, 'notify.rejected', coded);
    return { outcome: 'rejected', action: next, code, reason, coded };
  };
  if (!subject) return reject('record-missing', `The record ${action.record.id} no longer exists`);
  if (!action.processSnapshot) return reject('no-process', 'The action has no process to execute');

  if (!subject.conditions.holds) {
    const timeZone = subject.workspace.calendar.timeZone;
    const reasons = failureReasons(subject.conditions, { locale: 'en', timeZone });
    const coded = failuresCoded(subject.conditions, timeZone);
    const next = await commit((current) =>
      current.state === 'open'
        ? applyTrigger(release(current), 'hide', {
            at: at(),
            actorUserId,
            reason: reasons.join('; '),
            codes: ['conditions-not-met'],
            coded,
          })
        : { ...release(current), stateReason: reasons.join('; '), stateReasonCoded: coded },
    );
    return next ? { outcome: 'conditions-not-met', action: next, reasons, coded } : { outcome: 'superseded' };
  }

  const prepared = await prepareFor(deps, ports.processes, subject, lease.attempt);
  if (!prepared.ok) {
    const { rejection } = prepared;
    return reject(rejection.code, rejection.message, rejectionParams(rejection));
  }

  const outcome = await prepared.run();
  if (outcome.status === 'done') {
    const next = await commit((current) =>
      applyTrigger(release(current), 'execute-succeeded', {
        at: at(),
        actorUserId,
        reason: outcome.summary,
        codes: ['executed'],
        coded: outcome.result,
      }),
    );
    return next
      ? { outcome: 'executed', action: next, summary: outcome.summary, result: outcome.result }
      : { outcome: 'superseded' };
  }
  const failed: Coded = { code: outcome.code, ...(outcome.params ? { params: outcome.params } : {}) };
  if (outcome.retryable && lease.attempt < ports.settings.maxAttempts) {
    const retryAt = new Date(at().getTime() + retryDelayMs(ports.settings, lease.attempt));
    const next = await commit((current) => ({
      ...release(current),
      retry: { at: retryAt, attempt: lease.attempt },
      stateReason: outcome.error,
      stateReasonCoded: failed,
      history: [
        ...current.history,
        {
          at: at(),
          actorUserId,
          kind: 'retry-scheduled',
          codes: [outcome.code],
          note: outcome.error,
          coded: failed,
          after: { retryAt, attempt: lease.attempt },
        },
      ],
    }));
    return next
      ? { outcome: 'failed', action: next, error: outcome.error, coded: failed, retryAt }
      : { outcome: 'superseded' };
  }
  const next = await commit((current) =>
    applyTrigger(release(current), 'execute-failed', {
      at: at(),
      actorUserId,
      reason: outcome.error,
      codes: [outcome.code],
      coded: failed,
    }),
  );
  if (!next) return { outcome: 'superseded' };
  await notifyOwner(deps, ports.processes.chat, next, 'notify.failed', failed);
  return { outcome: 'failed', action: next, error: outcome.error, coded: failed };
}

/** A rejection's text parameters: its own, over the details it gives API clients. */
export function rejectionParams(rejection: Rejection): TextParams | undefined {
  const params = { ...textParamsOf(rejection.details), ...rejection.params };
  return Object.keys(params).length > 0 ? params : undefined;
}
