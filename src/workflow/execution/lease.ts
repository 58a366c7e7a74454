import { randomBytes } from 'node:crypto';
import type { Action } from '../../domain/actions/index.js';
import type { WorkflowDeps } from '../deps.js';

export interface ExecutionSettings {
  /** How long one execution may take before another instance assumes it crashed and takes over. */
  leaseMs: number;
  /** First retry delay; each next one doubles, up to an hour. */
  retryBaseMs: number;
  /** Attempts in all, the first included, before a retryable failure becomes final. */
  maxAttempts: number;
}

export const defaultExecutionSettings: ExecutionSettings = {
  leaseMs: 60_000,
  retryBaseMs: 30_000,
  maxAttempts: 5,
};

export function newLeaseToken(): string {
  return randomBytes(9).toString('base64url');
}

export function hasActiveLease(action: Pick<Action, 'lease'>, now: Date): boolean {
  return action.lease !== undefined && action.lease.until.getTime() > now.getTime();
}

export function retryDelayMs(settings: ExecutionSettings, attempt: number): number {
  return Math.min(settings.retryBaseMs * 2 ** (attempt - 1), 3_600_000);
}

/**
 * Records the outcome of an execution on the latest version of the action, as long as this execution
 * still holds the lease. Other writers may have bumped the version meanwhile (an anchor moved), so the
 * outcome is re-applied to what is there now instead of being lost.
 */
export async function commitOutcome(
  deps: WorkflowDeps,
  claimed: Action,
  token: string,
  apply: (action: Action) => Action,
): Promise<Action | undefined> {
  // Usually nobody touched the action while it ran, so the version it was claimed at is still current.
  let current: Action | undefined = claimed;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (!current || current.lease?.token !== token) {
      deps.logger.warn({ actionId: claimed.id }, 'execution outcome dropped: the lease was taken over');
      return undefined;
    }
    const next = { ...apply(current), version: current.version + 1 };
    if (await deps.stores.actions.replaceIfVersion(next, current.version)) return next;
    current = await deps.stores.actions.get(claimed.id);
  }
  throw new Error(`could not record the outcome of action ${claimed.id}`);
}
