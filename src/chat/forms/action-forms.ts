import { DomainError } from '../../domain/errors.js';
import { formatMoment } from '../../i18n/messages.js';
import { readableAction } from '../../workflow/actions/change-action.js';
import { assignAction, snoozeAction } from '../../workflow/actions/commands.js';
import { searchUsers } from '../../workflow/pickers.js';
import { type ChatContext, cardsFor, timeZoneOf } from '../context.js';
import type { FormView } from '../model.js';
import { say } from '../texts.js';
import {
  type FormOutcome,
  type FormValues,
  fieldValue,
  placeError,
  requiredErrors,
  withErrors,
} from './fields.js';
import { momentValue, parseMoment } from './values.js';

/** Snooze to a moment of one's choosing: the "pick a date" of the Snooze menu. */
export async function snoozeForm(context: ChatContext, ref: string): Promise<FormView> {
  const action = await readableAction(context.deps, context.actor, ref);
  const locale = context.actor.locale;
  const dayLater = new Date(Math.max(action.start.getTime(), context.deps.clock().getTime()) + 86_400_000);
  return {
    kind: 'form',
    title: say(locale, 'form.snooze.title', { number: action.number }),
    submit: `form:snooze:${action.id}`,
    submitLabel: say(locale, 'form.snooze.submit'),
    intro: action.name,
    fields: [
      {
        name: 'until',
        label: say(locale, 'field.until'),
        type: 'datetime',
        required: true,
        value: momentValue(dayLater, await timeZoneOf(context)),
      },
    ],
  };
}

/** Give an action to someone: the Assign button's people picker. */
export async function assignForm(context: ChatContext, ref: string): Promise<FormView> {
  const action = await readableAction(context.deps, context.actor, ref);
  const locale = context.actor.locale;
  const users = await searchUsers(context.deps, '', 100);
  return {
    kind: 'form',
    title: say(locale, 'form.assign.title', { number: action.number }),
    submit: `form:assign:${action.id}`,
    submitLabel: say(locale, 'form.assign.submit'),
    intro: action.name,
    fields: [
      {
        name: 'owner',
        label: say(locale, 'field.owner'),
        type: 'user',
        required: true,
        options: users.map((user) => ({ value: user.id, label: user.name })),
        value: action.ownerUserId ?? context.actor.id,
      },
    ],
  };
}

async function refused(form: FormView, error: unknown, context: ChatContext, field: string) {
  if (!(error instanceof DomainError)) throw error;
  const placed = placeError(error, context.actor.locale, [field], { ownerUserId: 'owner' });
  return { kind: 'invalid' as const, form: withErrors(form, placed.errors, placed.intro) };
}

export async function submitSnooze(
  context: ChatContext,
  ref: string,
  values: FormValues,
): Promise<FormOutcome> {
  const locale = context.actor.locale;
  const form = await snoozeForm(context, ref);
  const errors = requiredErrors(locale, values, ['until']);
  const timeZone = await timeZoneOf(context);
  const { calendar } = await context.deps.workspace.get();
  const text = fieldValue(values, 'until');
  const until = text ? parseMoment(text, timeZone, calendar.defaultTimeOfDay) : undefined;
  if (text && !until) errors.until = say(locale, 'form.bad-moment');
  const typed = {
    ...form,
    fields: form.fields.map((field) => ({ ...field, ...(text ? { value: text } : {}) })),
  };
  if (!until) return { kind: 'invalid', form: withErrors(typed, errors) };
  try {
    const action = await snoozeAction(context.deps, context.actor, { ref, until });
    const [card] = await cardsFor(context, [action]);
    const start = formatMoment(action.start, locale, timeZone);
    return {
      kind: 'done',
      views: [
        { kind: 'text', lines: [say(locale, 'result.snoozed', { number: action.number, start })] },
        card!,
      ],
    };
  } catch (error) {
    return refused(typed, error, context, 'until');
  }
}

export async function submitAssign(
  context: ChatContext,
  ref: string,
  values: FormValues,
): Promise<FormOutcome> {
  const locale = context.actor.locale;
  const form = await assignForm(context, ref);
  const errors = requiredErrors(locale, values, ['owner']);
  const owner = fieldValue(values, 'owner');
  if (!owner) return { kind: 'invalid', form: withErrors(form, errors) };
  try {
    const action = await assignAction(context.deps, context.actor, { ref, ownerUserId: owner });
    const [card] = await cardsFor(context, [action]);
    return {
      kind: 'done',
      views: [
        {
          kind: 'text',
          lines: [say(locale, 'result.assigned', { number: action.number, owner: card!.ownerName ?? owner })],
        },
        card!,
      ],
    };
  } catch (error) {
    return refused(form, error, context, 'owner');
  }
}
