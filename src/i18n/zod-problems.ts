import type { z } from 'zod';
import type { LocalText } from './coded/index.js';

type Issue = z.core.$ZodIssue;

const KIND_NL: Readonly<Record<string, string>> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'ja of nee (true/false)',
  date: 'een datum',
  array: 'een lijst',
  object: 'een object',
  null: 'leeg (null)',
};

function sizeNl(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, bound: 'min' | 'max'): string {
  const limit = String(
    bound === 'min' ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum,
  );
  switch (issue.origin) {
    case 'string':
      if (bound === 'min' && limit === '1') return 'mag niet leeg zijn';
      return bound === 'min'
        ? `moet minstens ${limit} tekens hebben`
        : `mag hoogstens ${limit} tekens hebben`;
    case 'array':
    case 'set':
      return bound === 'min' ? `moet minstens ${limit} items hebben` : `mag hoogstens ${limit} items hebben`;
    default:
      return bound === 'min' ? `moet minstens ${limit} zijn` : `mag hoogstens ${limit} zijn`;
  }
}

const FORMAT_NL: Readonly<Record<string, string>> = {
  email: 'moet een e-mailadres zijn',
  url: 'moet een URL zijn',
  datetime: 'moet een datum-tijd in ISO 8601 met tijdzone zijn, bijv. 2026-11-14T09:00:00+01:00',
  date: 'moet een datum zijn, bijv. 2026-11-14',
  time: 'moet een tijd zijn, bijv. 09:00',
};

/**
 * A schema problem in Dutch. The schemas carry their own English messages ("must be true or false");
 * Dutch is derived from the kind of problem zod reports, which says the same in general words.
 */
function dutch(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `moet ${KIND_NL[issue.expected] ?? issue.expected} zijn`;
    case 'too_small':
      return sizeNl(issue, 'min');
    case 'too_big':
      return sizeNl(issue, 'max');
    case 'invalid_format':
      return FORMAT_NL[issue.format] ?? 'heeft niet de juiste vorm';
    case 'invalid_value':
      return `moet een van deze zijn: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `onbekende velden: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return `moet een veelvoud van ${String(issue.divisor)} zijn`;
    default:
      return 'is geen geldige waarde';
  }
}

/** What is wrong with one input value, in both languages. */
export function zodProblem(issue: Issue): LocalText {
  return { en: issue.message, nl: dutch(issue) };
}
