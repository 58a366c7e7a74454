import type { HomeView, InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type {
  ChatView,
  FormFieldView,
  FormOptionView,
  FormView,
  PreviewView,
} from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { previewBlocks } from './blocks.js';
import { option, plain } from './elements.js';
import { clip, mrkdwn, SLACK_LIMITS } from './limits.js';
import { renderBlocks } from './messages.js';

/** The callback ids the Slack listeners route on. */
export const CALLBACK = {
  form: 'stempel-form',
  confirm: 'stempel-confirm',
  info: 'stempel-info',
} as const;

/** What a modal remembers between opening and submitting; kept small (3,000 characters at most). */
export interface ModalMetadata {
  /** The form id (`form:…`) or the confirm payload (`confirm-execute:act_…`). */
  id: string;
  /** Where the modal was opened from, to answer there: the message's response URL and channel. */
  responseUrl?: string;
  channel?: string;
  /** The reader's language, for answers given before anything is looked up. */
  locale?: Locale;
  /** The message the modal came from was ephemeral, so the answer replaces it. */
  ephemeral?: boolean;
}

function encodeMetadata(metadata: ModalMetadata): string {
  const encoded = JSON.stringify(metadata);
  // A response URL is a few hundred characters; should one ever be absurd, drop it rather than fail.
  return encoded.length <= SLACK_LIMITS.privateMetadata ? encoded : JSON.stringify({ id: metadata.id });
}

export function decodeMetadata(text: string | undefined): ModalMetadata | undefined {
  try {
    const parsed = JSON.parse(text ?? '') as Partial<ModalMetadata>;
    return typeof parsed.id === 'string' ? (parsed as ModalMetadata) : undefined;
  } catch {
    return undefined;
  }
}

/** The action id of a form input: also how its value is read back from the view state. */
export const FIELD_PREFIX = 'field:';
/** The action id of a search input, whose options Slack asks for as the user types. */
export const OPTIONS_PREFIX = 'options:';

export interface FormRenderContext {
  locale: Locale;
  /** The Slack user of a Stempel user in this workspace, to preselect a people picker. */
  slackUserOf(userId: string): string | undefined;
}

function momentSeconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}

function initialOption(field: FormFieldView): PlainTextOption | undefined {
  if (!field.value) return undefined;
  const label = field.options?.find((choice) => choice.value === field.value)?.label ?? field.valueLabel;
  return label ? option(label, field.value) : undefined;
}

/**
 * The first hundred choices (Block Kit's most), keeping the chosen one among them: Slack refuses an
 * initial option that is not one of the options.
 */
function selectChoices(field: FormFieldView): FormOptionView[] {
  const choices = field.options ?? [];
  if (choices.length <= SLACK_LIMITS.selectOptions) return choices;
  const shown = choices.slice(0, SLACK_LIMITS.selectOptions);
  const chosen = choices.find((choice) => choice.value === field.value);
  return !chosen || shown.includes(chosen) ? shown : [...shown.slice(0, -1), chosen];
}

function inputElement(field: FormFieldView, context: FormRenderContext): InputBlock['element'] {
  const action_id = `${FIELD_PREFIX}${field.name}`;
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const maxLength = Math.min(field.maxLength ?? SLACK_LIMITS.plainTextInput, SLACK_LIMITS.plainTextInput);
      return {
        type: 'plain_text_input',
        action_id,
        multiline: field.type === 'textarea',
        max_length: maxLength,
        ...(field.value ? { initial_value: clip(field.value, maxLength) } : {}),
      };
    }
    case 'select': {
      // Only a value among the choices: a static select's initial option must be one of its options.
      const chosen = field.options?.find((choice) => choice.value === field.value);
      const initial = chosen ? option(chosen.label, chosen.value) : undefined;
      return {
        type: 'static_select',
        action_id,
        options: selectChoices(field).map((choice) => option(choice.label, choice.value)),
        ...(initial ? { initial_option: initial } : {}),
      };
    }
    case 'search': {
      const initial = initialOption(field);
      return {
        type: 'external_select',
        action_id: `${OPTIONS_PREFIX}${field.source ?? ''}`,
        min_query_length: 0,
        ...(initial ? { initial_option: initial } : {}),
      };
    }
    case 'user': {
      const slackUser = field.value ? context.slackUserOf(field.value) : undefined;
      return { type: 'users_select', action_id, ...(slackUser ? { initial_user: slackUser } : {}) };
    }
    case 'date':
      return {
        type: 'datepicker',
        action_id,
        ...(field.value ? { initial_date: field.value.slice(0, 10) } : {}),
      };
    case 'datetime': {
      const seconds = momentSeconds(field.value);
      return { type: 'datetimepicker', action_id, ...(seconds ? { initial_date_time: seconds } : {}) };
    }
  }
}

