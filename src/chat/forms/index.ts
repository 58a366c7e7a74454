import { RECORD_KINDS, type RecordKind } from '../../domain/dossiers/index.js';
import { DomainError } from '../../domain/errors.js';
import { searchRecords, searchUsers, stampableTemplates } from '../../workflow/pickers.js';
import type { ChatContext } from '../context.js';
import type { FormOptionView, FormView } from '../model.js';
import { errorView } from '../views/errors.js';
import { recordLabels } from '../views/labels.js';
import { assignForm, snoozeForm, submitAssign, submitSnooze } from './action-forms.js';
import type { FormOutcome, FormValues } from './fields.js';
import { NEW_ACTION_FORM, newActionForm, submitNewAction } from './new-action.js';

export type { FormValues } from './fields.js';

/** A form id is `form:<kind>[:<actionId>]`, as `FormView.submit` carries it. */
function parseFormId(id: string): { kind: string; ref?: string } | undefined {
  const [prefix, kind, ref] = id.split(':');
  if (prefix !== 'form' || !kind) return undefined;
  return ref ? { kind, ref } : { kind };
}

function unknownForm(): DomainError {
  return new DomainError({ category: 'invalid-input', code: 'form.unknown', message: 'unknown form' });
}

/**
 * The form again with the values typed so far, after a refreshing field changed (`changed`): how the new
 * action form recomputes its dates when the record changes.
 */
export async function rebuildForm(
  context: ChatContext,
  formId: string,
  values: FormValues,
  changed?: string,
): Promise<FormView> {
  const form = parseFormId(formId);
  if (form?.kind === 'new-action') return newActionForm(context, values, changed);
  if (form?.kind === 'snooze' && form.ref) return snoozeForm(context, form.ref);
  if (form?.kind === 'assign' && form.ref) return assignForm(context, form.ref);
  throw unknownForm();
}

/**
 * A submitted form. Everything is read and checked again here, whatever the platform validated: the
 * form id and values came back from outside.
 */
export async function submitForm(
  context: ChatContext,
  formId: string,
  values: FormValues,
): Promise<FormOutcome> {
  try {
    const form = parseFormId(formId);
    if (formId === NEW_ACTION_FORM) return await submitNewAction(context, values);
    if (form?.kind === 'snooze' && form.ref) return await submitSnooze(context, form.ref, values);
    if (form?.kind === 'assign' && form.ref) return await submitAssign(context, form.ref, values);
    throw unknownForm();
  } catch (error) {
    if (!(error instanceof DomainError)) context.deps.logger.error({ err: error, formId }, 'form failed');
    return { kind: 'done', views: [errorView(error, context.actor.locale)] };
  }
}

const searchLimit = 50;

function recordKindOf(source: string): RecordKind | undefined {
  const [prefix, group] = source.split(':');
  return prefix === 'records' && (RECORD_KINDS as readonly string[]).includes(group ?? '')
    ? (group as RecordKind)
    : undefined;
}

/** Options of a search field as the user types: records of a data group, users or stampable templates. */
export async function formOptions(
  context: ChatContext,
  source: string,
  query: string,
): Promise<FormOptionView[]> {
  const { deps, actor } = context;
  const group = recordKindOf(source);
  if (group) {
    const records = await searchRecords(deps, group, query, searchLimit);
    const labels = await recordLabels(
      deps.stores,
      records.map((record) => ({ group, id: record.id })),
      actor.locale,
    );
    return records.map((record) => ({ value: record.id, label: labels.get(record.id) ?? record.id }));
  }
  if (source === 'users') {
    const users = await searchUsers(deps, query, searchLimit);
    return users.map((user) => ({ value: user.id, label: user.name }));
  }
  if (source === 'templates') {
    const templates = await stampableTemplates(deps, actor, query);
    return templates
      .slice(0, searchLimit)
      .map((template) => ({ value: template.id, label: `${template.name} (${template.key})` }));
  }
  return [];
}
