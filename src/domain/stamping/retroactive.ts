import type { RecordContext } from '../dossiers/context.js';
import { contextKeyOf } from '../dossiers/kinds.js';
import type { ActionTemplate } from '../templates/schema.js';
import { isLinkedToCourseType } from './course-type.js';
import { draftAction, type StampingEnvironment, skippedStamp } from './draft.js';
import { identityKey } from './identity.js';
import type { StampingPlan } from './plan.js';

export interface RetroactiveRequest extends StampingEnvironment {
  readonly template: ActionTemplate;
  /** Existing records of the template's data group, e.g. the courses of the course type just linked. */
  readonly candidates: readonly RecordContext[];
  /** Identity keys of the actions that already exist for this template. */
  readonly existingIdentityKeys: ReadonlySet<string>;
  /** The user linking the template. */
  readonly stamperUserId: string | null;
}

/**
 * Retroactive linking (docs/domain.md §4): the actions a newly linked template would have stamped on existing
 * records whose event already happened — only where none exists yet and the conditions hold now,
 * whatever the create mode. The same plan serves as the dry run (drafts with their dates, skipped records
 * with reasons) and as the real thing.
 */
export function planRetroactive(request: RetroactiveRequest): StampingPlan {
  const { template } = request;
  const plan: StampingPlan = { drafts: [], skipped: [] };
  for (const context of request.candidates) {
    const record = { group: context.group, id: context.recordId };
    const skip = (reason: Parameters<typeof skippedStamp>[2]) =>
      plan.skipped.push(skippedStamp(template, context, reason));
    if (!eventHasHappened(template, context)) skip('event-not-happened');
    else if (!isLinkedToCourseType(template, context)) skip('not-linked');
    else if (request.existingIdentityKeys.has(identityKey(template, record))) skip('already-stamped');
    else {
      const event = { at: eventMoment(template, context, request.now) };
      const outcome = draftAction(
        { template, context, stamperUserId: request.stamperUserId, event, requireConditions: true },
        request,
      );
      if ('draft' in outcome) plan.drafts.push(outcome.draft);
      else plan.skipped.push(outcome.skipped);
    }
  }
  return plan;
}

/**
 * Whether a record's current state shows the template's event has happened. Only what the record itself
 * proves counts: its creation, a status or stage it has reached, a finalised invoice, a category it has
 * (or lacks, for removal). Field changes and custom events leave no trace, so they never count.
 */
export function eventHasHappened(template: Pick<ActionTemplate, 'event'>, context: RecordContext): boolean {
  const spec = template.event;
  const entry = spec ? context.records[contextKeyOf(spec.group)] : undefined;
  if (!spec || !entry) return false;
  const categories = (context.records.person?.categories as readonly string[] | undefined) ?? [];
  const hasCategory = (category: string) =>
    categories.some((item) => item.toLowerCase() === category.toLowerCase());
  switch (spec.type) {
    case 'created':
    case 'participant-added':
      return true;
    case 'status-changed':
      return spec.to !== undefined && entry.status === spec.to;
    case 'stage-changed':
      return spec.to !== undefined && entry.stage === spec.to;
    case 'invoice-finalised':
      return entry.state === 'final';
    case 'participant-removed':
      return context.records.participant?.status === 'cancelled';
    case 'category-added':
      return spec.category === undefined ? categories.length > 0 : hasCategory(spec.category);
    case 'category-removed':
      return spec.category !== undefined && !hasCategory(spec.category);
    case 'field-changed':
    case 'custom':
      return false;
  }
}

/** When the event happened, as far as the record tells: its creation time, else the stamping moment. */
function eventMoment(template: Pick<ActionTemplate, 'event'>, context: RecordContext, now: Date): Date {
  const spec = template.event;
  const createdAt =
    spec?.type === 'created' ? context.records[contextKeyOf(spec.group)]?.createdAt : undefined;
  return createdAt instanceof Date ? createdAt : now;
}
