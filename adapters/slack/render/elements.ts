import type {
  ActionsBlockElement,
  Button,
  ConfirmationDialog,
  PlainTextElement,
  PlainTextOption,
  StaticSelect,
  UsersSelect,
} from '@slack/types';
import type { ButtonView } from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { clip, SLACK_LIMITS } from './limits.js';

export function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: clip(text || ' ', max), emoji: true };
}

export function option(label: string, value: string): PlainTextOption {
  return { text: plain(label, SLACK_LIMITS.optionText), value: clip(value, SLACK_LIMITS.optionValue) };
}

/** What a menu button's select is called: its choices carry their own payloads as option values. */
export const MENU_PREFIX = 'menu:';

function confirmation(button: ButtonView, locale: Locale): ConfirmationDialog {
  return {
    title: plain(button.label, SLACK_LIMITS.confirmTitle),
    text: plain(button.confirm ?? '', SLACK_LIMITS.confirmText),
    confirm: plain(say(locale, 'confirm.yes'), SLACK_LIMITS.confirmButton),
    deny: plain(say(locale, 'confirm.no'), SLACK_LIMITS.confirmButton),
    ...(button.style === 'danger' ? { style: 'danger' as const } : {}),
  };
}

/**
 * One neutral button as a Block Kit element. The action id is the opaque payload itself (unique in a
 * message, since it names the action); a menu becomes a select whose options are the choices' payloads,
 * and Assign becomes Slack's people picker.
 */
export function buttonElement(button: ButtonView, locale: Locale): ActionsBlockElement {
  if (button.choices) {
    const select: StaticSelect = {
      type: 'static_select',
      action_id: clip(`${MENU_PREFIX}${button.payload}`, SLACK_LIMITS.actionId),
      placeholder: plain(button.label, SLACK_LIMITS.placeholder),
      options: button.choices
        .slice(0, SLACK_LIMITS.selectOptions)
        .map((choice) => option(choice.label, choice.payload)),
    };
    return select;
  }
  if (button.verb === 'assign-pick') {
    const picker: UsersSelect = {
      type: 'users_select',
      action_id: clip(button.payload, SLACK_LIMITS.actionId),
      placeholder: plain(button.label, SLACK_LIMITS.placeholder),
    };
    return picker;
  }
  const element: Button = {
    type: 'button',
    action_id: clip(button.payload, SLACK_LIMITS.actionId),
    value: clip(button.payload, SLACK_LIMITS.buttonValue),
    text: plain(button.label, SLACK_LIMITS.buttonText),
    ...(button.style === 'default' ? {} : { style: button.style }),
    ...(button.confirm ? { confirm: confirmation(button, locale) } : {}),
  };
  return element;
}
