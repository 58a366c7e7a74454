import type { DomainError } from '../../domain/errors.js';
import type { Locale } from '../../domain/i18n/locale.js';
import type { ChatView, FormFieldView, FormView } from '../model.js';
import { say } from '../texts.js';
import { issueMessage } from '../views/errors.js';

/** What a platform sends back when a form is submitted or one of its refreshing fields changes. */
export type FormValues = Readonly<Record<string, string | undefined>>;

export type FormErrors = Record<string, string>;

/** A submitted form either did its work (views to show) or comes back with what to correct. */
export type FormOutcome = { kind: 'done'; views: ChatView[] } | { kind: 'invalid'; form: FormView };

export function fieldValue(values: FormValues, name: string): string | undefined {
  const value = values[name]?.trim();
  return value ? value : undefined;
}

export function withErrors(form: FormView, errors: FormErrors, intro?: string): FormView {
  return {
    ...form,
    ...(intro ? { intro } : {}),
    fields: form.fields.map((field): FormFieldView => {
      const error = errors[field.name];
      return error ? { ...field, error } : field;
    }),
  };
}

export function requiredErrors(
  locale: Locale,
  values: FormValues,
  names: readonly string[],
  errors: FormErrors = {},
): FormErrors {
  for (const name of names) if (!fieldValue(values, name)) errors[name] ??= say(locale, 'form.required');
  return errors;
}

/**
 * A refusal from a use case, placed on the field it names when the form has that field (`recordId` is the
 * form's `record`), else returned as the form's intro line.
 */
export function placeError(
  error: DomainError,
  locale: Locale,
  fieldNames: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): { errors: FormErrors; intro?: string } {
  const named = error.issues.map((issue) => ({
    field: aliases[issue.field ?? ''] ?? issue.field,
    message: issueMessage(issue, locale),
  }));
  const errors: FormErrors = {};
  const loose: string[] = [];
  for (const issue of named) {
    if (issue.field && fieldNames.includes(issue.field)) errors[issue.field] ??= issue.message;
    else loose.push(issue.message);
  }
  if (named.length === 0) loose.push(issueMessage(error, locale));
  return loose.length > 0 ? { errors, intro: loose.join(' ') } : { errors };
}
