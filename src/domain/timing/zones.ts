import Holidays from 'date-holidays';
import { z } from 'zod';

/**
 * Current IANA names that ICU still lists under their old name (Intl.supportedValuesOf gives
 * Asia/Calcutta, not Asia/Kolkata); people type the current one.
 */
const RENAMED = [
  'Asia/Kolkata',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'Asia/Dhaka',
  'Asia/Thimphu',
  'Asia/Ulaanbaatar',
  'Europe/Kyiv',
  'America/Nuuk',
  'America/Argentina/Buenos_Aires',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
  'Atlantic/Faroe',
  'Pacific/Chuuk',
  'Pacific/Pohnpei',
  'Pacific/Kanton',
  'Etc/UTC',
];

function intlKnows(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA time zones accepted: the ones this runtime lists, their current names, and UTC. A closed list
 * rather than "whatever Intl accepts", so that the published schema can list exactly what is accepted.
 */
export const TIME_ZONES: readonly string[] = [
  ...new Set([...Intl.supportedValuesOf('timeZone'), ...RENAMED.filter(intlKnows), 'UTC']),
].sort();
const zoneSet = new Set(TIME_ZONES);

export function isTimeZone(value: string): boolean {
  return zoneSet.has(value);
}

export function timeZoneSchema(field: string) {
  return z
    .string({ error: `${field} must be text` })
    .refine(isTimeZone, { error: `${field} must be an IANA time zone such as Europe/Amsterdam` })
    .meta({ enum: [...TIME_ZONES] });
}

/**
 * Country codes whose public holidays are known (date-holidays), e.g. NL, BE, DE, GB, US, as the schema
 * lists them: upper case, and lower case, which is accepted and upper-cased.
 */
const countries = Object.keys(new Holidays().getCountries()).sort();
export const HOLIDAY_COUNTRIES: readonly string[] = [
  ...countries,
  ...countries.map((code) => code.toLowerCase()),
];
