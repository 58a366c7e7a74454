import { type Action, allowedTriggers, isFinalState } from '../../domain/actions/index.js';
import { statusMachineFor } from '../../domain/dossiers/index.js';
import type { RecordKind } from '../../domain/dossiers/kinds.js';
import type { Locale } from '../../domain/i18n/locale.js';
import { canWriteAction } from '../../domain/rights/index.js';
import type { User } from '../../domain/rights/user.js';
import type { Process } from '../../domain/templates/index.js';
import { colourOf } from '../../domain/timing/index.js';
import { hasCodedText } from '../../i18n/coded/index.js';
import { fieldLabel, RECIPIENT_WORDS, valueLabel } from '../../i18n/labels.js';
import { formatMoment } from '../../i18n/messages.js';
import type { ActionCardView, ButtonView } from '../model.js';
import { say } from '../texts.js';
import { reasonMessage } from './errors.js';
import { recordLabels, type ViewLookups } from './labels.js';

export interface ViewContext {
  /** Read-only look-ups of names and labels (the repositories satisfy it). */
  stores: ViewLookups;
  /** Who looks: their language and rights. A card for a channel has a locale but no single viewer. */
  actor: User;
  now: Date;
  /** The viewer's zone (their own, else the workspace's). */
  timeZone: string;
  /** True for a card many people see (a channel): buttons follow the action's state, not one viewer's rights. */
  shared?: boolean;
  /** A compact card (in a digest): only Done, Execute and Snooze. */
  compact?: boolean;
}

const compactVerbs = new Set(['done', 'execute', 'snooze']);

function statusFieldOf(group: string, status: string): string | undefined {
  return statusMachineFor(group as RecordKind, status)?.field;
}

/**
 * Why the action is in its state, in the viewer's language: its coded reason, or a reason recorded as a
 * bare code. A free English reason (recorded before reasons were coded) is shown to English readers only.
 */
function stateReasonText(action: Action, locale: Locale): string | undefined {
  if (action.stateReasonCoded) return reasonMessage(action.stateReasonCoded, locale);
  const reason = action.stateReason;
  if (!reason) return undefined;
  if (reason === 'conditions-not-met') return reasonMessage({ code: 'conditions-not-met-yet' }, locale);
  if (hasCodedText(reason)) return reasonMessage({ code: reason }, locale);
  return locale === 'en' ? reason : undefined;
}

/**
 * What Execute does, in a line, with labels and values as people read them ("Op het portaal wijzigen
 * naar ja"). `group` is the data group of the record the process acts on.
 */
export function processSummary(process: Process | null, locale: Locale, group?: string): string | undefined {
  if (!process) return undefined;
  const options = { locale, timeZone: 'UTC' };
  switch (process.type) {
    case 'email': {
      // The subject still holds merge codes here; who receives it says more on a card.
      const to = process.to.map((recipient) =>
        recipient.kind === 'address' ? recipient.address : RECIPIENT_WORDS[recipient.role]![locale],
      );
      return say(locale, 'process.email', { to: to.join(', ') });
    }
    case 'set-status': {
      const field = group ? statusFieldOf(group, process.status) : undefined;
      return say(locale, 'process.set-status', {
        status: group && field ? valueLabel(group, field, process.status, options) : process.status,
      });
    }
    case 'set-field':
      return say(locale, 'process.set-field', {
        field: group ? fieldLabel(group, process.field, locale) : process.field,
        value: group ? valueLabel(group, process.field, process.value, options) : String(process.value),
      });
    case 'person-category':
      return say(locale, 'process.person-category', {
        category: process.category,
        mode: say(locale, `mode.${process.mode}`),
      });
    case 'create-invoice':
      return say(locale, 'process.create-invoice');
    case 'webhook':
      return say(locale, 'process.webhook', { url: new URL(process.url).host });
    case 'chat-message':
      return say(locale, 'process.chat-message');
    case 'stamp':
      return say(locale, 'process.stamp', { templates: process.templateKeys.join(', ') });
  }
}

/**
 * The buttons on an action now. With a viewer, only what they may press; without one (a card posted in a
 * channel, seen by many) what the action's state allows — each press is checked against the presser's
 * rights anyway. Spent buttons are simply absent.
 */
