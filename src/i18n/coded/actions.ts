import type { Locale } from '../../domain/i18n/locale.js';
import type { CatalogueText } from '../fill.js';

/** Errors about actions and their commands; `{state}` arrives as a word ("gedaan"), `{number}` as is. */
export const ACTION_ERRORS = {
  'action.not-found': {
    en: 'There is no action {id} you may see.',
    nl: 'Er is geen actie {id} die je mag zien.',
  },
  'action.forbidden': {
    en: 'You may not change action {number}.',
    nl: 'Je mag actie {number} niet wijzigen.',
  },
  'action.nothing-to-change': {
    en: 'Give a start, an end, remarks or a priority.',
    nl: 'Geef een start, een einde, opmerkingen of een prioriteit.',
  },
  'action.end-before-start': {
    en: 'The end must not be before the start.',
    nl: 'Het einde mag niet vóór de start liggen.',
  },
  'action.already-stamped': {
    en: 'Template {key} is already stamped on this record{asAction}.',
    nl: 'Sjabloon {key} is al op dit dossier gestempeld{asAction}.',
  },
  'action.already-final': {
    en: 'Action {number} is already {state}.',
    nl: 'Actie {number} is al {state}.',
  },
  'action.executing': {
    en: 'Action {number} is being executed; try again when it is finished.',
    nl: 'Actie {number} wordt nu uitgevoerd; probeer het opnieuw als dat klaar is.',
  },
  'action.changed-concurrently': {
    en: 'Action {number} is being changed by someone else; try again.',
    nl: 'Iemand anders wijzigt actie {number} op dit moment; probeer het opnieuw.',
  },
  'action.not-open': {
    en: 'Action {number} is {state}; only open actions can be {what}.',
    nl: 'Actie {number} is {state}; alleen openstaande acties kunnen worden {what}.',
  },
  'action.automatic-cannot-complete': {
    en: 'Action {number} is automatic: execute it, or cancel it, instead of marking it done.',
    nl: 'Actie {number} is automatisch: voer haar uit of annuleer haar, in plaats van haar klaar te melden.',
  },
  'action.no-dates': {
    en: 'Give a new start, a new end, or both.',
    nl: 'Geef een nieuwe start, een nieuw einde, of allebei.',
  },
  'action.snooze-needs-moment': {
    en: 'Say until when (a moment) or for how long (an amount and a unit).',
    nl: 'Zeg tot wanneer (een moment) of hoe lang (een aantal en een eenheid).',
  },
  'action.snooze-in-past': {
    en: 'Snoozing must end in the future.',
    nl: 'Uitstellen moet in de toekomst eindigen.',
  },
  'action.manual-not-executable': {
    en: 'Action {number} is manual: a person does the work and marks it done.',
    nl: 'Actie {number} is handmatig: iemand doet het werk en meldt haar klaar.',
  },
  'action.not-executable': {
    en: 'Action {number} is {state} and cannot be executed.',
    nl: 'Actie {number} is {state} en kan niet worden uitgevoerd.',
  },
  'action.invalid-transition': {
    en: 'An action that is {state} cannot change like that.',
    nl: 'Een actie die {state} is, kan niet zo veranderen.',
  },
  'stamp.forbidden': { en: 'You may not stamp template {key}.', nl: 'Je mag sjabloon {key} niet stempelen.' },
  'stamp.wrong-data-group': {
    en: 'Template {key} is stamped on records of type {templateGroup}, not on {recordGroup}.',
    nl: 'Sjabloon {key} wordt gestempeld op dossiers van het soort {templateGroup}, niet op {recordGroup}.',
  },
  'stamp.missing-anchor': {
    en: 'The record has no {anchor}, which the template’s timing needs.',
    nl: 'Het dossier heeft geen {anchor}, en de timing van het sjabloon heeft die nodig.',
  },
  'stamp.conditions-not-met': {
    en: 'The conditions do not hold: {reasons}.',
    nl: 'De voorwaarden gelden niet: {reasons}.',
  },
  'stamp.context-mismatch': {
    en: 'The event is about another record than the one being stamped.',
    nl: 'De gebeurtenis gaat over een ander dossier dan het dossier dat gestempeld wordt.',
  },
  'timing.missing-anchor': {
    en: 'The record has no {anchor}, which the timing needs.',
    nl: 'Het dossier heeft geen {anchor}, en de timing heeft die nodig.',
  },
  'form.unknown': { en: 'This form is no longer valid.', nl: 'Dit formulier is niet meer geldig.' },
  'button.unknown': {
    en: 'This button is no longer valid.',
    nl: 'Deze knop is niet meer geldig.',
  },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;
