import { DomainError, type DomainIssue } from '../../domain/errors.js';
import type { Locale } from '../../domain/i18n/locale.js';
import { type Coded, codedText, textParamsOf } from '../../i18n/coded/index.js';
import type { ErrorView } from '../model.js';
import { say } from '../texts.js';

/**
 * The text of one coded problem for a user, in their language: the code's text from the catalogue
 * (src/i18n/coded), filled with the issue's parameters and the readable parts of its details. Every
 * surface goes through here, so translating error codes happens in one place. The English `message` is
 * for logs and API clients; it reaches a person only for a code the catalogue lacks, and only in English.
 */
export function issueMessage(
  issue: Pick<DomainIssue, 'code' | 'message'> & Partial<Pick<DomainIssue, 'details' | 'params'>>,
  locale: Locale,
): string {
  const params = { ...textParamsOf(issue.details), ...issue.params };
  return (
    codedText({ code: issue.code, params }, locale) ??
    (locale === 'en' ? issue.message : say(locale, 'error.untranslated'))
  );
}

/** A recorded reason (an action's state, a history entry) as text, or undefined when it has none. */
export function reasonMessage(coded: Coded | undefined, locale: Locale): string | undefined {
  return coded ? codedText(coded, locale) : undefined;
}

/**
 * A failure as a chat message: coded domain errors in the user's language, with every problem when there
 * were several; anything else is an internal error whose details go to the log, never to chat.
 */
export function errorView(error: unknown, locale: Locale): ErrorView {
  if (error instanceof DomainError) {
    return {
      kind: 'error',
      code: error.code,
      message: issueMessage(error, locale),
      details: error.issues.length > 1 ? error.issues.map((issue) => issueMessage(issue, locale)) : [],
    };
  }
  return { kind: 'error', code: 'internal', message: say(locale, 'error.internal'), details: [] };
}
