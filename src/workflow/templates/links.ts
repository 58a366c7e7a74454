import { type Action, applyTrigger } from '../../domain/actions/index.js';
import {
  contextKeyOf,
  type DossierRecord,
  isCurrentParticipant,
  isRecordClosed,
  type Participant,
  type RecordContext,
} from '../../domain/dossiers/index.js';
import { DomainError } from '../../domain/errors.js';
import type { User } from '../../domain/rights/user.js';
import { planRetroactive, type SkippedStamp } from '../../domain/stamping/index.js';
import { type ActionTemplate, readsParticipantCounts } from '../../domain/templates/index.js';
import { groupWord } from '../../i18n/labels.js';
import { loadContexts } from '../contexts.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { definitionOf, getTemplate, saveNewVersion, validateForSave } from './save.js';

/** Data groups whose records belong to a course type, so linking means something (docs/domain.md §4). */
const linkableGroups = new Set(['course', 'participant', 'request', 'invoice']);

export interface PlannedStamp {
  record: { group: string; id: string };
  name: string;
  start: Date;
  end: Date;
  state: Action['state'];
  ownerUserId: string | null;
}

export interface LinkResult {
  dryRun: boolean;
  templateId: string;
  courseTypeId: string;
  alreadyLinked: boolean;
  /** The actions that are (or would be) stamped retroactively. */
  stamps: PlannedStamp[];
  skipped: SkippedStamp[];
  /** Number of actions actually created (0 in a dry run and for duplicates created meanwhile). */
  created: number;
}

async function courseTypeOf(deps: WorkflowDeps, id: string) {
  const record = await deps.stores.dossiers.get(id);
  if (record?.group !== 'course-type') throw notFound('course-type', id, 'courseTypeId');
  return record;
}

/** The existing records of the template's data group that belong to the course type. */
async function candidatesFor(
  deps: WorkflowDeps,
  template: ActionTemplate,
  courseTypeId: string,
): Promise<DossierRecord[]> {
  const { dossiers } = deps.stores;
  switch (template.dataGroup) {
    case 'course':
      return dossiers.findRelated('course', 'courseTypeId', [courseTypeId]);
    case 'participant': {
      const courses = await dossiers.findRelated('course', 'courseTypeId', [courseTypeId]);
      return dossiers.findRelated(
        'participant',
        'courseId',
        courses.map((course) => course.id),
      );
    }
    case 'request':
      return dossiers.findRelated('request', 'courseTypeId', [courseTypeId]);
    case 'invoice': {
      const requests = await dossiers.findRelated('request', 'courseTypeId', [courseTypeId]);
      return dossiers.findRelated(
        'invoice',
        'requestId',
        requests.map((request) => request.id),
      );
    }
    default:
      return [];
  }
}

/**
 * Whether the template's event, had the template been linked when it happened, would have left this record
 * with an open action — the only records a retroactive stamp may reach. A course event fans out to current
 * participants only (docs/domain.md §4). A record that has ended, or whose course has, would have had the action
 * cancelled with it, so it gets none — unless the template is about that ending (a participant removed, a
 * course cancelled), whose actions are stamped after the ending.
 */
function eventWouldHaveReached(template: ActionTemplate, context: RecordContext): boolean {
  const spec = template.event;
  const participant = context.records.participant as Participant | undefined;
  if (template.dataGroup === 'participant' && spec?.group === 'course') {
    if (!participant || !isCurrentParticipant(participant)) return false;
  }
  const ended = [context.records[contextKeyOf(context.group)], context.records.course].filter(
    (entry) => entry !== undefined && isRecordClosed(entry as unknown as DossierRecord),
  );
  if (ended.length === 0) return true;
  const aboutEnding = spec?.type === 'participant-removed' || spec?.type === 'status-changed';
  return aboutEnding && ended.some((entry) => entry?.group === spec.group);
}

/**
 * Links a template to a course type, optionally stamping it onto existing records whose event already
 * happened (retroactive linking, docs/domain.md §4). A dry run returns exactly what applying would do and
 * changes nothing. Applying twice creates nothing the second time: the plan skips records that already
 * have the action, and the unique identity key catches any created in between.
 */
