import type { LocalText } from './coded/index.js';
import { FIELD_LABELS } from './labels.js';

/**
 * Names of input fields (API bodies, commands, settings) as people read them, for errors that name the
 * field at fault. Record fields come from the data groups' labels; list positions read as numbers.
 */
const INPUT_FIELDS: Readonly<Record<string, LocalText>> = {
  email: { en: 'E-mail', nl: 'E-mailadres' },
  name: { en: 'Name', nl: 'Naam' },
  roles: { en: 'Roles', nl: 'Rollen' },
  locale: { en: 'Language', nl: 'Taal' },
  timeZone: { en: 'Time zone', nl: 'Tijdzone' },
  admin: { en: 'Administrator', nl: 'Beheerder' },
  active: { en: 'Active', nl: 'Actief' },
  address: { en: 'Address', nl: 'Adres' },
  schedule: { en: 'Schedule', nl: 'Schema' },
  cron: { en: 'Schedule', nl: 'Schema' },
  top: { en: 'Number shown', nl: 'Aantal getoond' },
  channel: { en: 'Channel', nl: 'Kanaal' },
  target: { en: 'Channel', nl: 'Kanaal' },
  group: { en: 'Data group', nl: 'Datagroep' },
  owner: { en: 'Owner', nl: 'Eigenaar' },
  start: { en: 'Start', nl: 'Start' },
  end: { en: 'End', nl: 'Einde' },
  until: { en: 'New start', nl: 'Nieuwe start' },
  remarks: { en: 'Remarks', nl: 'Opmerkingen' },
  priority: { en: 'Priority', nl: 'Prioriteit' },
  key: { en: 'Key', nl: 'Sleutel' },
  execution: { en: 'Execution', nl: 'Uitvoering' },
  dataGroup: { en: 'Data group', nl: 'Datagroep' },
  process: { en: 'Process', nl: 'Proces' },
  event: { en: 'Event', nl: 'Gebeurtenis' },
  timing: { en: 'Timing', nl: 'Timing' },
  conditions: { en: 'Conditions', nl: 'Voorwaarden' },
  calendar: { en: 'Calendar', nl: 'Kalender' },
  region: { en: 'Holiday region', nl: 'Feestdagenregio' },
  closingDays: { en: 'Closing days', nl: 'Sluitingsdagen' },
  defaultTimeOfDay: { en: 'Default time', nl: 'Standaardtijd' },
  platform: { en: 'Platform', nl: 'Platform' },
  identity: { en: 'Chat identity', nl: 'Chat-identiteit' },
  externalId: { en: 'External id', nl: 'Extern id' },
  payload: { en: 'Content', nl: 'Inhoud' },
  '(root)': { en: 'Input', nl: 'Invoer' },
};

function labelOf(part: string): LocalText | undefined {
  if (INPUT_FIELDS[part]) return INPUT_FIELDS[part];
  for (const fields of Object.values(FIELD_LABELS)) {
    const words = fields[part];
    if (words) return words;
  }
  return undefined;
}

/** A field path as its most specific known label ("process.to.0" reads as "Proces"); others as written. */
export function inputFieldWords(path: string): LocalText {
  const parts = path.split('.');
  for (let end = parts.length; end > 0; end -= 1) {
    const joined = parts.slice(0, end).join('.');
    const words = labelOf(joined) ?? labelOf(parts[end - 1]!);
    if (words && !/^\d+$/.test(parts[end - 1]!)) return words;
  }
  return { en: path, nl: path };
}
