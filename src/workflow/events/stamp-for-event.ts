import type { Action, ActionDraft } from '../../domain/actions/index.js';
import type { DossierRecord, Participant } from '../../domain/dossiers/index.js';
import { templateListensTo } from '../../domain/events/match.js';
import type { DomainEvent } from '../../domain/events/types.js';
import { planStamping } from '../../domain/stamping/index.js';
import { readsParticipantCounts } from '../../domain/templates/index.js';
import { loadContexts } from '../contexts.js';
import type { WorkflowDeps } from '../deps.js';

/**
 * Stamps the actions an event calls for (docs/domain.md §4). Templates come from one query, contexts from a
 * fixed number of batched queries, and the actions from one unordered insert whose unique identity key
 * turns a repeated event into a no-op.
 */
export async function stampForEvent(
  deps: WorkflowDeps,
  event: DomainEvent,
  /** The event's record when the caller has just read it (processEvents does), to save reading it again. */
  loaded?: DossierRecord,
): Promise<Action[]> {
  const now = deps.clock();
  // Planned in a function of its own, so the thousands of contexts behind a fan-out are garbage by the
  // time the insert runs instead of being carried through it.
  const drafts = await draftsForEvent(deps, event, loaded, now);
  const inserted = await deps.stores.actions.insertDrafts(drafts);
  if (inserted.length > 0) {
    await deps.stores.audit.write({
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

async function draftsForEvent(
  deps: WorkflowDeps,
  event: DomainEvent,
  loaded: DossierRecord | undefined,
  now: Date,
): Promise<ActionDraft[]> {
  const { stores } = deps;
  const templates = (await stores.templates.listeningTo(event.group)).filter((template) =>
    templateListensTo(template, event),
  );
  if (templates.length === 0) return [];
  const record = loaded?.id === event.recordId ? loaded : await stores.dossiers.get(event.recordId);
  if (!record) return [];
  const workspace = await deps.workspace.get();
  // A participant template on a course event fans out over the course's current participants, or only over
  // the one concerned (participant-added/removed): loading all of them for every enrolment would make
  // filling a course quadratic. All of them, once loaded, also give the course's participant count.
  const fansOut =
    event.group === 'course' && templates.some((template) => template.dataGroup === 'participant');
  const concerned = event.data.participantId;
  const participants = !fansOut
    ? []
    : concerned
      ? (await stores.dossiers.getMany([concerned])).filter((found) => found.group === 'participant')
      : await stores.dossiers.findRelated('participant', 'courseId', [record.id]);
  const participantsByCourse =
    fansOut && !concerned
      ? new Map([[record.id, participants.map((found) => ({ status: (found as Participant).status }))]])
      : undefined;
  const [context, ...participantContexts] = await loadContexts(
    stores.dossiers,
    [record, ...participants],
    now,
    {
      participantCounts: templates.some((template) => readsParticipantCounts(template)),
      ...(participantsByCourse ? { participantsByCourse } : {}),
    },
  );
  return planStamping({
    event,
    context: context!,
    ...(fansOut ? { participantContexts } : {}),
    templates,
    now,
    calendar: workspace.calendar,
    locale: workspace.locale,
  }).drafts;
}
