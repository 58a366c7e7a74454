import type { Locale } from '../../src/domain/i18n/locale.js';
import { type CatalogueText, fill } from '../../src/i18n/fill.js';

/**
 * Words only Teams needs (navigation inside a card, forms, group answers), in Dutch and English. Texts
 * shared with the other surfaces — states, buttons, results, errors — come from src/chat/texts.ts.
 */
const texts = {
  'button.back': { en: 'Back', nl: 'Terug' },
  'button.search': { en: 'Search', nl: 'Zoeken' },
  'button.update': { en: 'Update the form', nl: 'Formulier bijwerken' },
  'field.time': { en: 'Time', nl: 'Tijd' },
  'field.search': { en: 'Search…', nl: 'Zoeken…' },
  'form.update-hint': {
    en: 'Changed the template or the record? Choose “Update the form” for its dates and choices.',
    nl: 'Sjabloon of dossier gewijzigd? Kies “Formulier bijwerken” voor de bijbehorende data en keuzes.',
  },
  'group.asked': { en: '{name} asked: {command}', nl: '{name} vroeg: {command}' },
  'group.private': {
    en: 'Teams shows {name} the answer in this card. Anyone else can choose Refresh card in its menu (…) to see their own.',
    nl: 'Teams toont {name} het antwoord in deze kaart. Anderen kiezen Kaart vernieuwen in het menu (…) voor hun eigen antwoord.',
  },
  'card.not-ours': {
    en: 'This card cannot be used: it is not one of Stempel’s, or it is from an older version.',
    nl: 'Deze kaart werkt niet: hij is niet van Stempel, of hij komt uit een oudere versie.',
  },
  'welcome.title': { en: 'Welcome to Stempel', nl: 'Welkom bij Stempel' },
  'too-large': {
    en: 'This answer is too large for one Teams message; narrow it down with a filter.',
    nl: 'Dit antwoord is te groot voor één Teams-bericht; verfijn het met een filter.',
  },
  'summary.default': { en: 'Stempel', nl: 'Stempel' },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;

export type TeamsTextKey = keyof typeof texts;

/** The whole catalogue, for the test that every text has both languages. */
export const TEAMS_TEXTS: Readonly<Record<string, Record<Locale, CatalogueText>>> = texts;

export function teamsText(
  locale: Locale,
  key: TeamsTextKey,
  params: Record<string, string | number> = {},
): string {
  return fill(texts[key][locale], params);
}
