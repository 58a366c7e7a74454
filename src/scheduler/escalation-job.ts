import type { ChatDelivery } from '../delivery/port.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { runEscalations } from '../workflow/notices/escalations.js';
import type { Scheduler } from './scheduler.js';

export const ESCALATION_JOB = 'escalations';

/** Once a minute, on one instance (Agenda's lock), escalate what is due (docs/digests.md). */
export async function scheduleEscalations(
  scheduler: Scheduler,
  deps: WorkflowDeps,
  chat: ChatDelivery,
  intervalMs = 60_000,
): Promise<void> {
  scheduler.agenda.define(
    ESCALATION_JOB,
    async () => {
      const escalated = await runEscalations(deps, chat);
      if (escalated > 0) deps.logger.info({ escalated }, 'overdue actions escalated');
    },
    { concurrency: 1, lockLimit: 1, lockLifetime: 5 * 60_000 },
  );
  await scheduler.agenda
    .create(ESCALATION_JOB, {})
    .repeatEvery(intervalMs)
    .unique({ name: ESCALATION_JOB })
    .save();
}
