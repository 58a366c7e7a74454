import type { Locale } from '../../domain/i18n/locale.js';
import type { CatalogueText } from '../fill.js';

/** What an executed process did ("e-mail verstuurd aan …"); `{from}`/`{to}` arrive as value words. */
export const RESULT_TEXTS = {
  'email.sent': { en: 'e-mail sent to {to}', nl: 'e-mail verstuurd aan {to}' },
  'set-status.changed': { en: '{field} {from} → {to}', nl: '{field} {from} → {to}' },
  'set-status.already': { en: '{field} was already {to}', nl: '{field} was al {to}' },
  'set-field.changed': { en: '{field} → {to}', nl: '{field} → {to}' },
  'set-field.already': { en: '{field} was already {to}', nl: '{field} was al {to}' },
  'person-category.added': { en: 'category {category} added', nl: 'categorie {category} toegevoegd' },
  'person-category.removed': { en: 'category {category} removed', nl: 'categorie {category} verwijderd' },
  'person-category.already-there': {
    en: 'category {category} was already there',
    nl: 'categorie {category} was er al',
  },
  'person-category.already-absent': {
    en: 'category {category} was already absent',
    nl: 'categorie {category} was er al niet',
  },
  'create-invoice.created': { en: 'draft invoice {invoice} created', nl: 'conceptfactuur {invoice} gemaakt' },
  'create-invoice.exists': { en: 'invoice {invoice} already exists', nl: 'factuur {invoice} bestaat al' },
  'webhook.answered': { en: 'webhook answered {status}', nl: 'webhook antwoordde {status}' },
  'chat-message.queued': {
    en: 'chat message queued for delivery',
    nl: 'chatbericht klaargezet voor bezorging',
  },
  'stamp.stamped': {
    en: { one: '1 action stamped', other: '{count} actions stamped' },
    nl: { one: '1 actie gestempeld', other: '{count} acties gestempeld' },
  },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;

/** Why an action is in its state or moved, as recorded in its history. */
export const REASON_TEXTS = {
  'conditions-not-met': {
    en: 'the conditions do not hold: {reasons}',
    nl: 'de voorwaarden gelden niet: {reasons}',
  },
  'conditions-not-met-yet': { en: 'waits until its conditions hold', nl: 'wacht tot de voorwaarden gelden' },
  'conditions-stopped-holding': {
    en: 'its end passed after the conditions stopped holding',
    nl: 'het einde is verstreken nadat de voorwaarden niet meer golden',
  },
  'conditions-never-held': {
    en: 'its end passed before the conditions ever held',
    nl: 'het einde is verstreken zonder dat de voorwaarden ooit golden',
  },
  'start-in-past': {
    en: 'its start had long passed when it was stamped, so a person decides',
    nl: 'de start lag bij het stempelen al ver in het verleden, dus beslist een mens',
  },
  'window-adjusted': {
    en: 'the end was moved so that it does not lie before the start',
    nl: 'het einde is verschoven zodat het niet vóór de start ligt',
  },
  'cancelled-by-user': { en: 'cancelled by a person', nl: 'door iemand geannuleerd' },
  'record-closed': {
    en: 'its record was closed or cancelled',
    nl: 'het dossier is afgesloten of geannuleerd',
  },
  'record-deleted': { en: 'its record was deleted', nl: 'het dossier is verwijderd' },
  'template-unlinked': {
    en: 'its template was unlinked from the course type',
    nl: 'het sjabloon is losgekoppeld van de opleidingssoort',
  },
  'anchor-moved': { en: 'moved with {fields}', nl: 'mee verschoven met {fields}' },
  'skip.template-missing': { en: 'the template no longer exists', nl: 'het sjabloon bestaat niet meer' },
  'skip.disabled': { en: 'the template is switched off', nl: 'het sjabloon staat uit' },
  'skip.not-linked': {
    en: 'the template is not linked to this course type',
    nl: 'het sjabloon is niet aan deze opleidingssoort gekoppeld',
  },
  'skip.conditions-not-met': { en: 'its conditions do not hold', nl: 'de voorwaarden gelden niet' },
  'skip.missing-anchor': {
    en: 'a date its timing needs is missing',
    nl: 'een datum voor de timing ontbreekt',
  },
  'skip.already-stamped': { en: 'already stamped', nl: 'al gestempeld' },
  'skip.event-not-happened': {
    en: 'its event has not happened',
    nl: 'de gebeurtenis heeft niet plaatsgevonden',
  },
  snoozed: { en: 'snoozed', nl: 'uitgesteld' },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;
