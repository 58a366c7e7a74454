import type { Action, ActionDraft } from '../../domain/actions/index.js';
import { DomainError } from '../../domain/errors.js';
import type { User } from '../../domain/rights/user.js';
import { planManualStamp } from '../../domain/stamping/index.js';
import { type ActionTemplate, readsParticipantCounts } from '../../domain/templates/index.js';
import { moveLinked } from '../../domain/timing/index.js';
import { stateWord } from '../../i18n/labels.js';
import type { VersionedDossier } from '../../store/dossiers.js';
import { loadContext } from '../contexts.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';

export interface StampByHandCommand {
  /** Template id or key. */
  template: string;
  recordId: string;
  ownerUserId?: string | null | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
  remarks?: string | undefined;
}

/** What stamping by hand would create, before anything is written: the form's prefilled dates. */
export interface StampPlan {
  template: ActionTemplate;
  record: VersionedDossier;
  draft: ActionDraft;
}

/**
 * Plans a stamp by hand without writing it: the template and record are checked, rights and conditions
 * applied, and the window computed from the template's timing for this record.
 */
export async function planStampByHand(
  deps: WorkflowDeps,
  actor: User,
  command: Pick<StampByHandCommand, 'template' | 'recordId'>,
): Promise<StampPlan> {
  const { stores } = deps;
  const template =
    (await stores.templates.get(command.template)) ?? (await stores.templates.getByKey(command.template));
  if (!template) throw notFound('template', command.template, 'template');
  const record = await stores.dossiers.get(command.recordId);
  if (!record) throw notFound('dossier', command.recordId, 'recordId');
  const now = deps.clock();
  const workspace = await deps.workspace.get();
  const context = await loadContext(stores.dossiers, record, now, {
    participantCounts: readsParticipantCounts(template),
  });
  const draft = planManualStamp({
    template,
    context,
    user: actor,
    now,
    calendar: workspace.calendar,
    locale: workspace.locale,
  });
  return { template, record, draft };
}

/**
 * A person stamps a template onto a record (docs/domain.md §8 example 1). The identity rule holds here too: a
 * second stamp of the same template on the same record is refused and points at the existing action.
 */
export async function stampByHand(
  deps: WorkflowDeps,
  actor: User,
  command: StampByHandCommand,
): Promise<Action> {
  const { stores } = deps;
  const { template, record, draft } = await planStampByHand(deps, actor, command);
  if (command.ownerUserId) {
    const owner = await stores.users.get(command.ownerUserId);
    if (!owner?.active) throw notFound('user', command.ownerUserId, 'ownerUserId');
  }
  const now = deps.clock();
  const workspace = await deps.workspace.get();

  let window = { start: command.start ?? draft.start, end: command.end ?? draft.end };
  if (draft.linkedDates && (command.start ? !command.end : command.end)) {
    window = moveLinked(
      draft,
      command.start ? { start: command.start } : { end: command.end! },
      workspace.calendar.timeZone,
    );
  }
  if (window.end < window.start) {
    throw new DomainError({
      category: 'invalid-input',
      code: 'action.end-before-start',
      field: 'end',
      message: 'end must not be before start',
    });
  }
  const toInsert = {
    ...draft,
    ...window,
    datesEditedByHand: Boolean(command.start || command.end),
    ownerUserId: command.ownerUserId === undefined ? draft.ownerUserId : command.ownerUserId,
    remarks: command.remarks ?? '',
  };
  let [action] = await stores.actions.insertDrafts([toInsert]);
  if (!action) {
    const existing = await stores.actions.getByIdentity(draft.identityKey);
    // A cancelled action does not block a person from stamping the template again: the old one keeps its
    // history under a retired identity, and the new one takes the identity over.
    if (existing?.state === 'cancelled' && (await stores.actions.retireIdentity(existing))) {
      [action] = await stores.actions.insertDrafts([toInsert]);
    }
    if (!action) {
      const holder = (await stores.actions.getByIdentity(draft.identityKey)) ?? existing;
      throw new DomainError({
        category: 'conflict',
        code: 'action.already-stamped',
        message: `'${template.key}' is already stamped on ${record.id}${holder ? ` as action ${holder.number}` : ''}`,
        details: holder ? { actionId: holder.id, number: holder.number, state: holder.state } : {},
        params: {
          key: template.key,
          asAction: holder ? { en: ` as action ${holder.number}`, nl: ` als actie ${holder.number}` } : '',
          state: stateWord(holder?.state ?? 'open'),
        },
      });
    }
  }
  await stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'action.stamped-by-hand',
    entity: { type: 'action', id: action.id },
    after: { templateKey: template.key, record: action.record, start: action.start, end: action.end },
  });
  return action;
}
