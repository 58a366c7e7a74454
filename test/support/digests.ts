import type { Db } from 'mongodb';
import { pino } from 'pino';
import { type ChatDeliveryStack, digestPortsOf } from '../../src/chat-delivery.js';
import { DigestJobs } from '../../src/scheduler/digest-jobs.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import type { DigestPorts } from '../../src/workflow/digests/subscriptions.js';

/**
 * Digest ports on a real Agenda (not started): subscribing saves each subscription's job in agendaJobs, as
 * the service does; tests run digests themselves with runDigest, or start the scheduler.
 */
export function testDigestPorts(
  db: Db,
  delivery: ChatDeliveryStack,
): { ports: DigestPorts; jobs: DigestJobs; scheduler: Scheduler } {
  const logger = pino({ level: 'silent' });
  const scheduler = new Scheduler({ db, logger, processEveryMs: 100 });
  const jobs = new DigestJobs(scheduler, logger);
  return { ports: digestPortsOf(delivery, jobs), jobs, scheduler };
}
