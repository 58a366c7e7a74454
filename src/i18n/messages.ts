import type { Locale } from '../domain/i18n/locale.js';
import { type CatalogueText, fill } from './fill.js';

/**
 * User-facing texts of the bot, in Dutch and English. Handlers never hold user text themselves; they pick
 * a message by key and fill in its parameters.
 */
const messages = {
  'notify.failed': {
    en: 'Action {number} "{name}" failed: {reason}',
    nl: 'Actie {number} "{name}" is mislukt: {reason}',
  },
  'notify.rejected': {
    en: 'Action {number} "{name}" cannot be executed: {reason}',
    nl: 'Actie {number} "{name}" kan niet worden uitgevoerd: {reason}',
  },
  'notify.reminder': {
    en: 'Action {number} "{name}" starts now and is due {end}.',
    nl: 'Actie {number} "{name}" start nu en moet klaar zijn op {end}.',
  },
  'notify.opened': {
    en: 'New action for you: {number} "{name}", due {end}.',
    nl: 'Nieuwe actie voor jou: {number} "{name}", klaar uiterlijk {end}.',
  },
  'notify.opened-many': {
    en: {
      one: '1 new action for you: {list}. See it with /actie mine.',
      other: '{count} new actions for you: {list}. See them with /actie mine.',
    },
    nl: {
      one: '1 nieuwe actie voor jou: {list}. Bekijk haar met /actie mijn.',
      other: '{count} nieuwe acties voor jou: {list}. Bekijk ze met /actie mijn.',
    },
  },
  'notify.escalation': {
    en: {
      one: 'Escalated: action {number} "{name}" is 1 working day overdue (due {end}). Owner: {owner}.',
      other:
        'Escalated: action {number} "{name}" is {count} working days overdue (due {end}). Owner: {owner}.',
    },
    nl: {
      one: 'Escalatie: actie {number} "{name}" is 1 werkdag te laat (uiterlijk {end}). Eigenaar: {owner}.',
      other:
        'Escalatie: actie {number} "{name}" is {count} werkdagen te laat (uiterlijk {end}). Eigenaar: {owner}.',
    },
  },
  'notify.nobody': { en: 'nobody', nl: 'niemand' },
  'notify.overdue': {
    en: 'Action {number} "{name}" is overdue since {end}.',
    nl: 'Actie {number} "{name}" is te laat sinds {end}.',
  },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;

export type MessageKey = keyof typeof messages;

/** The whole catalogue, for the test that every text has both languages. */
export const NOTICE_TEXTS: Readonly<Record<string, Record<Locale, CatalogueText>>> = messages;

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return fill(messages[key][locale], params);
}

/** Formatters by locale and zone: making one costs far more than formatting with it (every card has two). */
const momentFormats = new Map<string, Intl.DateTimeFormat>();

export function formatMoment(date: Date, locale: Locale, timeZone: string): string {
  const key = `${locale} ${timeZone}`;
  let format = momentFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    });
    momentFormats.set(key, format);
  }
  return format.format(date);
}
