import type { WorkflowDeps } from '../workflow/deps.js';
import { recheckTimeConditions } from '../workflow/events/time-conditions.js';
import type { Scheduler } from './scheduler.js';

/**
 * Every five minutes, on one instance (Agenda's lock), re-check the actions whose conditions change with
 * time alone (docs/workflow.md).
 */
export async function scheduleTimeConditions(
  scheduler: Scheduler,
  deps: WorkflowDeps,
  intervalMs = 5 * 60_000,
): Promise<void> {
  await scheduler.repeatOnOneInstance('time-conditions', intervalMs, async () => {
    const result = await recheckTimeConditions(deps);
    if (result.revealed + result.hidden > 0) {
      deps.logger.info(result, 'actions re-checked as time passed');
    }
  });
}
