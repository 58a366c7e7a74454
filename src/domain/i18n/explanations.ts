import type { Locale } from './locale.js';

/** The sentences that explain a condition, per language; values arrive already formatted. */
export interface ExplanationText {
  readonly actual: (field: string, value: string) => string;
  readonly empty: string;
  readonly expected: Readonly<
    Record<'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'contains', (value: string) => string>
  >;
  readonly expectedValue: string;
  readonly expectedNoValue: string;
  readonly noneOf: (reasons: string) => string;
  readonly listSeparator: string;
}

export const EXPLANATION_TEXT: Readonly<Record<Locale, ExplanationText>> = {
  en: {
    actual: (field, value) => `${field} is ${value}`,
    empty: 'empty',
    expected: {
      eq: (value) => `expected ${value}`,
      ne: (value) => `expected anything but ${value}`,
      gt: (value) => `expected more than ${value}`,
      gte: (value) => `expected at least ${value}`,
      lt: (value) => `expected less than ${value}`,
      lte: (value) => `expected at most ${value}`,
      in: (value) => `expected one of ${value}`,
      contains: (value) => `expected it to contain ${value}`,
    },
    expectedValue: 'expected a value',
    expectedNoValue: 'expected no value',
    noneOf: (reasons) => `none of these holds: ${reasons}`,
    listSeparator: ' or ',
  },
  nl: {
    actual: (field, value) => `${field} is ${value}`,
    empty: 'leeg',
    expected: {
      eq: (value) => `verwacht ${value}`,
      ne: (value) => `verwacht iets anders dan ${value}`,
      gt: (value) => `verwacht meer dan ${value}`,
      gte: (value) => `verwacht minstens ${value}`,
      lt: (value) => `verwacht minder dan ${value}`,
      lte: (value) => `verwacht hoogstens ${value}`,
      in: (value) => `verwacht een van ${value}`,
      contains: (value) => `verwacht dat het ${value} bevat`,
    },
    expectedValue: 'verwacht een waarde',
    expectedNoValue: 'verwacht geen waarde',
    noneOf: (reasons) => `geen van deze geldt: ${reasons}`,
    listSeparator: ' of ',
  },
};
