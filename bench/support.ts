import type { Db } from 'mongodb';
import { pino } from 'pino';
import type { Action } from '../src/domain/actions/index.js';
import type { Locale } from '../src/domain/i18n/locale.js';
import type { TemplateInput } from '../src/domain/templates/index.js';
import { WorkspaceSettingsSchema } from '../src/domain/workspace.js';
import { createStores, ensureIndexes } from '../src/store/stores.js';
import { type WorkflowDeps, WorkspaceProvider } from '../src/workflow/deps.js';
import { createDossierRecord } from '../src/workflow/dossiers.js';
import { SYSTEM_USER } from '../src/workflow/system-user.js';
import { createTemplate } from '../src/workflow/templates/save.js';

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

/**
 * `count` courses of one course type, each stamped with one manual to-do (open from the moment it is
 * created for two days; `template` adds owner or roles): the open actions the chat benchmarks press.
 */
export async function benchActions(
  deps: WorkflowDeps,
  count: number,
  template: Pick<TemplateInput, 'key' | 'name'> & Partial<TemplateInput>,
): Promise<Action[]> {
  const courseType = (
    await createDossierRecord(deps, SYSTEM_USER, {
      group: 'course-type',
      input: { key: 'bench', name: 'Bench' },
    })
  ).record;
  await createTemplate(deps, SYSTEM_USER, {
    execution: 'manual',
    dataGroup: 'course',
    event: { type: 'created', group: 'course' },
    timing: {
      start: { amount: 0, unit: 'days', direction: 'after', anchor: 'event' },
      end: { amount: 2, unit: 'days', direction: 'after', anchor: 'event' },
    },
    courseTypeIds: [courseType.id],
    ...template,
  });
  for (let index = 0; index < count; index += 1) {
    await createDossierRecord(deps, SYSTEM_USER, {
      group: 'course',
      input: { code: `B-${index}`, name: `Bench ${index}`, courseTypeId: courseType.id },
    });
  }
  return (await deps.stores.actions.find({ states: ['open'] }, { limit: count, skip: 0 })).items;
}
