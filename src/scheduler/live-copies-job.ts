import type { LiveCopies } from '../delivery/live.js';
import type { Logger } from '../observability/logger.js';
import type { Scheduler } from './scheduler.js';

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
  await scheduler.repeatOnOneInstance('live-copies-reconcile', intervalMs, async () => {
    const marked = await live.reconcile();
    if (marked > 0) logger.info({ marked }, 'live copies repaired');
  });
}
