import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import { BoundedCache } from '../memo.js';
import type { Locale, RenderOptions } from './locale.js';

/** Merge codes write booleans as yes/no ("Paid: yes"); explanations as true/false ("full is false"). */
export type BooleanStyle = 'yes-no' | 'true-false';

const BOOLEAN_WORDS: Readonly<Record<BooleanStyle, Readonly<Record<Locale, readonly [string, string]>>>> = {
  'yes-no': { nl: ['ja', 'nee'], en: ['yes', 'no'] },
  'true-false': { nl: ['waar', 'onwaar'], en: ['true', 'false'] },
};

const DATE_LOCALES = { nl, en: enGB } as const;
const NUMBER_LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const;

// Names of thousands of actions render the same few dates and numbers; formatting them is slow, so the
// results (dates) and the formatters (numbers) are kept.
const formattedDates = new BoundedCache<string>(10_000);
const numberFormats = new BoundedCache<Intl.NumberFormat>(100);

function numberFormat(locale: Locale, digits: number | undefined): Intl.NumberFormat {
  return numberFormats.get(
    `${locale}|${digits ?? ''}`,
    () =>
      new Intl.NumberFormat(NUMBER_LOCALES[locale], {
        ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      }),
  );
}

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
    const { locale, timeZone } = options;
    return formattedDates.get(`${locale}|${timeZone}|${value.getTime()}`, () =>
      format(value, 'd MMMM yyyy', { locale: DATE_LOCALES[locale], in: tz(timeZone) }),
    );
  }
  if (typeof value === 'number') return numberFormat(options.locale, options.decimals).format(value);
  if (typeof value === 'boolean') {
    const [yes, no] = BOOLEAN_WORDS[options.booleans][options.locale];
    return value ? yes : no;
  }
  if (Array.isArray(value)) return value.map((item) => formatValue(item, options)).join(', ');
  return String(value);
}