export async function linkTemplate(
  deps: WorkflowDeps,
  actor: User,
  command: { template: string; courseTypeId: string; dryRun: boolean; stampExisting: boolean },
): Promise<LinkResult> {
  const template = await getTemplate(deps, command.template);
  await courseTypeOf(deps, command.courseTypeId);
  if (!linkableGroups.has(template.dataGroup)) {
    throw new DomainError({
      category: 'invalid-input',
      code: 'template.not-linkable',
      field: 'template',
      message: `${template.dataGroup} records have no course type; their templates apply to every record`,
      params: { group: groupWord(template.dataGroup) },
    });
  }
  const alreadyLinked = template.courseTypeIds.includes(command.courseTypeId);
  const linked: ActionTemplate = alreadyLinked
    ? template
    : { ...template, courseTypeIds: [...template.courseTypeIds, command.courseTypeId] };
  // The rights and validity of the linked template are checked up front, also in a dry run.
  await validateForSave(deps, actor, definitionOf(linked), template);

  const result: LinkResult = {
    dryRun: command.dryRun,
    templateId: template.id,
    courseTypeId: command.courseTypeId,
    alreadyLinked,
    stamps: [],
    skipped: [],
    created: 0,
  };
  let drafts: ReturnType<typeof planRetroactive>['drafts'] = [];
  if (command.stampExisting && template.event) {
    const now = deps.clock();
    const workspace = await deps.workspace.get();
    const candidates = await candidatesFor(deps, template, command.courseTypeId);
    const plan = planRetroactive({
      template: linked,
      candidates: (
        await loadContexts(deps.stores.dossiers, candidates, now, {
          participantCounts: readsParticipantCounts(template),
        })
      ).filter((context) => eventWouldHaveReached(template, context)),
      existingIdentityKeys: await deps.stores.actions.identityKeysOf(template.id),
      stamperUserId: actor.id,
      now,
      calendar: workspace.calendar,
      locale: workspace.locale,
    });
    drafts = plan.drafts;
    result.skipped = plan.skipped;
    result.stamps = plan.drafts.map((draft) => ({
      record: draft.record,
      name: draft.name,
      start: draft.start,
      end: draft.end,
      state: draft.state,
      ownerUserId: draft.ownerUserId,
    }));
  }
  if (command.dryRun) return result;

  if (!alreadyLinked) {
    await saveNewVersion(deps, actor, template, definitionOf(linked), 'template.linked', {
      courseTypeId: command.courseTypeId,
    });
  }
  result.created = (await deps.stores.actions.insertDrafts(drafts)).length;
  return result;
}

export interface UnlinkResult {
  dryRun: boolean;
  templateId: string;
  courseTypeId: string;
  wasLinked: boolean;
  /** Waiting and open actions the template stamped on records of this course type. */
  openActions: Array<{ id: string; number: number; name: string; record: { group: string; id: string } }>;
  cancelled: number;
}

/** Unlinks a template from a course type, optionally cancelling the open actions it stamped there. */
export async function unlinkTemplate(
  deps: WorkflowDeps,
  actor: User,
  command: { template: string; courseTypeId: string; dryRun: boolean; cancelOpen: boolean },
): Promise<UnlinkResult> {
  const template = await getTemplate(deps, command.template);
  await courseTypeOf(deps, command.courseTypeId);
  const wasLinked = template.courseTypeIds.includes(command.courseTypeId);
  const unlinked = {
    ...template,
    courseTypeIds: template.courseTypeIds.filter((id) => id !== command.courseTypeId),
  };
  await validateForSave(deps, actor, definitionOf(unlinked), template);
  // The course type is among the linked records of every action stamped for it.
  const open = (
    await deps.stores.actions.find(
      { templateId: template.id, states: ['waiting', 'open'], recordIds: [command.courseTypeId] },
      { limit: 100_000, skip: 0 },
    )
  ).items.filter((action) => action.linkedRecords.some((ref) => ref.id === command.courseTypeId));
  const result: UnlinkResult = {
    dryRun: command.dryRun,
    templateId: template.id,
    courseTypeId: command.courseTypeId,
    wasLinked,
    openActions: open.map((action) => ({
      id: action.id,
      number: action.number,
      name: action.name,
      record: action.record,
    })),
    cancelled: 0,
  };
  if (command.dryRun) return result;
  if (wasLinked) {
    await saveNewVersion(deps, actor, template, definitionOf(unlinked), 'template.unlinked', {
      courseTypeId: command.courseTypeId,
    });
  }
  if (command.cancelOpen && open.length > 0) {
    const now = deps.clock();
    result.cancelled = await deps.stores.actions.replaceManyIfVersion(
      open.map((action) => ({
        next: applyTrigger(action, 'cancel', {
          at: now,
          actorUserId: actor.id,
          reason: 'template-unlinked',
          codes: ['template-unlinked'],
        }),
        expectedVersion: action.version,
      })),
    );
    await deps.stores.audit.write({
      at: now,
      actor: actor.id,
      kind: 'actions.cancelled',
      entity: { type: 'template', id: template.id },
      details: { reason: 'template-unlinked', courseTypeId: command.courseTypeId, count: result.cancelled },
    });
  }
  return result;
}