export function buttonsFor(action: Action, viewer: User | null, locale: Locale): ButtonView[] {
  const details = detailsButton(action, locale);
  if (isFinalState(action.state)) return [details];
  if (viewer && !canWriteAction(viewer, action)) return [details];
  const triggers = allowedTriggers(action.state, action.execution);
  const buttons: ButtonView[] = [];
  const button = (
    verb: ButtonView['verb'],
    label: string,
    style: ButtonView['style'],
    arg?: string,
  ): ButtonView => ({ verb, label, style, payload: payloadOf(verb, action.id, arg) });
  if (triggers.includes('complete') && action.state === 'open')
    buttons.push(button('done', say(locale, 'button.done'), 'primary'));
  if (triggers.includes('execute-succeeded')) {
    const again = action.state === 'failed' || action.state === 'rejected';
    buttons.push(
      button(
        'execute',
        say(locale, again ? 'button.retry' : 'button.execute'),
        action.execution === 'semi-automatic' || again ? 'primary' : 'default',
      ),
    );
  }
  if (action.state === 'open') {
    buttons.push({
      ...button('snooze', say(locale, 'button.snooze-menu'), 'default'),
      choices: [
        { label: say(locale, 'button.snooze-1d'), payload: payloadOf('snooze', action.id, '1d') },
        { label: say(locale, 'button.snooze-3d'), payload: payloadOf('snooze', action.id, '3d') },
        { label: say(locale, 'button.snooze-1w'), payload: payloadOf('snooze', action.id, '1w') },
        { label: say(locale, 'button.snooze-pick'), payload: payloadOf('snooze-pick', action.id) },
      ],
    });
  }
  buttons.push(button('assign-pick', say(locale, 'button.assign'), 'default'));
  buttons.push(details);
  buttons.push({
    ...button('cancel', say(locale, 'button.cancel'), 'danger'),
    confirm: say(locale, 'confirm.cancel'),
  });
  return buttons;
}

function payloadOf(verb: ButtonView['verb'], actionId: string, arg?: string): string {
  return [verb, actionId, ...(arg ? [arg] : [])].join(':');
}

function detailsButton(action: Action, locale: Locale): ButtonView {
  return {
    verb: 'details',
    label: say(locale, 'button.details'),
    style: 'default',
    payload: payloadOf('details', action.id),
  };
}

/** Cards for many actions at once: record labels and owner names are fetched in batches. */
export async function actionCards(
  context: ViewContext,
  actions: readonly Action[],
): Promise<ActionCardView[]> {
  const { stores, actor, now, timeZone } = context;
  const locale = actor.locale;
  const [labels, owners] = await Promise.all([
    recordLabels(
      stores,
      actions.map((action) => action.record),
      locale,
    ),
    stores.users.getMany(
      actions.map((action) => action.ownerUserId).filter((id): id is string => id !== null),
    ),
  ]);
  const ownerNames = new Map(owners.map((user) => [user.id, user.name]));
  return actions.map((action) => {
    const colour = colourOf(action, now, timeZone);
    const ownerName = action.ownerUserId ? (ownerNames.get(action.ownerUserId) ?? action.ownerUserId) : null;
    const window = `${formatMoment(action.start, locale, timeZone)} – ${formatMoment(action.end, locale, timeZone)}`;
    const summary = processSummary(action.processSnapshot, locale, action.record.group);
    const reason = stateReasonText(action, locale);
    return {
      kind: 'action-card',
      actionId: action.id,
      version: action.version,
      number: action.number,
      title: action.name,
      recordLabel: labels.get(action.record.id) ?? action.record.id,
      record: action.record,
      state: action.state,
      stateLabel: say(locale, `state.${action.state}`),
      colour,
      colourLabel: say(locale, `colour.${colour}`),
      execution: action.execution,
      ownerName,
      start: action.start,
      end: action.end,
      window,
      ...(summary ? { processSummary: summary } : {}),
      ...(reason ? { reason } : {}),
      ...(action.remarks ? { remarks: action.remarks } : {}),
      facts: [
        { label: say(locale, 'fact.owner'), value: ownerName ?? say(locale, 'fact.nobody') },
        { label: say(locale, 'fact.window'), value: window },
        { label: say(locale, 'fact.execution'), value: say(locale, `execution.${action.execution}`) },
        ...(action.remarks ? [{ label: say(locale, 'fact.remarks'), value: action.remarks }] : []),
      ],
      buttons: buttonsFor(action, context.shared ? null : actor, locale).filter(
        (button) => !context.compact || compactVerbs.has(button.verb),
      ),
    };
  });
}
