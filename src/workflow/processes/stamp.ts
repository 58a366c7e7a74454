import type { ActionDraft } from '../../domain/actions/index.js';
import { draftAction } from '../../domain/stamping/index.js';
import type { Process } from '../../domain/templates/index.js';
import { done, type ProcessHandler, type ProcessPreview } from './types.js';

type StampProcess = Extract<Process, { type: 'stamp' }>;

/** Stamps other templates on the same record; ones already stamped (identity key) are left alone. */
export const stamp: ProcessHandler<StampProcess> = async (input, process) => {
  const { deps, context, workspace } = input;
  const now = deps.clock();
  const drafts: ActionDraft[] = [];
  const templates: Extract<ProcessPreview, { type: 'stamp' }>['templates'] = [];
  for (const key of process.templateKeys) {
    const template = await deps.stores.templates.getByKey(key);
    if (!template || template.archived) {
      templates.push({ key, skipped: 'template-missing' });
      continue;
    }
    const outcome = draftAction(
      {
        template,
        context,
        stamperUserId: null,
        event: { at: now },
        requireConditions: template.createMode === 'when-conditions-hold',
      },
      { now, calendar: workspace.calendar, locale: workspace.locale },
    );
    if ('draft' in outcome) {
      drafts.push(outcome.draft);
      templates.push({ key, name: outcome.draft.name, start: outcome.draft.start, end: outcome.draft.end });
    } else templates.push({ key, skipped: outcome.skipped.reason });
  }
  return {
    ok: true,
    preview: { type: 'stamp', templates },
    run: async () => {
      const inserted = await deps.stores.actions.insertDrafts(drafts);
      return done(
        `${inserted.length} action(s) stamped`,
        'stamp.stamped',
        { count: inserted.length },
        { actionIds: inserted.map((action) => action.id) },
      );
    },
  };
};
