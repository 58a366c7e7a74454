import type { ChatDelivery } from '../delivery/port.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { runEscalations } from '../workflow/notices/escalations.js';
import type { Scheduler } from './scheduler.js';

/** Once a minute, on one instance (Agenda's lock), escalate what is due (docs/digests.md). */
export async function scheduleEscalations(
  scheduler: Scheduler,
  deps: WorkflowDeps,
  chat: ChatDelivery,
  intervalMs = 60_000,
): Promise<void> {
  await scheduler.repeatOnOneInstance('escalations', intervalMs, async () => {
    const escalated = await runEscalations(deps, chat);
    if (escalated > 0) deps.logger.info({ escalated }, 'overdue actions escalated');
  });
}
