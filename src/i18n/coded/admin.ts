import type { Locale } from '../../domain/i18n/locale.js';
import type { CatalogueText } from '../fill.js';

/** Errors of administration: users, identities, tokens, senders, settings and digests. */
export const ADMIN_ERRORS = {
  'admin.required': { en: 'Only administrators may do that.', nl: 'Alleen beheerders mogen dat.' },
  'user.not-found': { en: 'There is no user {id}.', nl: 'Er is geen gebruiker {id}.' },
  'user.inactive': {
    en: 'Deactivated users cannot do that.',
    nl: 'Gedeactiveerde gebruikers kunnen dat niet.',
  },
  'user.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'user.email-taken': {
    en: 'A user with e-mail address {email} already exists.',
    nl: 'Er bestaat al een gebruiker met e-mailadres {email}.',
  },
  'user.cannot-demote-self': {
    en: 'You cannot take away your own administrator rights or deactivate yourself.',
    nl: 'Je kunt je eigen beheerdersrechten niet afnemen en jezelf niet deactiveren.',
  },
  'identity.not-found': {
    en: 'That chat identity is not linked to this user.',
    nl: 'Die chat-identiteit is niet aan deze gebruiker gekoppeld.',
  },
  'identity.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'identity.linked-elsewhere': {
    en: 'This {platform} identity is already linked to {holder}.',
    nl: 'Deze {platform}-identiteit is al gekoppeld aan {holder}.',
  },
  'api-token.not-found': { en: 'There is no API token {id}.', nl: 'Er is geen API-token {id}.' },
  'token.invalid-name': {
    en: 'Give the token a name, e.g. the system it is for.',
    nl: 'Geef het token een naam, bijvoorbeeld het systeem waarvoor het is.',
  },
  'token.expiry-in-past': {
    en: 'The expiry must lie in the future.',
    nl: 'De vervaldatum moet in de toekomst liggen.',
  },
  'token.invalid-scopes': {
    en: 'Give one or more of these scopes: {valid}.',
    nl: 'Geef een of meer van deze scopes: {valid}.',
  },
  'token.user-inactive': {
    en: '{email} is deactivated; a token for them would not work.',
    nl: '{email} is gedeactiveerd; een token voor die gebruiker zou niet werken.',
  },
  'token.already-revoked': {
    en: 'Token {id} was already revoked.',
    nl: 'Token {id} was al ingetrokken.',
  },
  'sender.not-found': { en: 'There is no sender address {id}.', nl: 'Er is geen afzenderadres {id}.' },
  'sender.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'sender.exists': {
    en: 'The sender address {address} already exists.',
    nl: 'Het afzenderadres {address} bestaat al.',
  },
  'settings.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'settings.changed-concurrently': {
    en: 'The settings were changed by someone else; reload and try again.',
    nl: 'Iemand anders heeft de instellingen gewijzigd; laad ze opnieuw en probeer het nog eens.',
  },
  'delivery-target.not-found': {
    en: 'There is no conversation {id}.',
    nl: 'Er is geen gesprek {id}.',
  },
  'digest.not-found': { en: 'There is no digest for {id}.', nl: 'Er is geen overzicht voor {id}.' },
  'digest.forbidden': {
    en: 'Only active users may set up or change digests.',
    nl: 'Alleen actieve gebruikers mogen overzichten instellen of wijzigen.',
  },
  'digest.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'digest.unavailable': {
    en: 'Digests are not available here.',
    nl: 'Overzichten zijn hier niet beschikbaar.',
  },
  'digest.unknown-channel': {
    en: '{platform} has no channel {channel} (or {platform} is not configured).',
    nl: '{platform} heeft geen kanaal {channel} (of {platform} is niet ingesteld).',
  },
  'digest.audience-not-held': {
    en: 'Only someone with role {role} may show what that role may see.',
    nl: 'Alleen iemand met rol {role} mag tonen wat die rol mag zien.',
  },
  'digest.needs-channel': {
    en: 'Name the channel: channel:planning.',
    nl: 'Noem het kanaal: kanaal:planning.',
  },
  'digest.other-channel': {
    en: 'Only administrators can set up, stop or see the digest of another channel: type the command in that channel.',
    nl: 'Alleen beheerders kunnen het overzicht van een ander kanaal instellen, stoppen of bekijken: typ het commando in dat kanaal.',
  },
  'digest.bad-time': {
    en: 'Cannot read the time in "{value}": give a day and a time, e.g. weekdays 08:30.',
    nl: 'Kan de tijd in "{value}" niet lezen: geef een dag en een tijd, bijv. werkdagen 08:30.',
  },
  'digest.bad-days': {
    en: 'Cannot read the days in "{value}": weekdays, daily, or days such as mon,thu.',
    nl: 'Kan de dagen in "{value}" niet lezen: werkdagen, dagelijks, of dagen zoals ma,do.',
  },
  'digest.bad-cron': {
    en: '"{value}" is not a cron expression of five fields, e.g. "30 8 * * 1-5".',
    nl: '"{value}" is geen cron-expressie van vijf velden, bijv. "30 8 * * 1-5".',
  },
  'digest.bad-group': { en: 'No data group "{value}".', nl: 'Geen datagroep "{value}".' },
  'digest.unknown-course-type': {
    en: 'No course type with key "{key}".',
    nl: 'Geen opleidingssoort met sleutel "{key}".',
  },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;
