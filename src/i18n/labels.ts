import { type FieldSpec, fieldSpec } from '../domain/dossiers/catalogue.js';
import { kindOfContextKey, type RecordKind } from '../domain/dossiers/kinds.js';
import { formatValue } from '../domain/i18n/format-value.js';
import type { Locale } from '../domain/i18n/locale.js';
import {
  ACTION_STATE_WORDS,
  COMMON_FIELDS,
  FIELD_LABELS,
  GROUP_LABELS,
  OTHER_GROUP_WORDS,
  PLATFORM_NAMES,
  RECIPIENT_WORDS,
  VALUE_LABELS,
  type Words,
} from './label-tables.js';

export {
  FIELD_LABELS,
  GROUP_LABELS,
  PLANNING_LABELS,
  RECIPIENT_WORDS,
  VALUE_LABELS,
} from './label-tables.js';

export function groupLabel(group: string, locale: Locale): string {
  return GROUP_LABELS[group as RecordKind]?.[locale] ?? group;
}

/** "Geslaagd" for participant.passMet; custom fields (`custom.level`) by their own name. */
export function fieldLabel(group: string, field: string, locale: Locale): string {
  const labels = FIELD_LABELS[group as RecordKind];
  const words = labels?.[field] ?? COMMON_FIELDS[field];
  if (words) return words[locale];
  return field.startsWith('custom.') ? field.slice('custom.'.length) : field;
}

/**
 * A field's value as people read it: enum values in words, booleans as ja/nee, dates and numbers in the
 * locale's way. Values of unknown fields are shown as they are.
 */
export function valueLabel(
  group: string,
  field: string,
  value: unknown,
  options: { locale: Locale; timeZone: string },
): string {
  const words = typeof value === 'string' ? VALUE_LABELS[group as RecordKind]?.[field]?.[value] : undefined;
  if (words) return words[options.locale];
  const spec: FieldSpec | undefined = fieldSpec(group as RecordKind, field);
  // A date written in JSON (a set-field value) reads as a date, not as its ISO text.
  const readable = spec?.type === 'date' && typeof value === 'string' ? new Date(value) : value;
  const shown = formatValue(readable, {
    ...options,
    booleans: 'yes-no',
    decimals: spec?.decimals,
  });
  return shown === '' ? EMPTY[options.locale] : shown;
}

const EMPTY: Words = { en: '(empty)', nl: '(leeg)' };

/** Both languages at once, for messages made before anyone knows who reads them. */
export function stateWord(state: string): Words {
  return ACTION_STATE_WORDS[state] ?? { en: state, nl: state };
}

/** A data group inside a sentence: "opleiding", "web request". */
export function groupWord(group: string): Words {
  const words = GROUP_LABELS[group as RecordKind] ?? OTHER_GROUP_WORDS[group];
  return words ? { en: words.en.toLowerCase(), nl: words.nl.toLowerCase() } : { en: group, nl: group };
}

export function fieldWords(group: string, field: string): Words {
  return { en: fieldLabel(group, field, 'en'), nl: fieldLabel(group, field, 'nl') };
}

/** A value in both languages; dates are shown in the given zone. */
export function valueWords(group: string, field: string, value: unknown, timeZone = 'UTC'): Words {
  return {
    en: valueLabel(group, field, value, { locale: 'en', timeZone }),
    nl: valueLabel(group, field, value, { locale: 'nl', timeZone }),
  };
}

/** Several recipient roles as one phrase in both languages ("de deelnemer, de debiteur"). */
export function recipientWords(roles: readonly string[]): Words {
  const words = roles.map((role) => RECIPIENT_WORDS[role] ?? { en: role, nl: role });
  return { en: words.map((word) => word.en).join(', '), nl: words.map((word) => word.nl).join(', ') };
}

/**
 * A field path of a record context ('course.startDate', 'person.emails.business') as its label; the
 * kind comes from the path's first part. Unknown paths are shown as written.
 */
export function pathLabel(path: string, locale: Locale): string {
  const dot = path.indexOf('.');
  const kind = dot < 0 ? undefined : kindOfContextKey(path.slice(0, dot));
  return kind ? fieldLabel(kind, path.slice(dot + 1), locale) : path;
}

/** The value of a context path as people read it ("definitief", "ja"). */
export function pathValueLabel(
  path: string,
  value: unknown,
  options: { locale: Locale; timeZone: string },
): string {
  const dot = path.indexOf('.');
  const kind = dot < 0 ? undefined : kindOfContextKey(path.slice(0, dot));
  return kind
    ? valueLabel(kind, path.slice(dot + 1), value, options)
    : formatValue(value, { ...options, booleans: 'yes-no' });
}

/** A context path inside a sentence, in both languages ("begindatum"). */
export function pathWords(path: string): Words {
  return { en: pathLabel(path, 'en').toLowerCase(), nl: pathLabel(path, 'nl').toLowerCase() };
}

export function platformName(platform: string): Words {
  return PLATFORM_NAMES[platform] ?? { en: platform, nl: platform };
}
