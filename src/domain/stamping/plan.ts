import type { ActionDraft } from '../actions/schema.js';
import type { RecordContext } from '../dossiers/context.js';
import { isCurrentParticipant } from '../dossiers/rules.js';
import type { Participant } from '../dossiers/schemas.js';
import { DomainError } from '../errors.js';
import { templateListensTo } from '../events/match.js';
import type { DomainEvent } from '../events/types.js';
import type { ActionTemplate } from '../templates/schema.js';
import { isLinkedToCourseType } from './course-type.js';
import { draftAction, type SkippedStamp, type StampingEnvironment, skippedStamp } from './draft.js';

export interface StampingRequest extends StampingEnvironment {
  readonly event: DomainEvent;
  /** The context of the record the event happened to. */
  readonly context: RecordContext;
  /** For course events: the contexts of the course's participants, for participant templates to fan out. */
  readonly participantContexts?: readonly RecordContext[];
  /** Candidate templates; those that do not listen to the event are ignored. */
  readonly templates: readonly ActionTemplate[];
}

export interface StampingPlan {
  readonly drafts: ActionDraft[];
  readonly skipped: SkippedStamp[];
}

/**
 * The actions an event stamps (docs/domain.md §4): for every enabled template listening to it and linked to the
 * record's course type, one action for the record — or, for a participant template on a course event, one
 * per current participant of the course. Duplicates are left to the unique identity key in the store.
 * @throws DomainError 'stamp.context-mismatch' when the context is not the event's record.
 */
export function planStamping(request: StampingRequest): StampingPlan {
  const { event, context } = request;
  if (context.group !== event.group || context.recordId !== event.recordId) {
    throw new DomainError({
      category: 'invalid-input',
      code: 'stamp.context-mismatch',
      message: `The context is ${context.group} ${context.recordId}, the event is about ${event.group} ${event.recordId}`,
    });
  }
  const plan: StampingPlan = { drafts: [], skipped: [] };
  const stamperUserId = event.actorUserId ?? null;
  for (const template of request.templates) {
    if (!templateListensTo(template, event)) continue;
    if (!template.enabled || template.archived) {
      plan.skipped.push(skippedStamp(template, context, 'disabled'));
      continue;
    }
    for (const target of targetsOf(template, request)) {
      if (!isLinkedToCourseType(template, target)) {
        plan.skipped.push(skippedStamp(template, target, 'not-linked'));
        continue;
      }
      const requireConditions = template.createMode === 'when-conditions-hold';
      const outcome = draftAction(
        { template, context: target, stamperUserId, event, requireConditions },
        request,
      );
      if ('draft' in outcome) plan.drafts.push(outcome.draft);
      else plan.skipped.push(outcome.skipped);
    }
  }
  return plan;
}

/**
 * The records a listening template stamps onto: the event's own record, or the current participants of
 * the course (only the one concerned for participant-added and participant-removed).
 */
function targetsOf(template: ActionTemplate, request: StampingRequest): readonly RecordContext[] {
  const { event } = request;
  if (template.dataGroup === event.group) return [request.context];
  return (request.participantContexts ?? []).filter((candidate) => {
    const participant = candidate.records.participant as Participant | undefined;
    return (
      participant !== undefined &&
      participant.courseId === event.recordId &&
      isCurrentParticipant(participant) &&
      (event.data.participantId === undefined || participant.id === event.data.participantId)
    );
  });
}
