import type { ActionDraft, HistoryEntry } from '../actions/schema.js';
import { type ConditionResult, type Explanation, evaluateConditions } from '../conditions/evaluate.js';
import { contextRecordRefs, type RecordContext } from '../dossiers/context.js';
import type { RecordKind } from '../dossiers/kinds.js';
import { contextDates } from '../dossiers/paths.js';
import type { Locale } from '../i18n/locale.js';
import { renderMergeText } from '../merge-codes/render.js';
import type { ActionTemplate } from '../templates/schema.js';
import {
  anchorsUsed,
  computeWindow,
  MissingAnchorError,
  pastStartDecision,
  type WorkCalendar,
} from '../timing/index.js';
import { identityKey } from './identity.js';
import { resolveOwner } from './owner.js';

export interface StampingEnvironment {
  readonly now: Date;
  readonly calendar: WorkCalendar;
  /** The workspace language action names are rendered in; dates use the calendar's zone. */
  readonly locale: Locale;
}

export type SkipReason =
  | 'disabled'
  | 'not-linked'
  | 'conditions-not-met'
  | 'missing-anchor'
  | 'already-stamped'
  | 'event-not-happened';

/** A stamp that was not made, and why: what a dry run shows next to the actions it would create. */
export interface SkippedStamp {
  readonly templateId: string;
  readonly templateKey: string;
  readonly record: { readonly group: RecordKind; readonly id: string };
  readonly reason: SkipReason;
  /** The conditions that did not hold. */
  readonly explanations?: readonly Explanation[];
  /** The anchor without a date. */
  readonly anchor?: string;
}

export interface DraftRequest {
  readonly template: ActionTemplate;
  readonly context: RecordContext;
  /** Who stamped: the user, or null for the bot itself. */
  readonly stamperUserId: string | null;
  /** The event that stamped it; absent when stamped by hand. */
  readonly event?: { readonly id?: string | undefined; readonly at: Date } | undefined;
  /** Skip instead of stamping a waiting action when the conditions do not hold. */
  readonly requireConditions: boolean;
}

export type DraftOutcome =
  | { readonly draft: ActionDraft; readonly conditions: ConditionResult }
  | { readonly skipped: SkippedStamp };

export function skippedStamp(
  template: ActionTemplate,
  context: RecordContext,
  reason: SkipReason,
  extra: Pick<SkippedStamp, 'explanations' | 'anchor'> = {},
): SkippedStamp {
  return {
    templateId: template.id,
    templateKey: template.key,
    record: { group: context.group, id: context.recordId },
    reason,
    ...extra,
  };
}

/**
 * The action `template` gives for one record, or why there is none. Conditions that do not hold make the
 * action wait hidden, unless the caller requires them. The window comes from the template's timing; an
 * automatic action whose start is already past the template's tolerance will not run by itself.
 */
export function draftAction(request: DraftRequest, environment: StampingEnvironment): DraftOutcome {
  const { template, context, event } = request;
  const { now, calendar } = environment;
  const conditions = evaluateConditions(template.conditions, context, now);
  if (!conditions.holds && request.requireConditions) {
    const failing = conditions.explanations.filter((explanation) => !explanation.holds);
    return { skipped: skippedStamp(template, context, 'conditions-not-met', { explanations: failing }) };
  }
  const dates = contextDates(context);
  let window: ReturnType<typeof computeWindow>;
  try {
    window = computeWindow(template.timing, { created: now, event: event?.at, dates }, calendar);
  } catch (error) {
    if (error instanceof MissingAnchorError) {
      return { skipped: skippedStamp(template, context, 'missing-anchor', { anchor: error.anchor }) };
    }
    throw error;
  }
  const tooLate =
    template.execution === 'automatic' &&
    pastStartDecision(window.start, now, template.timing.pastStartToleranceHours) === 'too-late';
  const state = conditions.holds ? 'open' : 'waiting';
  const stateReason = !conditions.holds ? 'conditions-not-met' : tooLate ? 'start-in-past' : undefined;
  const actor = request.stamperUserId ?? 'system';
  const codes = [...(tooLate ? ['start-in-past'] : []), ...(window.adjusted ? ['window-adjusted'] : [])];
  const stamped: HistoryEntry = {
    at: now,
    actorUserId: actor,
    kind: 'stamped',
    after: state,
    ...(codes.length > 0 ? { codes } : {}),
  };
  const record = { group: template.dataGroup, id: context.recordId };
  const draft: ActionDraft = {
    templateId: template.id,
    templateKey: template.key,
    identityKey: identityKey(template, record, event?.id),
    record,
    linkedRecords: contextRecordRefs(context).filter((ref) => ref.group !== context.group),
    name: renderMergeText(template.name, context, {
      locale: environment.locale,
      timeZone: calendar.timeZone,
    }),
    ownerUserId: resolveOwner(template.ownerRule, context, request.stamperUserId),
    start: window.start,
    end: window.end,
    timeOfDay: template.timing.timeOfDay ?? null,
    linkedDates: template.timing.linkStartEnd,
    datesEditedByHand: false,
    anchorDates: usedDates(anchorsUsed(template.timing), dates),
    eventAt: event?.at ?? null,
    ...(event?.id === undefined ? {} : { eventId: event.id }),
    priority: template.priority,
    remarks: '',
    execution: template.execution,
    processSnapshot: template.process === null ? null : structuredClone(template.process),
    autoExecute: template.execution === 'automatic' && !tooLate,
    state,
    ...(stateReason === undefined ? {} : { stateReason }),
    history: [stamped],
    stampedBy: actor,
    stampedAt: now,
    readRoles: [...template.readRoles],
    writeRoles: [...template.writeRoles],
  };
  return { draft, conditions };
}

function usedDates(
  anchors: readonly string[],
  dates: Readonly<Record<string, Date | undefined>>,
): Record<string, Date> {
  const used: Record<string, Date> = {};
  for (const anchor of anchors) {
    const date = dates[anchor];
    if (date) used[anchor] = date;
  }
  return used;
}
