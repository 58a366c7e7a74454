import type { Locale } from '../../domain/i18n/locale.js';
import type { CatalogueText } from '../fill.js';

/**
 * Why an execution was rejected or failed, and what it did. The messages of other systems (an SMTP
 * server's reply, a network error) stay in the logs and the API; a person reads what it means here.
 */
export const EXECUTION_ERRORS = {
  'record-missing': { en: 'The record no longer exists.', nl: 'Het dossier bestaat niet meer.' },
  'no-process': {
    en: 'The action has no process to execute.',
    nl: 'De actie heeft geen proces om uit te voeren.',
  },
  'email.no-sender': {
    en: 'The e-mail has no sender and no default sender is configured.',
    nl: 'De e-mail heeft geen afzender en er is geen standaardafzender ingesteld.',
  },
  'email.sender-not-approved': {
    en: '{sender} is not an approved sender address.',
    nl: '{sender} is geen goedgekeurd afzenderadres.',
  },
  'email.smtp-not-configured': {
    en: 'No mail server (SMTP) is configured.',
    nl: 'Er is geen mailserver (SMTP) ingesteld.',
  },
  'email.no-recipient': {
    en: 'No recipient address could be found ({unresolved}).',
    nl: 'Er is geen adres van een ontvanger gevonden ({unresolved}).',
  },
  'email.smtp-error': {
    en: 'The mail server did not accept the message.',
    nl: 'De mailserver nam het bericht niet aan.',
  },
  'set-status.unknown-status': {
    en: 'A {group} cannot get status {status}.',
    nl: 'Een {group} kan status {status} niet krijgen.',
  },
  'set-status.transition-not-allowed': {
    en: '{field} cannot go from {from} to {to}.',
    nl: '{field} kan niet van {from} naar {to}.',
  },
  'set-field.unknown-field': {
    en: 'A {group} has no field {field} that can be set.',
    nl: 'Een {group} heeft geen veld {field} dat kan worden gezet.',
  },
  'person-category.no-person': {
    en: 'There is no person on this record.',
    nl: 'Er hoort geen persoon bij dit dossier.',
  },
  'create-invoice.not-a-request': {
    en: 'Invoices are created from requests.',
    nl: 'Facturen worden gemaakt vanuit aanvragen.',
  },
  'create-invoice.not-billable': {
    en: 'Request {number} is not an order that can be billed (stage {stage}, status {status}).',
    nl: 'Aanvraag {number} is geen opdracht die gefactureerd kan worden (fase {stage}, status {status}).',
  },
  'create-invoice.failed': {
    en: 'The invoice could not be created.',
    nl: 'De factuur kon niet worden gemaakt.',
  },
  'record.update-failed': {
    en: 'The record could not be changed.',
    nl: 'Het dossier kon niet worden gewijzigd.',
  },
  'chat-message.unknown-user': {
    en: 'The person to message is not an active user.',
    nl: 'De persoon voor het bericht is geen actieve gebruiker.',
  },
  'chat-message.no-chat-platform': {
    en: 'No chat platform is configured.',
    nl: 'Er is geen chatplatform ingesteld.',
  },
  'chat-message.delivery-failed': {
    en: 'The chat message could not be delivered.',
    nl: 'Het chatbericht kon niet worden bezorgd.',
  },
  'webhook.secret-missing': {
    en: 'The webhook secret {secretRef} is not configured.',
    nl: 'Het webhookgeheim {secretRef} is niet ingesteld.',
  },
  'webhook.target-refused': {
    en: 'This installation may not call {url}.',
    nl: 'Deze installatie mag {url} niet aanroepen.',
  },
  'webhook.http-error': {
    en: 'The webhook answered with status {status}.',
    nl: 'De webhook antwoordde met status {status}.',
  },
  'webhook.timeout': { en: 'The webhook did not answer in time.', nl: 'De webhook antwoordde niet op tijd.' },
  'webhook.network-error': {
    en: 'The webhook could not be reached.',
    nl: 'De webhook was niet bereikbaar.',
  },
  'webhook.address-refused': {
    en: 'The webhook’s address may not be called from here.',
    nl: 'Het adres van de webhook mag van hieruit niet worden aangeroepen.',
  },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;
