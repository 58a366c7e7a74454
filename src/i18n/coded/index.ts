import type { Locale } from '../../domain/i18n/locale.js';
import { type CatalogueText, fill } from '../fill.js';
import { ACTION_ERRORS } from './actions.js';
import { ADMIN_ERRORS } from './admin.js';
import { EXECUTION_ERRORS } from './execution.js';
import { REASON_TEXTS, RESULT_TEXTS } from './outcomes.js';
import { RECORD_ERRORS, RECORD_NOT_FOUND } from './records.js';
import { TEMPLATE_ERRORS } from './templates.js';

/** A word or phrase already in both languages: a status, a field label, a list of condition failures. */
export interface LocalText {
  readonly en: string;
  readonly nl: string;
}

/** What a coded text fills in. Lists are joined with commas; yes/no reads as such in each language. */
export type TextParam = string | number | boolean | LocalText | ReadonlyArray<string | number>;
export type TextParams = Readonly<Record<string, TextParam>>;

/**
 * Every coded error, in Dutch and English: domain and use-case errors, rejections and failures of
 * processes. The keys are the stable codes (docs/architecture.md, coded errors); a code without a text here
 * does not compile.
 */
export const ERROR_TEXTS = {
  ...ACTION_ERRORS,
  ...RECORD_ERRORS,
  ...RECORD_NOT_FOUND,
  ...ADMIN_ERRORS,
  ...TEMPLATE_ERRORS,
  ...EXECUTION_ERRORS,
} as const satisfies Record<string, Record<Locale, CatalogueText>>;

export type ErrorCode = keyof typeof ERROR_TEXTS;
export type ResultCode = keyof typeof RESULT_TEXTS;
export type ReasonCode = keyof typeof REASON_TEXTS;

/** The parts, so a test can tell that no code is defined twice (a spread would silently keep one). */
export const CODED_PARTS = {
  ACTION_ERRORS,
  RECORD_ERRORS,
  RECORD_NOT_FOUND,
  ADMIN_ERRORS,
  TEMPLATE_ERRORS,
  EXECUTION_ERRORS,
  RESULT_TEXTS,
  REASON_TEXTS,
} as const;

const CODED: Readonly<Record<string, Record<Locale, CatalogueText>>> = {
  ...ERROR_TEXTS,
  ...RESULT_TEXTS,
  ...REASON_TEXTS,
};

/** A code and what its text fills in; stored with actions so that their history reads in any language. */
export interface Coded {
  readonly code: string;
  readonly params?: TextParams | undefined;
}

const YES_NO: Readonly<Record<Locale, readonly [string, string]>> = { en: ['yes', 'no'], nl: ['ja', 'nee'] };

export function isLocalText(value: unknown): value is LocalText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LocalText).en === 'string' &&
    typeof (value as LocalText).nl === 'string'
  );
}

function paramText(value: unknown, locale: Locale): string | number | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  if (isLocalText(value)) return value[locale];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.join(', ');
  return undefined;
}

/** Parameters as text in `locale`; anything else (objects, dates of an API detail) is left out. */
export function localParams(
  params: Readonly<Record<string, unknown>> | undefined,
  locale: Locale,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    const text = paramText(value, locale);
    if (text !== undefined) out[name] = text;
  }
  return out;
}

export function hasCodedText(code: string): boolean {
  return Object.hasOwn(CODED, code);
}

/** The text of a code in `locale`, or undefined for a code this catalogue does not know. */
export function codedText(coded: Coded, locale: Locale): string | undefined {
  const text = CODED[coded.code];
  return text ? fill(text[locale], localParams(coded.params, locale)) : undefined;
}

/** The parts of an error's `details` that read as text (ids, counts, lists of valid choices). */
export function textParamsOf(
  details: Readonly<Record<string, unknown>> | undefined,
): Record<string, TextParam> {
  const out: Record<string, TextParam> = {};
  for (const [name, value] of Object.entries(details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[name] = value;
    else if (
      Array.isArray(value) &&
      value.every((item) => typeof item === 'string' || typeof item === 'number')
    )
      out[name] = value;
  }
  return out;
}
