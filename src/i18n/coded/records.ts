import { RECORD_KINDS, type RecordKind } from '../../domain/dossiers/kinds.js';
import type { Locale } from '../../domain/i18n/locale.js';
import type { CatalogueText } from '../fill.js';
import { GROUP_LABELS } from '../labels.js';

/** "There is no course C-12" for every kind of record, as API clients know the codes (`course.not-found`). */
export const RECORD_NOT_FOUND = Object.fromEntries(
  RECORD_KINDS.map((kind) => [
    `${kind}.not-found`,
    {
      en: `There is no ${GROUP_LABELS[kind].en.toLowerCase()} {id}.`,
      nl: `Er is geen ${GROUP_LABELS[kind].nl.toLowerCase()} {id}.`,
    },
  ]),
) as Record<`${RecordKind}.not-found`, Record<Locale, string>>;

/**
 * Errors about dossiers, course types and other things people look up. `{group}` and the like arrive as
 * words ("opleiding"), `{field}` as its label.
 */
export const RECORD_ERRORS = {
  'dossier.not-found': { en: 'There is no dossier {id}.', nl: 'Er is geen dossier {id}.' },
  'dossier.forbidden': { en: 'You may not read dossiers.', nl: 'Je mag geen dossiers lezen.' },
  'dossier.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'dossier.unknown-relation': {
    en: '{field}: there is no {kind} {id}.',
    nl: '{field}: er is geen {kind} {id}.',
  },
  'dossier.exists': {
    en: 'A record with id {id} already exists.',
    nl: 'Er bestaat al een dossier met id {id}.',
  },
  'dossier.invalid-id': {
    en: 'An id is 1–64 letters, digits or _ . : - and starts with a letter or digit.',
    nl: 'Een id bestaat uit 1–64 letters, cijfers of _ . : - en begint met een letter of cijfer.',
  },
  'dossier.in-use': {
    en: {
      one: '1 other record refers to {id}; remove or re-link it first.',
      other: '{count} other records refer to {id}; remove or re-link them first.',
    },
    nl: {
      one: '1 ander dossier verwijst naar {id}; verwijder of koppel het eerst anders.',
      other: '{count} andere dossiers verwijzen naar {id}; verwijder of koppel ze eerst anders.',
    },
  },
  'dossier.end-before-start': {
    en: 'The end date must not be before the start date.',
    nl: 'De einddatum mag niet vóór de begindatum liggen.',
  },
  'dossier.max-below-min': {
    en: 'The maximum number of participants must not be below the minimum.',
    nl: 'Het maximum aantal deelnemers mag niet onder het minimum liggen.',
  },
  'dossier.changed-concurrently': {
    en: 'Dossier {id} was changed by someone else; reload and try again.',
    nl: 'Iemand anders heeft dossier {id} gewijzigd; laad het opnieuw en probeer het nog eens.',
  },
  'context.wrong-kind': {
    en: 'The record under {key} is a {recordGroup}, not a {expectedGroup}.',
    nl: 'Het dossier bij {key} is een {recordGroup}, geen {expectedGroup}.',
  },
  'web-request.course-type-mismatch': {
    en: 'The course type must be that of the course the web request enrols for ({valid}).',
    nl: 'De opleidingssoort moet die van de opleiding van de webaanvraag zijn ({valid}).',
  },
  'course-type.key-taken': {
    en: 'A course type with key {key} already exists.',
    nl: 'Er bestaat al een opleidingssoort met sleutel {key}.',
  },
  'data-group.not-found': { en: 'There is no data group {id}.', nl: 'Er is geen datagroep {id}.' },
  'event.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'event.external-id-reused': {
    en: 'External id {externalId} was already used for another event.',
    nl: 'Extern id {externalId} is al voor een andere gebeurtenis gebruikt.',
  },
  'request.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'request.version-mismatch': {
    en: 'The If-Match header and the expected version in the body name different versions.',
    nl: 'De kop If-Match en het veld met de verwachte versie noemen verschillende versies.',
  },
  'cli.invalid': {
    en: 'The command line could not be read: {problem}',
    nl: 'De opdrachtregel kon niet worden gelezen: {problem}',
  },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;
