import { DomainError } from '../../domain/errors.js';
import type { ActionTemplate } from '../../domain/templates/index.js';
import { planStampByHand, type StampPlan, stampByHand } from '../../workflow/actions/stamp-by-hand.js';
import { searchUsers, stampableTemplates } from '../../workflow/pickers.js';
import { type ChatContext, cardsFor, timeZoneOf } from '../context.js';
import type { FormFieldView, FormView } from '../model.js';
import { say } from '../texts.js';
import { recordLabels } from '../views/labels.js';
import {
  type FormErrors,
  type FormOutcome,
  type FormValues,
  fieldValue,
  placeError,
  requiredErrors,
  withErrors,
} from './fields.js';
import { momentValue, parseMoment } from './values.js';

export const NEW_ACTION_FORM = 'form:new-action';

/** A select offers at most this many templates or users; search fields have no such limit. */
const optionLimit = 100;
const remarksMax = 2_000;

/**
 * The form behind `/actie nieuw`: template, record, owner, start, end and remarks. Choosing a template or
 * a record rebuilds it, and the dates then show what the template's timing gives for that record.
 * `changed` names the field that just changed: dates and owner typed for another choice are dropped.
 */
export async function newActionForm(
  context: ChatContext,
  values: FormValues = {},
  changed?: string,
): Promise<FormView> {
  const { actor, deps } = context;
  const locale = actor.locale;
  const templates = await stampableTemplates(deps, actor);
  const chosen = fieldValue(values, 'template');
  const template = templates.find((entry) => entry.id === chosen || entry.key === chosen);
  const recordId = template ? fieldValue(values, 'record') : undefined;
  const errors: FormErrors = {};
  let plan: StampPlan | undefined;
  if (template && recordId) {
    try {
      plan = await planStampByHand(deps, actor, { template: template.id, recordId });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const placed = placeError(error, locale, fieldNames, aliases);
      Object.assign(errors, placed.errors);
      if (placed.intro) errors.record ??= placed.intro;
    }
  }
  const fresh = changed === 'template' || changed === 'record';
  const keep = (name: string) => (fresh ? undefined : fieldValue(values, name));
  const timeZone = await timeZoneOf(context);
  const recordLabel = recordId
    ? (await recordLabels(deps.stores, [{ group: template!.dataGroup, id: recordId }], locale)).get(recordId)
    : undefined;
  const users = await searchUsers(deps, '', optionLimit);
  const owner = keep('owner') ?? plan?.draft.ownerUserId ?? undefined;

  const fields: FormFieldView[] = [
    {
      name: 'template',
      label: say(locale, 'field.template'),
      type: 'select',
      required: true,
      refreshes: true,
      options: templates.slice(0, optionLimit).map(templateOption),
      ...(template ? { value: template.id } : {}),
    },
    {
      name: 'record',
      label: say(locale, 'field.record'),
      type: 'search',
      required: true,
      refreshes: true,
      source: template ? `records:${template.dataGroup}` : 'records:none',
      ...(template ? {} : { hint: say(locale, 'form.pick-template-first') }),
      ...(recordId ? { value: recordId, valueLabel: recordLabel ?? recordId } : {}),
    },
    {
      name: 'owner',
      label: say(locale, 'field.owner'),
      type: 'user',
      required: false,
      hint: say(locale, 'field.owner.hint'),
      options: users.map((user) => ({ value: user.id, label: user.name })),
      ...(owner ? { value: owner } : {}),
    },
    {
      name: 'start',
      label: say(locale, 'field.start'),
      type: 'datetime',
      required: false,
      ...momentField(keep('start'), plan?.draft.start, timeZone),
    },
    {
      name: 'end',
      label: say(locale, 'field.end'),
      type: 'datetime',
      required: false,
      ...momentField(keep('end'), plan?.draft.end, timeZone),
    },
    {
      name: 'remarks',
      label: say(locale, 'field.remarks'),
      type: 'textarea',
      required: false,
      maxLength: remarksMax,
      ...(fieldValue(values, 'remarks') ? { value: fieldValue(values, 'remarks')! } : {}),
    },
  ];
  const form: FormView = {
    kind: 'form',
    title: say(locale, 'form.new.title'),
    submit: NEW_ACTION_FORM,
    submitLabel: say(locale, 'form.new.submit'),
    intro: say(locale, templates.length === 0 ? 'form.new.no-templates' : 'form.new.intro'),
    fields,
  };
  return withErrors(form, errors);
}

const fieldNames = ['template', 'record', 'owner', 'start', 'end', 'remarks'] as const;
const aliases = { recordId: 'record', ownerUserId: 'owner' };

function templateOption(template: ActionTemplate) {
  return { value: template.id, label: `${template.name} (${template.key})` };
}

function momentField(typed: string | undefined, planned: Date | undefined, timeZone: string) {
  if (typed) return { value: typed };
  return planned ? { value: momentValue(planned, timeZone) } : {};
}

/** Stamps the action the form describes; what cannot be read or is refused comes back on its field. */
export async function submitNewAction(context: ChatContext, values: FormValues): Promise<FormOutcome> {
  const { actor, deps } = context;
  const locale = actor.locale;
  const errors = requiredErrors(locale, values, ['template', 'record']);
  const timeZone = await timeZoneOf(context);
  const { calendar } = await deps.workspace.get();
  const moments: { start?: Date; end?: Date } = {};
  for (const name of ['start', 'end'] as const) {
    const text = fieldValue(values, name);
    if (!text) continue;
    const moment = parseMoment(text, timeZone, calendar.defaultTimeOfDay);
    if (moment) moments[name] = moment;
    else errors[name] = say(locale, 'form.bad-moment');
  }
  const remarks = fieldValue(values, 'remarks');
  if (remarks && remarks.length > remarksMax)
    errors.remarks = say(locale, 'form.too-long', { max: remarksMax });
  const invalid = async (found: FormErrors, intro?: string): Promise<FormOutcome> => ({
    kind: 'invalid',
    form: withErrors(await newActionForm(context, values), found, intro),
  });
  if (Object.keys(errors).length > 0) return invalid(errors);
  try {
    const owner = fieldValue(values, 'owner');
    const action = await stampByHand(deps, actor, {
      template: fieldValue(values, 'template')!,
      recordId: fieldValue(values, 'record')!,
      ...(owner ? { ownerUserId: owner } : {}),
      ...moments,
      ...(remarks ? { remarks } : {}),
    });
    const [card] = await cardsFor(context, [action]);
    return {
      kind: 'done',
      views: [{ kind: 'text', lines: [say(locale, 'result.stamped', { number: action.number })] }, card!],
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const placed = placeError(error, locale, fieldNames, aliases);
    return invalid(placed.errors, placed.intro);
  }
}
