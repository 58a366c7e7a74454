import type { Action } from '../../domain/actions/index.js';
import type { RecordContext } from '../../domain/dossiers/index.js';
import { templateListensTo } from '../../domain/events/match.js';
import type { DomainEvent } from '../../domain/events/types.js';
import { planStamping } from '../../domain/stamping/index.js';
import { loadContext, loadContexts } from '../contexts.js';
import type { WorkflowDeps } from '../deps.js';

/**
 * Stamps the actions an event calls for (DOMAIN.md §4). Templates come from one query, contexts from a
 * fixed number of batched queries, and the actions from one unordered insert whose unique identity key
 * turns a repeated event into a no-op.
 */
export async function stampForEvent(deps: WorkflowDeps, event: DomainEvent): Promise<Action[]> {
  const { stores } = deps;
  const templates = (await stores.templates.listeningTo(event.group)).filter((template) =>
    templateListensTo(template, event),
  );
  if (templates.length === 0) return [];
  const record = await stores.dossiers.get(event.recordId);
  if (!record) return [];
  const now = deps.clock();
  const workspace = await deps.workspace.get();
  const context = await loadContext(stores.dossiers, record, now);

  let participantContexts: RecordContext[] | undefined;
  if (event.group === 'course' && templates.some((template) => template.dataGroup === 'participant')) {
    const participants = await stores.dossiers.findRelated('participant', 'courseId', [record.id]);
    participantContexts = await loadContexts(stores.dossiers, participants, now);
  }

  const plan = planStamping({
    event,
    context,
    ...(participantContexts ? { participantContexts } : {}),
    templates,
    now,
    calendar: workspace.calendar,
    locale: workspace.locale,
  });
  const inserted = await stores.actions.insertDrafts(plan.drafts);
  if (inserted.length > 0) {
    await stores.audit.write({
      at: now,
      actor: event.actorUserId ?? 'system',
      kind: 'actions.stamped',
      entity: { type: 'event', id: event.id },
      details: {
        event: { type: event.type, group: event.group, recordId: event.recordId },
        count: inserted.length,
        templates: [...new Set(inserted.map((action) => action.templateKey))],
      },
    });
  }
  return inserted;
}
