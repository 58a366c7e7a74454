import { type Action, isFinalState } from '../../domain/actions/index.js';
import { DomainError } from '../../domain/errors.js';
import { canReadAction, canWriteAction } from '../../domain/rights/index.js';
import type { User } from '../../domain/rights/user.js';
import { stateWord } from '../../i18n/labels.js';
import type { WorkflowDeps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { hasActiveLease } from '../execution/lease.js';

/** An action is addressed by its id (`act_…`) or by its running number, as people type it in chat. */
export type ActionRef = string | number;

export async function loadAction(deps: WorkflowDeps, ref: ActionRef): Promise<Action | undefined> {
  if (typeof ref === 'number') return deps.stores.actions.getByNumber(ref);
  return /^\d+$/.test(ref) ? deps.stores.actions.getByNumber(Number(ref)) : deps.stores.actions.get(ref);
}

/** The action if the user may see it; a hidden action looks exactly like a missing one. */
export async function readableAction(deps: WorkflowDeps, actor: User, ref: ActionRef): Promise<Action> {
  const action = await loadAction(deps, ref);
  if (!action || !canReadAction(actor, action)) throw notFound('action', ref);
  return action;
}

function alreadyFinal(action: Action): DomainError {
  const last = action.history.at(-1);
  return new DomainError({
    category: 'conflict',
    code: 'action.already-final',
    message: `Action ${action.number} is already ${action.state}`,
    details: { state: action.state, by: last?.actorUserId, at: last?.at },
    params: { number: action.number, state: stateWord(action.state) },
  });
}

/**
 * Every change to one action: read, check rights, compute the next version purely, and write it only if
 * nobody changed the action in between. When someone did (a double click, a second instance, a retried
 * request), the change is recomputed once on the fresh state — which then usually refuses, because the
 * action is already done — so no change is ever applied twice.
 */
export async function changeAction(
  deps: WorkflowDeps,
  actor: User,
  ref: ActionRef,
  change: (action: Action, now: Date) => Action | Promise<Action>,
  audit: { kind: string; details?: Record<string, unknown> },
  options: { allowFinal?: boolean } = {},
): Promise<Action> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const action = await readableAction(deps, actor, ref);
    if (!canWriteAction(actor, action)) {
      throw forbidden('action.forbidden', `You may not change action ${action.number}`, {
        number: action.number,
      });
    }
    if (isFinalState(action.state) && !options.allowFinal) throw alreadyFinal(action);
    const now = deps.clock();
    if (hasActiveLease(action, now)) {
      throw new DomainError({
        category: 'conflict',
        code: 'action.executing',
        message: `Action ${action.number} is being executed; try again when it is finished`,
        params: { number: action.number },
      });
    }
    const changed = await change(action, now);
    const next = { ...changed, version: action.version + 1 };
    if (await deps.stores.actions.replaceIfVersion(next, action.version)) {
      await deps.stores.audit.write({
        at: now,
        actor: actor.id,
        kind: audit.kind,
        entity: { type: 'action', id: action.id },
        before: {
          state: action.state,
          ownerUserId: action.ownerUserId,
          start: action.start,
          end: action.end,
        },
        after: { state: next.state, ownerUserId: next.ownerUserId, start: next.start, end: next.end },
        ...(audit.details ? { details: audit.details } : {}),
      });
      return next;
    }
  }
  const latest = await readableAction(deps, actor, ref);
  if (isFinalState(latest.state)) throw alreadyFinal(latest);
  throw new DomainError({
    category: 'conflict',
    code: 'action.changed-concurrently',
    message: `Action ${latest.number} is being changed by someone else; try again`,
    params: { number: latest.number },
  });
}
