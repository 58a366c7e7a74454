import type { Agenda } from 'agenda';
import type { MongoClient } from 'mongodb';
import type { DeliveryEvents } from '../delivery/worker.js';
import type { SweepStats } from '../workflow/execution/due-sweep.js';
import { dueMomentOf, type ExecutionObserver } from '../workflow/execution/observer.js';
import type { Metrics } from './metrics.js';

// The bridges between the service's parts and its metrics, so that none of those parts imports prom-client.

export function executionMetrics(metrics: Metrics): ExecutionObserver {
  return {
    executed: (outcome, trigger) => metrics.executions.inc({ outcome, trigger }),
    dueBatch: (candidates, now) => {
      metrics.sweepBatchSize.observe(candidates.length);
      for (const candidate of candidates) {
        metrics.sweepLag.observe(Math.max(0, now.getTime() - dueMomentOf(candidate).getTime()) / 1000);
      }
    },
  };
}

/** One due-sweep pass: its duration and the work besides executions (those count per execution). */
export function recordSweepPass(metrics: Metrics, stats: SweepStats, seconds: number): void {
  metrics.sweepDuration.observe(seconds);
  const work = {
    reminder: stats.reminders,
    'overdue-notice': stats.overdueNotices,
    expired: stats.expired,
    'repaired-event': stats.repairedEvents,
  };
  for (const [kind, count] of Object.entries(work)) if (count > 0) metrics.sweepWork.inc({ kind }, count);
}

/**
 * The driver's connection pool events (CMAP) as gauges: open connections, checked-out ones and
 * operations waiting for one. A pool that is always fully checked out with a queue behind it is too small.
 */
export function observeDatabasePool(client: MongoClient, metrics: Metrics): void {
  const open = { state: 'open' };
  const inUse = { state: 'in_use' };
  metrics.databaseConnections.set(open, 0);
  metrics.databaseConnections.set(inUse, 0);
  metrics.databaseCheckoutsWaiting.set(0);
  client.on('connectionCreated', () => metrics.databaseConnections.inc(open));
  client.on('connectionClosed', () => metrics.databaseConnections.dec(open));
  client.on('connectionCheckOutStarted', () => metrics.databaseCheckoutsWaiting.inc());
  client.on('connectionCheckedOut', () => {
    metrics.databaseCheckoutsWaiting.dec();
    metrics.databaseConnections.inc(inUse);
  });
  client.on('connectionCheckOutFailed', (event) => {
    metrics.databaseCheckoutsWaiting.dec();
    metrics.databaseCheckoutFailures.inc({ reason: String(event.reason) });
  });
  client.on('connectionCheckedIn', () => metrics.databaseConnections.dec(inUse));
}

/** Jobs that threw; the due-sweep catches per-action errors itself, so a failure here is the sweep's own. */
export function observeScheduler(agenda: Agenda, metrics: Metrics): void {
  agenda.on('fail', (_error: unknown, job: { attrs?: { name: string }; jobName?: string }) => {
    metrics.jobFailures.inc({ job: job.attrs?.name ?? job.jobName ?? 'unknown' });
  });
}

/** The delivery worker's outcomes per platform: sent, to be retried, or given up. */
export function deliveryMetrics(metrics: Metrics): DeliveryEvents {
  return {
    outcome: (platform, kind, outcome) => {
      if (outcome === 'sent') metrics.deliverySent.inc({ platform, kind });
      else metrics.deliveryFailures.inc({ platform, kind, outcome });
    },
  };
}
