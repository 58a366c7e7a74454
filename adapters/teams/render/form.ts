import type { FormFieldView, FormOptionView, FormView } from '../../../src/chat/model.js';
import { FIELD_INPUT_PREFIX, SEARCH_INPUT_PREFIX } from '../card-data.js';
import { teamsText } from '../texts.js';
import {
  actionSet,
  backAction,
  type CardAction,
  type CardElement,
  clip,
  executeAction,
  type RenderState,
  textBlock,
} from './elements.js';

/** Input ids of a date-and-time field: one date and one time input, joined again by the bot. */
function momentInputIds(name: string): { date: string; time: string } {
  return { date: `${FIELD_INPUT_PREFIX}${name}.date`, time: `${FIELD_INPUT_PREFIX}${name}.time` };
}

/** The options shown, always including the current choice (a search field's value may not be among them). */
function choicesOf(field: FormFieldView, max: number): FormOptionView[] {
  const options = (field.options ?? []).slice(0, max);
  if (field.value && !options.some((option) => option.value === field.value)) {
    const known = field.options?.find((option) => option.value === field.value);
    options.unshift(known ?? { value: field.value, label: field.valueLabel ?? field.value });
  }
  return options;
}

function choiceSet(field: FormFieldView, label: string, state: RenderState, filtered: boolean): CardElement {
  const choices = choicesOf(field, state.limits.options);
  return {
    type: 'Input.ChoiceSet',
    id: `${FIELD_INPUT_PREFIX}${field.name}`,
    label,
    style: filtered || choices.length > 8 ? 'filtered' : 'compact',
    choices: choices.map((choice) => ({ title: clip(choice.label, 200), value: choice.value })),
    ...(field.value ? { value: field.value } : {}),
  };
}

function inputsOf(field: FormFieldView, state: RenderState, rebuild: (title: string) => CardAction) {
  const label = field.required ? `${field.label} *` : field.label;
  const id = `${FIELD_INPUT_PREFIX}${field.name}`;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return [
        {
          type: 'Input.Text',
          id,
          label,
          ...(field.type === 'textarea' ? { isMultiline: true } : {}),
          ...(field.maxLength ? { maxLength: field.maxLength } : {}),
          ...(field.value ? { value: field.value } : {}),
        },
      ];
    case 'select':
    case 'user':
      return [choiceSet(field, label, state, field.type === 'user')];
    case 'search': {
      const hasChoices = (field.options?.length ?? 0) > 0 || Boolean(field.value);
      return [
        ...(hasChoices ? [choiceSet(field, label, state, true)] : [textBlock(label, { weight: 'bolder' })]),
        {
          type: 'Input.Text',
          id: `${SEARCH_INPUT_PREFIX}${field.name}`,
          placeholder: teamsText(state.locale, 'field.search'),
          spacing: 'small',
        },
        ...actionSet([rebuild(teamsText(state.locale, 'button.search'))]),
      ];
    }
    case 'date':
      return [{ type: 'Input.Date', id, label, ...(field.value ? { value: field.value.slice(0, 10) } : {}) }];
    case 'datetime': {
      const ids = momentInputIds(field.name);
      const value = field.value ?? '';
      return [
        {
          type: 'ColumnSet',
          columns: [
            {
              type: 'Column',
              width: 'stretch',
              items: [
                { type: 'Input.Date', id: ids.date, label, ...(value ? { value: value.slice(0, 10) } : {}) },
              ],
            },
            {
              type: 'Column',
              width: 'stretch',
              items: [
                {
                  type: 'Input.Time',
                  id: ids.time,
                  label: teamsText(state.locale, 'field.time'),
                  ...(value.length >= 16 ? { value: value.slice(11, 16) } : {}),
                },
              ],
            },
          ],
        },
      ];
    }
  }
}

function fieldElements(field: FormFieldView, state: RenderState, rebuild: (title: string) => CardAction) {
  return [
    ...(inputsOf(field, state, rebuild) as CardElement[]),
    ...(field.hint
      ? [textBlock(clip(field.hint, 500), { subtle: true, size: 'small', spacing: 'none' })]
      : []),
    ...(field.error ? [textBlock(clip(field.error, 500), { color: 'attention', spacing: 'none' })] : []),
  ];
}

/**
 * A form as a card. Teams cards have no change events, so fields that rebuild the form (a new template
 * gives other dates and records) do so through "Update the form", and a search field searches through
 * its own button; both send what was typed so far and keep it.
 */
export function formElements(view: FormView, state: RenderState, back: boolean): CardElement[] {
  const refreshing = view.fields.filter((field) => field.refreshes);
  const prior = Object.fromEntries(refreshing.map((field) => [field.name, field.value ?? '']));
  const formData = (op: 'submit' | 'rebuild') => ({
    s: 'form' as const,
    f: view.submit,
    op,
    prior,
    h: state.home,
  });
  const rebuild = (title: string) => executeAction(title, 'rebuild', formData('rebuild'), { inputs: true });
  return [
    textBlock(clip(view.title, 300), { weight: 'bolder', size: 'medium' }),
    ...(view.intro ? [textBlock(clip(view.intro, state.limits.textChars))] : []),
    ...view.fields.flatMap((field) => fieldElements(field, state, rebuild)),
    ...(refreshing.length > 0
      ? [textBlock(teamsText(state.locale, 'form.update-hint'), { subtle: true, size: 'small' })]
      : []),
    ...actionSet([
      executeAction(view.submitLabel, 'submit', formData('submit'), { style: 'positive', inputs: true }),
      ...(refreshing.length > 0 ? [rebuild(teamsText(state.locale, 'button.update'))] : []),
      ...(back ? [backAction(state)] : []),
    ]),
  ];
}
