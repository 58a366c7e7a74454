import type { Locale } from '../../domain/i18n/locale.js';
import type { CatalogueText } from '../fill.js';

/**
 * Errors of saving templates and template files. These mostly reach API clients and the people who write
 * template files, but a chat or console user who meets one reads it in their language too.
 */
export const TEMPLATE_ERRORS = {
  'template.not-found': {
    en: 'There is no template {id} you may see.',
    nl: 'Er is geen sjabloon {id} dat je mag zien.',
  },
  'template.forbidden': { en: 'You may not change this template.', nl: 'Je mag dit sjabloon niet wijzigen.' },
  'template.automatic-workflow-required': {
    en: 'Only users with the automatic-workflow right may create or change semi-automatic and automatic templates.',
    nl: 'Alleen gebruikers met het recht automatische workflow mogen semi-automatische en automatische sjablonen maken of wijzigen.',
  },
  'template.changed-concurrently': {
    en: 'Template {id} was changed by someone else; reload and try again.',
    nl: 'Iemand anders heeft sjabloon {id} gewijzigd; laad het opnieuw en probeer het nog eens.',
  },
  'template.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'template.key-immutable': {
    en: 'The key cannot change after the template is saved.',
    nl: 'De sleutel kan niet meer veranderen nadat het sjabloon is opgeslagen.',
  },
  'template.data-group-immutable': {
    en: 'The data group cannot change after the template is saved.',
    nl: 'De datagroep kan niet meer veranderen nadat het sjabloon is opgeslagen.',
  },
  'template.key-taken': {
    en: 'A template with key {key} already exists.',
    nl: 'Er bestaat al een sjabloon met sleutel {key}.',
  },
  'template.unknown-course-type': {
    en: 'There is no course type {id}.',
    nl: 'Er is geen opleidingssoort {id}.',
  },
  'template.unknown-user': { en: 'There is no user {id}.', nl: 'Er is geen gebruiker {id}.' },
  'template.not-linkable': {
    en: 'Records of type {group} have no course type; their templates apply to every record.',
    nl: 'Dossiers van het soort {group} hebben geen opleidingssoort; hun sjablonen gelden voor elk dossier.',
  },
  'template.unknown-merge-code': {
    en: { one: 'Unknown merge code: {unknown}.', other: 'Unknown merge codes: {unknown}.' },
    nl: { one: 'Onbekende samenvoegcode: {unknown}.', other: 'Onbekende samenvoegcodes: {unknown}.' },
  },
  'template.event-group-not-allowed': {
    en: 'This template cannot listen to events of that data group; choose from: {valid}.',
    nl: 'Dit sjabloon kan niet luisteren naar gebeurtenissen van die datagroep; kies uit: {valid}.',
  },
  'template.event-type-not-allowed': {
    en: 'That data group has no such event; choose from: {valid}.',
    nl: 'Die datagroep heeft zo’n gebeurtenis niet; kies uit: {valid}.',
  },
  'template.invalid-event-status': {
    en: 'That is not a status of the data group; choose from: {valid}.',
    nl: 'Dat is geen status van de datagroep; kies uit: {valid}.',
  },
  'template.unknown-event-field': {
    en: 'That is not a field that can change; choose from: {valid}.',
    nl: 'Dat is geen veld dat kan veranderen; kies uit: {valid}.',
  },
  'template.per-event-without-event': {
    en: 'One action per event needs an event.',
    nl: 'Eén actie per gebeurtenis vraagt om een gebeurtenis.',
  },
  'template.process-required': {
    en: 'A semi-automatic or automatic template needs a process.',
    nl: 'Een semi-automatisch of automatisch sjabloon heeft een proces nodig.',
  },
  'template.process-not-allowed': {
    en: 'A manual template has no process.',
    nl: 'Een handmatig sjabloon heeft geen proces.',
  },
  'template.process-not-available': {
    en: 'That process is not available for this data group.',
    nl: 'Dat proces is niet beschikbaar voor deze datagroep.',
  },
  'template.unknown-anchor': {
    en: 'That is not a date of this data group; choose from: {valid}.',
    nl: 'Dat is geen datum van deze datagroep; kies uit: {valid}.',
  },
  'template.event-anchor-without-event': {
    en: 'Timing from the event needs an event.',
    nl: 'Timing vanaf de gebeurtenis vraagt om een gebeurtenis.',
  },
  'template.recipient-not-available': {
    en: 'This data group has no such recipient; choose from: {valid}.',
    nl: 'Deze datagroep heeft zo’n ontvanger niet; kies uit: {valid}.',
  },
  'template.sender-not-approved': {
    en: 'That is not an approved sender address; choose from: {valid}.',
    nl: 'Dat is geen goedgekeurd afzenderadres; kies uit: {valid}.',
  },
  'template.unknown-field': {
    en: 'This data group has no such field; choose from: {valid}.',
    nl: 'Deze datagroep heeft zo’n veld niet; kies uit: {valid}.',
  },
  'template.field-not-writable': {
    en: 'That field cannot be set; choose from: {valid}.',
    nl: 'Dat veld kan niet worden gezet; kies uit: {valid}.',
  },
  'template.invalid-value': {
    en: 'That value does not fit the field.',
    nl: 'Die waarde past niet bij het veld.',
  },
  'template.invalid-status': {
    en: 'That is not a status this data group can get; choose from: {valid}.',
    nl: 'Dat is geen status die deze datagroep kan krijgen; kies uit: {valid}.',
  },
  'template.no-person': {
    en: 'Records of this data group have no person.',
    nl: 'Dossiers van deze datagroep hebben geen persoon.',
  },
  'template.unknown-secret': {
    en: 'That webhook secret is not configured; configured are: {valid}.',
    nl: 'Dat webhookgeheim is niet ingesteld; ingesteld zijn: {valid}.',
  },
  'template.stamp-self': {
    en: 'A template cannot stamp itself.',
    nl: 'Een sjabloon kan zichzelf niet stempelen.',
  },
  'template.unknown-template': { en: 'There is no template {key}.', nl: 'Er is geen sjabloon {key}.' },
  'template.stamp-other-group': {
    en: 'Template {key} belongs to another data group.',
    nl: 'Sjabloon {key} hoort bij een andere datagroep.',
  },
  'template.owner-rule-not-available': {
    en: 'That owner rule is not available for this data group.',
    nl: 'Die eigenaarsregel is niet beschikbaar voor deze datagroep.',
  },
  'template-file.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'template-file.unknown-user': { en: 'There is no user {value}.', nl: 'Er is geen gebruiker {value}.' },
  'template-file.duplicate-key': {
    en: 'Key {key} appears twice.',
    nl: 'Sleutel {key} komt twee keer voor.',
  },
  'template-file.unknown-course-type': {
    en: 'There is no course type {key}.',
    nl: 'Er is geen opleidingssoort {key}.',
  },
  'condition.invalid': { en: '{field}: {problem}', nl: '{field}: {problem}' },
  'condition.unknown-field': {
    en: 'There is no field {conditionField} to compare; choose from: {valid}.',
    nl: 'Er is geen veld {conditionField} om te vergelijken; kies uit: {valid}.',
  },
  'condition.operator-not-allowed': {
    en: 'That comparison cannot be used on {conditionField}; choose from: {valid}.',
    nl: 'Die vergelijking kan niet op {conditionField}; kies uit: {valid}.',
  },
  'condition.invalid-value': {
    en: 'That value does not fit {conditionField}.',
    nl: 'Die waarde past niet bij {conditionField}.',
  },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;
