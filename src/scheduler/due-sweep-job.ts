import type { WorkflowDeps } from '../workflow/deps.js';
import { defaultSweepOptions, runDueSweep, type SweepOptions } from '../workflow/execution/due-sweep.js';
import type { ExecutionPorts } from '../workflow/execution/execute-action.js';
import type { Scheduler } from './scheduler.js';

export const DUE_SWEEP_JOB = 'due-sweep';

/**
 * Registers the due-sweep as one recurring Agenda job. Agenda's lock keeps it to one runner across
 * instances; the lock lifetime is kept short (a little over the sweep's time budget) so that after a
 * crash another instance takes over within seconds rather than Agenda's default ten minutes.
 */
export async function scheduleDueSweep(
  scheduler: Scheduler,
  deps: WorkflowDeps,
  ports: ExecutionPorts,
  options: { intervalMs: number; sweep?: Partial<SweepOptions> },
): Promise<void> {
  const sweep = { ...defaultSweepOptions, ...options.sweep };
  scheduler.agenda.define(
    DUE_SWEEP_JOB,
    async () => {
      const stats = await runDueSweep(deps, ports, sweep);
      if (Object.values(stats).some((count) => count > 0)) deps.logger.info({ sweep: stats }, 'due-sweep');
    },
    { concurrency: 1, lockLimit: 1, lockLifetime: sweep.budgetMs + 5_000 },
  );
  await scheduler.agenda.every(options.intervalMs, DUE_SWEEP_JOB, {}, { skipImmediate: false });
}
