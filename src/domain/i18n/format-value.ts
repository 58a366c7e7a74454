import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import type { Locale, RenderOptions } from './locale.js';

/** Merge codes write booleans as yes/no ("Paid: yes"); explanations as true/false ("full is false"). */
export type BooleanStyle = 'yes-no' | 'true-false';

const BOOLEAN_WORDS: Readonly<Record<BooleanStyle, Readonly<Record<Locale, readonly [string, string]>>>> = {
  'yes-no': { nl: ['ja', 'nee'], en: ['yes', 'no'] },
  'true-false': { nl: ['waar', 'onwaar'], en: ['true', 'false'] },
};

const DATE_LOCALES = { nl, en: enGB } as const;
const NUMBER_LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const;

export interface FormatOptions extends RenderOptions {
  readonly booleans: BooleanStyle;
  /** Fixed decimals, for amounts of money. */
  readonly decimals?: number | undefined;
}

/**
 * A value as a person reads it in `locale`: dates as "14 november 2026" in the given zone, numbers with
 * the locale's separators, lists joined by commas. Absent values are the empty string.
 */
export function formatValue(value: unknown, options: FormatOptions): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return format(value, 'd MMMM yyyy', { locale: DATE_LOCALES[options.locale], in: tz(options.timeZone) });
  }
  if (typeof value === 'number') {
    const digits = options.decimals;
    return new Intl.NumberFormat(NUMBER_LOCALES[options.locale], {
      ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    }).format(value);
  }
  if (typeof value === 'boolean') {
    const [yes, no] = BOOLEAN_WORDS[options.booleans][options.locale];
    return value ? yes : no;
  }
  if (Array.isArray(value)) return value.map((item) => formatValue(item, options)).join(', ');
  return String(value);
}