function fieldBlocks(field: FormFieldView, context: FormRenderContext): KnownBlock[] {
  const input: InputBlock = {
    type: 'input',
    block_id: field.name,
    label: plain(field.label, SLACK_LIMITS.inputLabel),
    optional: !field.required,
    element: inputElement(field, context),
    ...(field.refreshes ? { dispatch_action: true } : {}),
    ...(field.hint ? { hint: plain(field.hint, SLACK_LIMITS.inputHint) } : {}),
  };
  if (!field.error) return [input];
  // Refusals found after the submit was acknowledged come back on the field, under it.
  return [
    input,
    { type: 'context', elements: [{ type: 'mrkdwn', text: `:warning: ${mrkdwn(field.error, 2_000)}` }] },
  ];
}

function modal(title: string, blocks: KnownBlock[], extra: Partial<ModalView> = {}): ModalView {
  return {
    type: 'modal',
    title: plain(title, SLACK_LIMITS.modalTitle),
    blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks),
    ...extra,
  };
}

function closeLabel(locale: Locale) {
  return plain(say(locale, 'form.cancel'), SLACK_LIMITS.modalButton);
}

/** A neutral form as a modal: one input per field, the form id and origin in private metadata. */
export function formModal(
  view: FormView,
  context: FormRenderContext,
  origin: Omit<ModalMetadata, 'id'>,
): ModalView {
  const intro: KnownBlock[] = view.intro
    ? [{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn(view.intro, SLACK_LIMITS.sectionText) } }]
    : [];
  return modal(view.title, [...intro, ...view.fields.flatMap((field) => fieldBlocks(field, context))], {
    callback_id: CALLBACK.form,
    private_metadata: encodeMetadata({ id: view.submit, ...origin }),
    submit: plain(view.submitLabel, SLACK_LIMITS.modalButton),
    close: closeLabel(context.locale),
  });
}

/**
 * Execute's preview as a modal: exactly what will happen; Confirm submits it, when it can work at all.
 * Slack closes a modal without telling the bot, which is exactly what the preview's "No" does: its Close
 * button carries that label.
 */
export function previewModal(
  view: PreviewView,
  locale: Locale,
  origin: Omit<ModalMetadata, 'id'>,
): ModalView {
  const confirm = view.buttons.find((button) => button.verb === 'confirm-execute');
  const decline = view.buttons.find((button) => button.verb === 'decline-execute');
  return modal(view.title, previewBlocks(view, locale, false, SLACK_LIMITS.viewBlocks), {
    callback_id: CALLBACK.confirm,
    private_metadata: encodeMetadata({ id: confirm?.payload ?? '', ...origin }),
    close: decline ? plain(decline.label, SLACK_LIMITS.modalButton) : closeLabel(locale),
    ...(confirm ? { submit: plain(confirm.label, SLACK_LIMITS.modalButton) } : {}),
  });
}

/** Any views (details, a result, an error) in a modal with only a Close button. */
export function infoModal(title: string, views: readonly ChatView[], locale: Locale): ModalView {
  return modal(title, renderBlocks(views, locale, SLACK_LIMITS.viewBlocks).blocks, {
    callback_id: CALLBACK.info,
    close: closeLabel(locale),
  });
}

/** Shown the instant a modal opens (its trigger lasts three seconds), until its content is ready. */
export function loadingModal(locale: Locale | undefined): ModalView {
  const text = locale
    ? say(locale, 'loading.text')
    : `${say('nl', 'loading.text')} / ${say('en', 'loading.text')}`;
  return modal(say(locale ?? 'nl', 'loading.title'), [{ type: 'section', text: { type: 'mrkdwn', text } }], {
    callback_id: CALLBACK.info,
  });
}

/** A person's App Home: their actions by colour with the same buttons as every card. */
export function homeTab(views: readonly ChatView[], locale: Locale): HomeView {
  return { type: 'home', blocks: renderBlocks(views, locale, SLACK_LIMITS.viewBlocks).blocks };
}
