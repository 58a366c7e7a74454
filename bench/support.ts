import type { Db } from 'mongodb';
import { pino } from 'pino';
import type { Locale } from '../src/domain/i18n/locale.js';
import { WorkspaceSettingsSchema } from '../src/domain/workspace.js';
import { createStores, ensureIndexes } from '../src/store/stores.js';
import { type WorkflowDeps, WorkspaceProvider } from '../src/workflow/deps.js';

/** The value at percentile `p` of ascending `sorted` (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The use cases' deps on a bench database, its indexes made: a silent logger, the default calendar. */
export async function benchDeps(
  db: Db,
  options: { locale: Locale; clock?: () => Date },
): Promise<WorkflowDeps> {
  const stores = createStores(db);
  await ensureIndexes(stores);
  const clock = options.clock ?? (() => new Date());
  return {
    stores,
    clock,
    logger: pino({ level: 'silent' }),
    workspace: new WorkspaceProvider(
      stores,
      WorkspaceSettingsSchema.parse({ calendar: {}, locale: options.locale }),
      clock,
    ),
  };
}
