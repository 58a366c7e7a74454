import type { WorkflowDeps } from '../workflow/deps.js';
import {
  defaultSweepOptions,
  runDueSweep,
  type SweepOptions,
  type SweepStats,
} from '../workflow/execution/due-sweep.js';
import type { ExecutionPorts } from '../workflow/execution/execute-action.js';
import type { Scheduler } from './scheduler.js';

export const DUE_SWEEP_JOB = 'due-sweep';

/**
 * Registers the due-sweep as recurring Agenda jobs, one per *slot*. Agenda's lock keeps each slot to one
 * runner across instances, and each instance runs at most one slot at a time, so with two slots two
 * instances sweep side by side while a single instance simply takes turns. Sweeps racing for the same
 * due action is safe: every claim is conditional (docs/execution.md). The lock lifetime is a little over
 * the sweep's time budget, so after a crash another instance takes the slot over within seconds rather
 * than Agenda's default ten minutes.
 */
export async function scheduleDueSweep(
  scheduler: Scheduler,
  deps: WorkflowDeps,
  ports: ExecutionPorts,
  options: {
    intervalMs: number;
    slots?: number;
    sweep?: Partial<SweepOptions>;
    /** Told after every pass, e.g. to record metrics. */
    onPass?: (stats: SweepStats, seconds: number) => void;
  },
): Promise<void> {
  const sweep = { ...defaultSweepOptions, ...options.sweep };
  scheduler.agenda.define(
    DUE_SWEEP_JOB,
    async () => {
      const started = performance.now();
      const stats = await runDueSweep(deps, ports, sweep);
      const durationMs = Math.round(performance.now() - started);
      options.onPass?.(stats, durationMs / 1000);
      if (Object.values(stats).some((count) => count > 0))
        deps.logger.info({ sweep: stats, durationMs }, 'due-sweep');
      // A pass is only cut between batches, so one that overran says the service cannot keep up.
      if (durationMs > sweep.budgetMs)
        deps.logger.warn({ durationMs, budgetMs: sweep.budgetMs }, 'due-sweep overran its budget');
    },
    { concurrency: 1, lockLimit: 1, lockLifetime: sweep.budgetMs + 5_000 },
  );
  for (let slot = 0; slot < (options.slots ?? 1); slot += 1) {
    await scheduler.agenda
      .create(DUE_SWEEP_JOB, { slot })
      .repeatEvery(options.intervalMs)
      .unique({ name: DUE_SWEEP_JOB, 'data.slot': slot })
      .save();
  }
}
