import { DomainError, type DomainIssue } from '../../domain/errors.js';
import type { Locale } from '../../domain/i18n/locale.js';
import type { ErrorView } from '../model.js';
import { say, type TextKey } from '../texts.js';

const categoryText: Record<DomainError['category'], TextKey> = {
  'invalid-input': 'error.invalid',
  'not-found': 'error.not-found',
  forbidden: 'error.forbidden',
  conflict: 'error.conflict',
  upstream: 'error.upstream',
};

/**
 * The text of one coded problem for a user. Every surface goes through here, so that translating error
 * codes happens in one place.
 */
export function issueMessage(issue: Pick<DomainIssue, 'code' | 'message'>, _locale: Locale): string {
  return issue.message;
}

/**
 * A failure as a chat message: coded domain errors keep their message and the fields at fault; anything
 * else is an internal error whose details go to the log, never to chat.
 */
export function errorView(error: unknown, locale: Locale): ErrorView {
  if (error instanceof DomainError) {
    return {
      kind: 'error',
      code: error.code,
      message: say(locale, categoryText[error.category], { message: issueMessage(error, locale) }),
      details: error.issues.length > 1 ? error.issues.map((issue) => issueMessage(issue, locale)) : [],
    };
  }
  return { kind: 'error', code: 'internal', message: say(locale, 'error.internal'), details: [] };
}
