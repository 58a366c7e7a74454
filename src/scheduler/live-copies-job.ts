import type { LiveCopies } from '../delivery/live.js';
import type { Logger } from '../observability/logger.js';
import type { Scheduler } from './scheduler.js';

export const LIVE_COPIES_JOB = 'live-copies-reconcile';

/**
 * Once a minute, one instance (Agenda's lock) looks for posted copies whose actions changed without
 * their copies being told — a crash between an action's write and its notification — and marks them
 * for an edit (docs/delivery.md).
 */
export async function scheduleLiveCopies(
  scheduler: Scheduler,
  live: LiveCopies,
  logger: Logger,
  intervalMs = 60_000,
): Promise<void> {
  scheduler.agenda.define(
    LIVE_COPIES_JOB,
    async () => {
      const marked = await live.reconcile();
      if (marked > 0) logger.info({ marked }, 'live copies repaired');
    },
    { concurrency: 1, lockLimit: 1, lockLifetime: 5 * 60_000 },
  );
  await scheduler.agenda
    .create(LIVE_COPIES_JOB, {})
    .repeatEvery(intervalMs)
    .unique({ name: LIVE_COPIES_JOB })
    .save();
}
