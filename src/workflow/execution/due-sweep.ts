import { type Action, applyTrigger } from '../../domain/actions/index.js';
import type { WorkflowDeps } from '../deps.js';
import { repairPendingChanges } from '../dossiers.js';
import { processPendingEvents } from '../events/process-events.js';
import { type ExecutionPorts, nextAttempt, runClaimed } from './execute-action.js';
import { newLeaseToken } from './lease.js';
import { notifyOwner, type OwnerNoticeKey } from './notify.js';

export interface SweepOptions {
  batchSize: number;
  /** Executions run side by side within one sweep. */
  concurrency: number;
  /** A sweep keeps taking batches while due work remains, for at most this long. */
  budgetMs: number;
  /** Notices about moments longer ago than this are marked given without being sent (no flood after downtime). */
  staleNoticeMs: number;
  /** Events still pending after this long are assumed orphaned by a crash and processed again. */
  pendingEventGraceMs: number;
}

export const defaultSweepOptions: SweepOptions = {
  batchSize: 100,
  concurrency: 8,
  budgetMs: 20_000,
  staleNoticeMs: 24 * 3_600_000,
  pendingEventGraceMs: 30_000,
};

export interface SweepStats {
  executed: number;
  failed: number;
  rejected: number;
  notMet: number;
  superseded: number;
  reminders: number;
  overdueNotices: number;
  expired: number;
  repairedEvents: number;
}

/**
 * One pass of the due-sweep (docs/architecture.md §4): the action documents say what is due; this claims it
 * with conditional updates and hands each item to its use case. Running it twice, or on two instances at
 * once, does each piece of work once: every claim is conditional on the state that was read.
 */
export async function runDueSweep(
  deps: WorkflowDeps,
  ports: ExecutionPorts,
  options: SweepOptions = defaultSweepOptions,
): Promise<SweepStats> {
  const stats: SweepStats = {
    executed: 0,
    failed: 0,
    rejected: 0,
    notMet: 0,
    superseded: 0,
    reminders: 0,
    overdueNotices: 0,
    expired: 0,
    repairedEvents: 0,
  };
  const started = Date.now();
  stats.repairedEvents =
    (await repairPendingChanges(deps, options.pendingEventGraceMs)) +
    (await processPendingEvents(deps, options.pendingEventGraceMs));
  stats.expired = await expireWaiting(deps, options.batchSize);
  for (;;) {
    const executed = await executeDueBatch(deps, ports, options, stats);
    if (executed < options.batchSize || Date.now() - started > options.budgetMs) break;
  }
  stats.reminders = await sendNotices(deps, ports, 'start', 'notify.reminder', options, started);
  stats.overdueNotices = await sendNotices(deps, ports, 'overdue', 'notify.overdue', options, started);
  return stats;
}

async function executeDueBatch(
  deps: WorkflowDeps,
  ports: ExecutionPorts,
  options: SweepOptions,
  stats: SweepStats,
): Promise<number> {
  const candidates = await deps.stores.actions.due.executions(deps.clock(), options.batchSize);
  ports.observer?.dueBatch(candidates, deps.clock());
  // Sweeps on other instances read the same candidates; taking them in a random order keeps them from
  // queueing behind each other's claims on the same few actions.
  const queue = shuffled(candidates);
  const worker = async () => {
    for (let candidate = queue.shift(); candidate; candidate = queue.shift()) {
      const now = deps.clock();
      const lease = {
        token: newLeaseToken(),
        until: new Date(now.getTime() + ports.settings.leaseMs),
        attempt: nextAttempt(candidate),
      };
      const claimed = await deps.stores.actions.due.claim(candidate, lease);
      if (!claimed) continue;
      try {
        const result = await runClaimed(deps, ports, claimed, 'system');
        ports.observer?.executed(result.outcome, 'sweep');
        if (result.outcome === 'executed') stats.executed += 1;
        else if (result.outcome === 'failed') stats.failed += 1;
        else if (result.outcome === 'rejected') stats.rejected += 1;
        else if (result.outcome === 'conditions-not-met') stats.notMet += 1;
        else stats.superseded += 1;
      } catch (error) {
        // The lease expires and the next sweep retries; one broken action must not stop the others.
        deps.logger.error({ err: error, actionId: claimed.id }, 'execution crashed');
        ports.observer?.executed('crashed', 'sweep');
        stats.failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, candidates.length) }, worker));
  return candidates.length;
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/**
 * Waiting actions whose end passed are cancelled, and the reason says which story it was: conditions that
 * never held, or conditions that held once (the action was open) and stopped holding.
 */
async function expireWaiting(deps: WorkflowDeps, limit: number): Promise<number> {
  const now = deps.clock();
  const expired = await deps.stores.actions.due.expiredWaiting(now, limit);
  const updates = expired.map((action: Action) => {
    const code = expiryCode(action);
    return {
      next: applyTrigger(action, 'expire', { at: now, actorUserId: 'system', reason: code, codes: [code] }),
      expectedVersion: action.version,
    };
  });
  return deps.stores.actions.replaceManyIfVersion(updates);
}

export function expiryCode(action: Pick<Action, 'history'>): string {
  const wasOpen = action.history.some((entry) => entry.after === 'open');
  return wasOpen ? 'conditions-stopped-holding' : 'conditions-never-held';
}

async function sendNotices(
  deps: WorkflowDeps,
  ports: ExecutionPorts,
  kind: 'start' | 'overdue',
  key: OwnerNoticeKey,
  options: SweepOptions,
  passStarted: number,
): Promise<number> {
  const now = deps.clock();
  let sent = 0;
  for (const action of await deps.stores.actions.due.notices(kind, now, options.batchSize)) {
    if (await deps.stores.actions.due.markNotified(action.id, kind, now)) {
      const moment = kind === 'start' ? action.start : action.end;
      if (now.getTime() - moment.getTime() <= options.staleNoticeMs) {
        if (await notifyOwner(deps, ports.processes.chat, action, key)) sent += 1;
      }
    }
    // Past the pass's budget the rest wait for the next pass (they are not marked); at least one of each
    // kind goes per pass, so a busy service still makes progress.
    if (Date.now() - passStarted >= options.budgetMs) break;
  }
  return sent;
}
